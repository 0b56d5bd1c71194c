// Digests of known vectors in every encoding, aliases, copy(), streams and errors.
const crypto = require('crypto');

const algorithms = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256',
  'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'shake128', 'shake256', 'blake2b512', 'blake2s256',
  'ripemd160', 'RSA-SHA256', 'SHA256', 'sha256WithRSAEncryption', 'RSA-SHA512/256', 'md5-sha1', 'sm3', 'ssl3-sha1'];
for (const alg of algorithms) {
  for (const input of ['', 'abc', 'The quick brown fox jumps over the lazy dog']) {
    console.log(alg, JSON.stringify(input), crypto.createHash(alg).update(input).digest('hex'));
  }
}
const encodings = ['hex', 'base64', 'base64url', 'latin1', 'binary', 'utf8', 'ucs2', 'ascii', undefined, 'buffer'];
for (const enc of encodings) {
  const out = crypto.createHash('sha256').update('abc').digest(enc);
  console.log(enc, typeof out, Buffer.isBuffer(out), JSON.stringify(Buffer.isBuffer(out) ? out.toString('hex') : out));
}
// Inputs in encodings and every view type.
const h = crypto.createHash('sha1');
h.update('616263', 'hex').update('YWJj', 'base64').update('\u00e9', 'latin1').update('\u00e9').update('x', 'ucs2');
h.update(new Uint16Array([1, 2, 3])).update(new DataView(new ArrayBuffer(5))).update(new Float64Array([1.5]));
h.update(Buffer.from('buffer').subarray(2));
console.log(h.digest('hex'));
// 1 MiB in chunks equals one shot.
const big = Buffer.alloc(1 << 20, 7);
const chunked = crypto.createHash('sha512');
for (let i = 0; i < big.length; i += 1000) chunked.update(big.subarray(i, i + 1000));
console.log(chunked.digest('hex') === crypto.createHash('sha512').update(big).digest('hex'));
// A buffer changed after update() does not change the digest.
const mutable = Buffer.from('abc');
const early = crypto.createHash('md5').update(mutable);
mutable.fill(0);
console.log(early.digest('hex'));
// copy()
const base = crypto.createHash('sha256').update('one');
const copy = base.copy();
copy.update('two');
console.log(base.digest('hex'), copy.digest('hex'));
const bigBase = crypto.createHash('sha256').update(big);
const bigCopy = bigBase.copy().update('x');
console.log(bigBase.digest('hex'), bigCopy.digest('hex'));
// XOF lengths.
for (const len of [0, 1, 16, 32, 100]) console.log('shake128', len, crypto.createHash('shake128', { outputLength: len }).update('abc').digest('hex'));
const xof = crypto.createHash('shake256').update('abc');
console.log(xof.copy({ outputLength: 5 }).digest('hex'), xof.digest('hex'));
// One-shot hash().
console.log(crypto.hash('sha1', 'abc'), crypto.hash('md5', Buffer.from('abc'), 'base64'), crypto.hash('sha256', 'abc', 'buffer').length);
// As a stream.
const stream = crypto.createHash('sha256');
stream.on('data', (d) => console.log('data', d.toString('hex')));
stream.on('end', () => console.log('end'));
stream.write('a');
stream.end('bc');
const stream2 = crypto.createHash('md5');
stream2.setEncoding('hex');
stream2.on('readable', () => { const d = stream2.read(); if (d !== null) console.log('readable', d); });
stream2.end('abc');
console.log(crypto.createHash('md5') instanceof crypto.Hash);
// Errors.
function attempt(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', out);
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
attempt('unknown', () => crypto.createHash('nope'));
attempt('not string', () => crypto.createHash(5));
attempt('no alg', () => crypto.createHash());
attempt('bad data', () => crypto.createHash('md5').update(5));
attempt('bad data obj', () => crypto.createHash('md5').update({}));
attempt('bad data null', () => crypto.createHash('md5').update(null));
attempt('xof bad', () => crypto.createHash('sha256', { outputLength: 16 }));
attempt('xof same', () => crypto.createHash('sha256', { outputLength: 32 }).digest('hex'));
attempt('xof neg', () => crypto.createHash('shake128', { outputLength: -1 }));
attempt('xof str', () => crypto.createHash('shake128', { outputLength: '1' }));
attempt('twice', () => { const x = crypto.createHash('md5'); x.digest(); return x.digest(); });
attempt('update after', () => { const x = crypto.createHash('md5'); x.digest(); return x.update('a'); });
attempt('copy after', () => { const x = crypto.createHash('md5'); x.digest(); return x.copy(); });
attempt('hash bad', () => crypto.hash('nope', 'x'));
attempt('hash input', () => crypto.hash('md5', 5));
