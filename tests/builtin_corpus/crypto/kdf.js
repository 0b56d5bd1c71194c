// pbkdf2 (RFC 6070), scrypt (RFC 7914), hkdf (RFC 5869): vectors, callbacks, errors.
const crypto = require('crypto');

const pbkdf2 = [
  ['password', 'salt', 1, 20], ['password', 'salt', 2, 20], ['password', 'salt', 4096, 20],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25], ['pass\0word', 'sa\0lt', 4096, 16],
];
for (const [p, s, c, len] of pbkdf2) console.log('pbkdf2', c, crypto.pbkdf2Sync(p, s, c, len, 'sha1').toString('hex'));
console.log(crypto.pbkdf2Sync('password', 'salt', 1, 32, 'sha256').toString('hex'));
console.log(crypto.pbkdf2Sync('password', 'salt', 3, 100, 'SHA512').toString('base64'));
console.log(crypto.pbkdf2Sync(Buffer.from('pw'), new Uint8Array([1, 2]), 1, 1, 'sha1').length);

const scrypt = [
  ['', '', 16, 1, 1, 64], ['password', 'NaCl', 1024, 8, 16, 64], ['pleaseletmein', 'SodiumChloride', 16384, 8, 1, 64],
];
for (const [p, s, N, r, par, len] of scrypt) {
  console.log('scrypt', N, crypto.scryptSync(p, s, len, { N, r, p: par }).toString('hex'));
}
console.log(crypto.scryptSync('pw', 'salt', 16).toString('hex'));
console.log(crypto.scryptSync('pw', 'salt', 16, { cost: 32, blockSize: 2, parallelization: 2 }).toString('hex'));
console.log(crypto.scryptSync('pw', 'salt', 16, { N: 0, r: 0, p: 0 }).toString('hex'));

const hkdf = [
  ['sha256', '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', '000102030405060708090a0b0c', 'f0f1f2f3f4f5f6f7f8f9', 42],
  ['sha256', '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', '', '', 42],
  ['sha1', '0b0b0b0b0b0b0b0b0b0b0b', '000102030405060708090a0b0c', 'f0f1f2f3f4f5f6f7f8f9', 42],
];
for (const [d, ikm, salt, info, len] of hkdf) {
  const out = crypto.hkdfSync(d, Buffer.from(ikm, 'hex'), Buffer.from(salt, 'hex'), Buffer.from(info, 'hex'), len);
  console.log('hkdf', d, out instanceof ArrayBuffer, Buffer.from(out).toString('hex'));
}
console.log(Buffer.from(crypto.hkdfSync('sha512', crypto.createSecretKey(Buffer.from('k')), 's', 'i', 64)).toString('base64'));

function attempt(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', Buffer.isBuffer(out) ? out.toString('hex') : out);
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
attempt('pbkdf2 keylen 0', () => crypto.pbkdf2Sync('a', 'b', 1, 0, 'sha1'));
attempt('pbkdf2 iter 0', () => crypto.pbkdf2Sync('a', 'b', 0, 10, 'sha1'));
attempt('pbkdf2 iter float', () => crypto.pbkdf2Sync('a', 'b', 1.5, 10, 'sha1'));
attempt('pbkdf2 keylen neg', () => crypto.pbkdf2Sync('a', 'b', 1, -1, 'sha1'));
attempt('pbkdf2 digest', () => crypto.pbkdf2Sync('a', 'b', 1, 10, 'nope'));
attempt('pbkdf2 no digest', () => crypto.pbkdf2Sync('a', 'b', 1, 10));
attempt('pbkdf2 password', () => crypto.pbkdf2Sync(1, 'b', 1, 10, 'sha1'));
attempt('pbkdf2 no cb', () => crypto.pbkdf2('a', 'b', 1, 10, 'sha1'));
attempt('scrypt N', () => crypto.scryptSync('a', 'b', 16, { N: 3 }));
attempt('scrypt N 1', () => crypto.scryptSync('a', 'b', 16, { N: 1 }));
attempt('scrypt mem', () => crypto.scryptSync('a', 'b', 16, { N: 2 ** 20 }));
attempt('scrypt maxmem', () => crypto.scryptSync('a', 'b', 16, { N: 1024, maxmem: 1024 }));
attempt('scrypt pair', () => crypto.scryptSync('a', 'b', 16, { N: 16, cost: 16 }));
attempt('scrypt neg', () => crypto.scryptSync('a', 'b', 16, { r: -1 }));
attempt('scrypt keylen', () => crypto.scryptSync('a', 'b', -1));
attempt('scrypt maxmem str', () => crypto.scryptSync('a', 'b', 16, { maxmem: '1' }));
attempt('hkdf digest', () => crypto.hkdfSync('nope', 'a', 'b', 'c', 10));
attempt('hkdf len', () => crypto.hkdfSync('sha256', 'a', 'b', 'c', 255 * 32 + 1));
attempt('hkdf info', () => crypto.hkdfSync('sha256', 'a', 'b', Buffer.alloc(1025), 10));
attempt('hkdf key', () => crypto.hkdfSync('sha256', 5, 'b', 'c', 10));
attempt('hkdf zero', () => crypto.hkdfSync('sha256', 'a', 'b', 'c', 0).byteLength);

// Callback forms run after the current tick (in thread-pool order: printed sorted).
const results = [];
function collect(label) {
  return (err, key) => {
    results.push(`${label} ${err} ${Buffer.from(key).toString('hex')}`);
    if (results.length === 4) console.log(results.sort().join('\n'));
  };
}
crypto.pbkdf2('password', 'salt', 2, 20, 'sha1', collect('pbkdf2 cb'));
crypto.scrypt('password', 'NaCl', 16, { N: 1024, r: 8, p: 16 }, collect('scrypt cb'));
crypto.scrypt('pw', 'salt', 8, collect('scrypt cb2'));
crypto.hkdf('sha256', 'key', 'salt', 'info', 8, collect('hkdf cb'));
process.nextTick(() => console.log('tick first'));
console.log('sync end');
