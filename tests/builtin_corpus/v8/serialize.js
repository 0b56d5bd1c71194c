const v8 = require('v8');
const { inspect } = require('util');
const values = [
  undefined, null, true, false, 0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, NaN, -0, 'abc', 'héllo', 'snow ☃', '',
  12345678901234567890n, -5n, [1, 2, 3], [1, , 3], { a: 1, b: [true, null], c: { d: 'x' } },
  new Map([[1, 'one'], ['two', 2]]), new Set([1, 'a', null]), new Date(86400000), /ab+c/gi,
  Object(1), Object('s'), Object(false), { nested: { deeper: { deepest: [[[]]] } } },
];
for (const v of values) {
  const bytes = v8.serialize(v);
  console.log(Buffer.isBuffer(bytes), bytes.toString('hex'), inspect(v8.deserialize(bytes)));
}
const shared = { s: 1 };
const cyclic = { a: shared, b: shared };
cyclic.self = cyclic;
const back = v8.deserialize(v8.serialize(cyclic));
console.log(v8.serialize(cyclic).toString('hex'), back.a === back.b, back.self === back);
const ab = new ArrayBuffer(4);
new Uint8Array(ab).set([1, 2, 3, 4]);
console.log(v8.serialize(ab).toString('hex'));
for (const view of [Buffer.from('hi'), new Uint16Array([1, 2]), new Float64Array([0.5]), new DataView(new ArrayBuffer(2))]) {
  const out = v8.deserialize(v8.serialize(view));
  console.log(Object.prototype.toString.call(out), out.byteLength);
}
// Bytes written by Node 22 read back.
console.log(inspect(v8.deserialize(Buffer.from('ff0f6f2201614103490249046f220162307b012400037b01', 'hex'))));
console.log(inspect(v8.deserialize(Buffer.from('ff0f3b490249043a02', 'hex'))));
for (const bad of [() => v8.serialize(() => 1), () => v8.serialize(Symbol('s')), () => v8.deserialize(Buffer.from([1, 2])), () => v8.deserialize('x')]) {
  try {
    bad();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
for (const hex of ['ff0f6f', 'ff0f22ff', 'ff0f']) {
  try {
    console.log(v8.deserialize(Buffer.from(hex, 'hex')));
  } catch (e) {
    console.log(hex, e.name, e.message);
  }
}
