// HMAC: RFC 4231 test cases, key types, streams and errors.
const crypto = require('crypto');

const cases = [
  [Buffer.alloc(20, 0x0b), Buffer.from('Hi There')],
  [Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?')],
  [Buffer.alloc(20, 0xaa), Buffer.alloc(50, 0xdd)],
  [Buffer.from('0102030405060708090a0b0c0d0e0f10111213141516171819', 'hex'), Buffer.alloc(50, 0xcd)],
  [Buffer.alloc(131, 0xaa), Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First')],
  [Buffer.alloc(131, 0xaa), Buffer.from('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.')],
];
for (const [i, [key, data]] of cases.entries()) {
  for (const alg of ['sha224', 'sha256', 'sha384', 'sha512']) {
    console.log(i + 1, alg, crypto.createHmac(alg, key).update(data).digest('hex'));
  }
}
for (const alg of ['md5', 'sha1', 'sha3-256', 'ripemd160', 'sha512-256', 'blake2b512', 'RSA-SHA1']) {
  console.log(alg, crypto.createHmac(alg, 'key').update('The quick brown fox').digest('base64'));
}
// Key forms: string (with encoding option), ArrayBuffer, views, KeyObject.
const keyBytes = Buffer.from('secret key');
const forms = [
  'secret key', keyBytes, keyBytes.buffer.slice(keyBytes.byteOffset, keyBytes.byteOffset + keyBytes.length),
  new Uint8Array(keyBytes), new DataView(Uint8Array.from(keyBytes).buffer), crypto.createSecretKey(keyBytes),
];
for (const key of forms) console.log(crypto.createHmac('sha256', key).update('m').digest('hex'));
console.log(crypto.createHmac('sha256', '736563726574206b6579', { encoding: 'hex' }).update('m').digest('hex'));
console.log(crypto.createHmac('sha256', '').update('').digest('hex'));
// Large input in pieces.
const big = Buffer.alloc(300000, 3);
const h = crypto.createHmac('sha1', 'k');
for (let i = 0; i < big.length; i += 7000) h.update(big.subarray(i, i + 7000));
console.log(h.digest('hex') === crypto.createHmac('sha1', 'k').update(big).digest('hex'));
// Second digest is empty; update after digest throws.
const done = crypto.createHmac('md5', 'k');
console.log(done.digest('hex').length, JSON.stringify(done.digest('hex')), done.digest().length);
function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
attempt('update after', () => done.update('x'));
attempt('bad digest', () => crypto.createHmac('nope', 'k'));
attempt('no key', () => crypto.createHmac('sha256'));
attempt('null key', () => crypto.createHmac('sha256', null));
attempt('number key', () => crypto.createHmac('sha256', 1));
attempt('bad alg type', () => crypto.createHmac(1, 'k'));
const { privateKey } = crypto.generateKeyPairSync('ed25519');
attempt('private key', () => crypto.createHmac('sha256', privateKey));
// Stream form.
const s = crypto.createHmac('sha256', 'k');
s.on('data', (d) => console.log('stream', d.toString('hex')));
s.end('streamed');
