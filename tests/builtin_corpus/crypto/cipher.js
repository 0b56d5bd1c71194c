// Ciphers: NIST known answers, round trips, streaming == one-shot, padding, AEAD tags, errors.
const crypto = require('crypto');
const hex = (s) => Buffer.from(s, 'hex');

// NIST SP 800-38A F.2.1 (CBC-AES128), F.5.1 (CTR-AES128), F.1.1 (ECB-AES128), F.2.5 (CBC-AES256).
const plain = hex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710');
const k128 = hex('2b7e151628aed2a6abf7158809cf4f3c');
const k256 = hex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
function once(name, key, iv, data, pad = true) {
  const c = crypto.createCipheriv(name, key, iv);
  c.setAutoPadding(pad);
  return Buffer.concat([c.update(data), c.final()]);
}
console.log('cbc128', once('aes-128-cbc', k128, hex('000102030405060708090a0b0c0d0e0f'), plain, false).toString('hex'));
console.log('cbc256', once('aes-256-cbc', k256, hex('000102030405060708090a0b0c0d0e0f'), plain, false).toString('hex'));
console.log('ctr128', once('aes-128-ctr', k128, hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), plain).toString('hex'));
console.log('ecb128', once('aes-128-ecb', k128, null, plain, false).toString('hex'));
console.log('ofb128', once('aes-128-ofb', k128, hex('000102030405060708090a0b0c0d0e0f'), plain).toString('hex'));
console.log('cfb128', once('aes-128-cfb', k128, hex('000102030405060708090a0b0c0d0e0f'), plain).toString('hex'));
console.log('cfb8', once('aes-128-cfb8', k128, hex('000102030405060708090a0b0c0d0e0f'), plain.subarray(0, 18)).toString('hex'));
console.log('aes192', once('aes-192-cbc', Buffer.alloc(24, 5), Buffer.alloc(16, 6), 'x').toString('hex'));
console.log('alias', once('AES256', k256, Buffer.alloc(16), 'x').toString('hex'), once('aes128', k128, Buffer.alloc(16), 'x').toString('hex'));

