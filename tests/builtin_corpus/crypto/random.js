// Random functions: output shapes, callbacks and Node's range checks.
const crypto = require('crypto');

console.log(crypto.randomBytes(0).length, crypto.randomBytes(16).length, Buffer.isBuffer(crypto.randomBytes(3)));
const a = crypto.randomBytes(32);
const b = crypto.randomBytes(32);
console.log(a.equals(b), crypto.pseudoRandomBytes === crypto.randomBytes);
const u8 = new Uint8Array(64);
console.log(crypto.randomFillSync(u8) === u8, u8.some((x) => x !== 0));
const u32 = new Uint32Array(8);
crypto.randomFillSync(u32, 2, 3);
console.log(u32[0], u32[1], u32[5], u32[6], u32[7]);
const ab = new ArrayBuffer(10);
console.log(crypto.randomFillSync(ab) === ab);
const dv = new DataView(new ArrayBuffer(4));
console.log(crypto.randomFillSync(dv, 4).getUint32(0));
for (let i = 0; i < 200; i++) {
  const n = crypto.randomInt(3, 7);
  if (n < 3 || n >= 7 || !Number.isInteger(n)) console.log('bad', n);
  const m = crypto.randomInt(5);
  if (m < 0 || m >= 5) console.log('bad', m);
  const big = crypto.randomInt(-(2 ** 40), 2 ** 47);
  if (big < -(2 ** 40) || big >= 2 ** 47) console.log('bad', big);
}
console.log(crypto.randomInt(-5, -4), crypto.randomInt(1));
const uuid = crypto.randomUUID();
console.log(uuid.length, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid));
console.log(crypto.randomUUID({ disableEntropyCache: true }).length, crypto.randomUUID() !== uuid);
const g = new Int16Array(4);
console.log(crypto.getRandomValues(g) === g, crypto.getRandomValues(new BigUint64Array(2)).length);
console.log(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
console.log(crypto.timingSafeEqual(new Uint16Array([1]), new Uint8Array([1, 0])), crypto.timingSafeEqual(new ArrayBuffer(2), new DataView(new ArrayBuffer(2))));

function attempt(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', typeof out);
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
attempt('bytes neg', () => crypto.randomBytes(-1));
attempt('bytes big', () => crypto.randomBytes(2 ** 31));
attempt('bytes str', () => crypto.randomBytes('1'));
attempt('bytes nan', () => crypto.randomBytes(NaN));
attempt('bytes cb', () => crypto.randomBytes(1, 'x'));
attempt('fill buf', () => crypto.randomFillSync('x'));
attempt('fill offset', () => crypto.randomFillSync(new Uint8Array(4), 5));
attempt('fill size', () => crypto.randomFillSync(new Uint8Array(4), 1, 4));
attempt('fill offset str', () => crypto.randomFillSync(new Uint8Array(4), '1'));
attempt('fill no cb', () => crypto.randomFill(new Uint8Array(4)));
attempt('int order', () => crypto.randomInt(10, 5));
attempt('int range', () => crypto.randomInt(0, 2 ** 48 + 1));
attempt('int range max', () => crypto.randomInt(2 ** 48 + 1));
attempt('int float', () => crypto.randomInt(1.5));
attempt('int str', () => crypto.randomInt('1', 5));
attempt('int cb', () => crypto.randomInt(1, 5, 'x'));
attempt('uuid opt', () => crypto.randomUUID(1));
attempt('uuid entropy', () => crypto.randomUUID({ disableEntropyCache: 1 }));
attempt('grv float', () => crypto.getRandomValues(new Float32Array(2)));
attempt('grv quota', () => crypto.getRandomValues(new Uint8Array(65537)));
attempt('grv dataview', () => crypto.getRandomValues(new DataView(new ArrayBuffer(2))));
attempt('tse length', () => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)));
attempt('tse type', () => crypto.timingSafeEqual('a', Buffer.alloc(1)));

const results = [];
function collect(label, show) {
  return (err, value) => {
    results.push(`${label} ${err} ${show(value)}`);
    if (results.length === 6) console.log(results.sort().join('\n'));
  };
}
crypto.randomBytes(8, collect('bytes cb', (buf) => buf.length));
crypto.randomFill(new Uint8Array(8), collect('fill cb', (buf) => buf.length));
crypto.randomFill(new Uint8Array(8), 2, collect('fill cb2', (buf) => buf.length));
crypto.randomFill(new Uint8Array(8), 2, 3, collect('fill cb3', (buf) => [buf[0], buf[6]]));
crypto.randomInt(10, collect('int cb', (n) => n >= 0 && n < 10));
crypto.randomInt(10, 20, collect('int cb2', (n) => n >= 10 && n < 20));
console.log('sync end');