// GCM: NIST test case 4 (McGrew & Viega) with AAD.
const gk = hex('feffe9928665731c6d6a8f9467308308');
const giv = hex('cafebabefacedbaddecaf888');
const gp = hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39');
const gaad = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
const g = crypto.createCipheriv('aes-128-gcm', gk, giv);
g.setAAD(gaad);
const gct = Buffer.concat([g.update(gp), g.final()]);
const gtag = g.getAuthTag();
console.log('gcm', gct.toString('hex'), gtag.toString('hex'));
const gd = crypto.createDecipheriv('aes-128-gcm', gk, giv);
gd.setAAD(gaad).setAuthTag(gtag);
console.log('gcm dec', Buffer.concat([gd.update(gct), gd.final()]).equals(gp));
for (const tagLen of [4, 8, 12, 16]) {
  const e = crypto.createCipheriv('aes-256-gcm', k256, Buffer.alloc(16, 1), { authTagLength: tagLen });
  const ct = Buffer.concat([e.update('tagged'), e.final()]);
  const tag = e.getAuthTag();
  const d = crypto.createDecipheriv('aes-256-gcm', k256, Buffer.alloc(16, 1), { authTagLength: tagLen });
  d.setAuthTag(tag);
  console.log('gcm tag', tagLen, tag.length, ct.toString('hex'), Buffer.concat([d.update(ct), d.final()]).toString());
}
// chacha20-poly1305: RFC 8439 2.8.2.
const ck = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
const civ = hex('070000004041424344454647');
const cp = Buffer.from("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
const c = crypto.createCipheriv('chacha20-poly1305', ck, civ, { authTagLength: 16 });
c.setAAD(hex('50515253c0c1c2c3c4c5c6c7'));
const cct = Buffer.concat([c.update(cp.subarray(0, 10)), c.update(cp.subarray(10)), c.final()]);
console.log('chacha', cct.toString('hex'), c.getAuthTag().toString('hex'));
const cd = crypto.createDecipheriv('chacha20-poly1305', ck, civ, { authTagLength: 16 });
cd.setAAD(hex('50515253c0c1c2c3c4c5c6c7'));
cd.setAuthTag(c.getAuthTag());
console.log('chacha dec', Buffer.concat([cd.update(cct), cd.final()]).equals(cp));
console.log('chacha20', once('chacha20', ck, Buffer.alloc(16, 2), 'stream me').toString('hex'));

// Streaming updates give the one-shot bytes; encodings in and out.
const data = Buffer.alloc(1000).map((_, i) => i * 7);
for (const name of ['aes-128-cbc', 'aes-192-ctr', 'aes-256-ecb', 'aes-256-gcm', 'aes-128-cfb8', 'chacha20-poly1305']) {
  const klen = name.startsWith('chacha') ? 32 : Number(name.slice(4, 7)) / 8;
  const ivlen = name.endsWith('ecb') ? 0 : name.endsWith('gcm') || name.startsWith('chacha') ? 12 : 16;
  const key = Buffer.alloc(klen, 3);
  const iv = ivlen ? Buffer.alloc(ivlen, 4) : null;
  const whole = once(name, key, iv, data);
  const parts = [];
  const e = crypto.createCipheriv(name, key, iv);
  for (let i = 0; i < data.length; i += 37) parts.push(e.update(data.subarray(i, i + 37)));
  parts.push(e.final());
  const streamed = Buffer.concat(parts);
  const d = crypto.createDecipheriv(name, key, iv);
  if (name.endsWith('gcm') || name.startsWith('chacha')) d.setAuthTag(e.getAuthTag());
  let back = '';
  for (let i = 0; i < streamed.length; i += 50) back += d.update(streamed.subarray(i, i + 50), undefined, 'hex');
  back += d.final('hex');
  console.log(name, whole.equals(streamed), whole.length, back === data.toString('hex'));
}
const enc = crypto.createCipheriv('aes-128-cbc', k128, Buffer.alloc(16));
let b64 = enc.update('h\u00e9llo w\u00f6rld', 'utf8', 'base64');
b64 += enc.final('base64');
console.log(b64);
const dec = crypto.createDecipheriv('aes-128-cbc', k128, Buffer.alloc(16));
console.log(dec.update(b64, 'base64', 'utf8') + dec.final('utf8'));
const latin = crypto.createCipheriv('aes-128-ctr', k128, Buffer.alloc(16));
console.log(JSON.stringify(latin.update('abc', 'latin1', 'latin1') + latin.final('latin1')));
// Key and iv as KeyObject / strings / views.
console.log(once('aes-128-cbc', crypto.createSecretKey(k128), new Uint8Array(16), 'k').toString('hex'));
console.log(once('aes-128-cbc', 'abcdefghijklmnop', 'ponmlkjihgfedcba', 'k').toString('hex'));
console.log(once('aes-128-cbc', new DataView(k128.buffer, k128.byteOffset, 16), Buffer.alloc(16).buffer, 'k').toString('hex'));
// Padding: exact block multiples, no padding, empty input.
console.log(once('aes-128-cbc', k128, Buffer.alloc(16), Buffer.alloc(16)).length, once('aes-128-cbc', k128, Buffer.alloc(16), '').toString('hex'));
const np = once('aes-128-cbc', k128, Buffer.alloc(16), Buffer.alloc(32, 1), false);
const npd = crypto.createDecipheriv('aes-128-cbc', k128, Buffer.alloc(16)).setAutoPadding(false);
console.log(np.length, Buffer.concat([npd.update(np), npd.final()]).toString('hex'));
// Cipher and Decipher as streams.
const se = crypto.createCipheriv('aes-128-ctr', k128, Buffer.alloc(16));
const chunks = [];
se.on('data', (d) => chunks.push(d));
se.on('end', () => console.log('stream', Buffer.concat(chunks).toString('hex')));
se.write('streamed ');
se.end('cipher');

function attempt(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', Buffer.isBuffer(out) ? out.toString('hex') : out);
  } catch (err) {
    console.log(label, err.name, err.code, err.message, err.reason ?? '', err.library ?? '');
  }
}
const ct16 = once('aes-128-cbc', k128, Buffer.alloc(16), 'secret');
function decrypt(name, key, iv, data) {
  const d = crypto.createDecipheriv(name, key, iv);
  return Buffer.concat([d.update(data), d.final()]);
}
attempt('good decrypt', () => decrypt('aes-128-cbc', k128, Buffer.alloc(16), ct16).toString());
attempt('bad decrypt', () => decrypt('aes-128-cbc', Buffer.alloc(16, 9), Buffer.alloc(16), ct16));
attempt('bad decrypt 2', () => decrypt('aes-128-cbc', k128, Buffer.alloc(16), Buffer.concat([ct16, Buffer.alloc(16)])));
attempt('bad decrypt ecb', () => decrypt('aes-256-ecb', k256, null, Buffer.alloc(32, 1)));
try {
  decrypt('aes-128-cbc', Buffer.alloc(16, 9), Buffer.alloc(16), ct16);
} catch (err) {
  console.log(Object.keys(err), err instanceof Error, err.constructor === Error);
}
attempt('short final', () => { const d = crypto.createDecipheriv('aes-128-cbc', k128, Buffer.alloc(16)); d.update(Buffer.alloc(15)); return d.final(); });
attempt('empty final', () => crypto.createDecipheriv('aes-128-cbc', k128, Buffer.alloc(16)).final());
attempt('nopad odd', () => once('aes-128-cbc', k128, Buffer.alloc(16), 'abc', false));
attempt('key len', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), Buffer.alloc(16)));
attempt('key len 256', () => crypto.createCipheriv('aes-256-gcm', Buffer.alloc(16), Buffer.alloc(12)));
attempt('iv len', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(15)));
attempt('iv ecb', () => crypto.createCipheriv('aes-128-ecb', Buffer.alloc(16), Buffer.alloc(16)));
attempt('iv null', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), null));
attempt('iv gcm 0', () => crypto.createCipheriv('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(0)));
attempt('unknown', () => crypto.createCipheriv('aes-128-xyz', Buffer.alloc(16), Buffer.alloc(16)));
attempt('cipher type', () => crypto.createCipheriv(1, Buffer.alloc(16), Buffer.alloc(16)));
attempt('key type', () => crypto.createCipheriv('aes-128-cbc', 1, Buffer.alloc(16)));
attempt('iv type', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), 1));
attempt('tag len', () => crypto.createCipheriv('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 7 }));
attempt('final twice', () => { const e = crypto.createCipheriv('aes-128-cbc', k128, Buffer.alloc(16)); e.final(); return e.final(); });
attempt('update after', () => { const e = crypto.createCipheriv('aes-128-cbc', k128, Buffer.alloc(16)); e.final(); return e.update('a'); });
attempt('update type', () => crypto.createCipheriv('aes-128-cbc', k128, Buffer.alloc(16)).update(5));
attempt('tag early', () => crypto.createCipheriv('aes-128-gcm', k128, Buffer.alloc(12)).getAuthTag());
attempt('tag cbc', () => { const e = crypto.createCipheriv('aes-128-cbc', k128, Buffer.alloc(16)); e.final(); return e.getAuthTag(); });
attempt('aad late', () => { const e = crypto.createCipheriv('aes-128-gcm', k128, Buffer.alloc(12)); e.update('a'); return e.setAAD(Buffer.alloc(1)); });
attempt('gcm no tag', () => { const d = crypto.createDecipheriv('aes-128-gcm', gk, giv); d.update(gct); return d.final(); });
attempt('gcm bad tag', () => { const d = crypto.createDecipheriv('aes-128-gcm', gk, giv); d.setAuthTag(Buffer.alloc(16)); d.update(gct); return d.final(); });
attempt('gcm tag len', () => crypto.createDecipheriv('aes-128-gcm', gk, giv).setAuthTag(Buffer.alloc(5)));
attempt('gcm tag mismatch', () => crypto.createDecipheriv('aes-128-gcm', gk, giv, { authTagLength: 8 }).setAuthTag(Buffer.alloc(16)));
attempt('chacha bad tag', () => { const d = crypto.createDecipheriv('chacha20-poly1305', ck, civ); d.setAuthTag(Buffer.alloc(16)); d.update(cct); return d.final(); });
attempt('secret private', () => crypto.createCipheriv('aes-128-cbc', crypto.generateKeyPairSync('ed25519').privateKey, Buffer.alloc(16)));
