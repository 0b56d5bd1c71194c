// Signatures (deterministic ones printed), verify round trips, RSA encryption, diffieHellman, errors.
const crypto = require('crypto');

const rPriv = `-----BEGIN PRIVATE KEY-----
MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAK0RDnYQmw6MRLmM
o6BFP/NCTzZPNUnZ7CnQ3gyCwSVKsYcQSj09VMtyEW/ZcIw/kzzyTQopEs1gt/Id
1kYahPO+fe/Ow803Iu3WRVQkrSb9gKGSMXEkJkEPeXt2vgOlU9j26cWb8ju5lNtM
e1RgVuEioUzguPSws07rcFyxBNMBAgMBAAECgYEArNY95PcMg2jeMZgcyTCffycX
yJsuEsUKL3CicUgb8Ew6IzLHkYUwq8UNWPCEj+vl9ZXeDmmal3Uh/zCBD53oa4dJ
6B/94dapPRp+J8O2bX2eLTjEe61Ok5M6wbimaS03ffxGj4za4IC6/5kCJJhjlfxd
t37NWgoXl4QBQs3uS8kCQQDcwwN2O++DDm+xgZEAn3vAgrLf9kLTbnx5LAm+/2vu
N1Nd+um/fUE3INYBgodnIeHXSh3BhpfXAoAo50sXzYvjAkEAyLETn9PPYroWAgzX
bwCnqb7MpdlQ/pPrqZ+aXf5PSyeWHLaVIUer7nLMjeeLkrRhtnN2wr51EmI4wIuf
pb5iywJAF5OAECVwe8eT6BoVOULO/Y03uzFai6f2BR7N36b5iNRBw/yi7/9ZcqDA
GiMtgLcenlZc/Sj5mE29ECE7ZMxfzwJAOXaiZNgUAHPBy3J72Pe6Chtso2w3Cb22
84mUfKdNcvpxu+T3jGDmNM9ADL2otCfb9o7XCWnZQZtIHrGb06xQwwJAE9i4CJid
svlDKYp3rr3oa/1bs9fCIvX6h4gpEpZsVMzFsK3lzMzd7KShrHVfHf/PAeGRX07Q
l9ZtuYRSfuHEpw==
-----END PRIVATE KEY-----
`;
const ePriv = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgz9BzCUi5DDW42Jjs
iH4JgC+x7+v5vEBZvaSRtzzZxOGhRANCAAQfnVCUtmg1N02rL0ezjh2GrXzPwqt7
lIfbYIauRFSDdLlcVZ5yJNn/GgXezTQmJBRojJK7Yso0aF4ldl6sS0dC
-----END PRIVATE KEY-----
`;
const dPriv = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIBm5bx3tHFQJPBk3r73XhjM6S9oU0vXRZwoc17AqseFz
-----END PRIVATE KEY-----
`;
const xPriv = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VuBCIEIDhIymbVxZ1eNeNplnwLlaVHlD8Eg0s81QBx/QfaN25L
-----END PRIVATE KEY-----
`;

const rsa = crypto.createPrivateKey(rPriv);
const rsaPub = crypto.createPublicKey(rsa);
const ec = crypto.createPrivateKey(ePriv);
const ecPub = crypto.createPublicKey(ec);
const ed = crypto.createPrivateKey(dPriv);
const edPub = crypto.createPublicKey(ed);
const msg = Buffer.from('message to sign');

// PKCS#1 v1.5 and Ed25519 signatures are deterministic.
for (const alg of ['sha1', 'sha256', 'RSA-SHA256', 'sha384', 'sha512', 'sha3-256', 'md5']) {
  const sig = crypto.createSign(alg).update(msg).sign(rsa, 'hex');
  console.log('rsa', alg, sig.slice(0, 64), crypto.createVerify(alg).update(msg).verify(rsaPub, sig, 'hex'));
}
console.log('rsa pem', crypto.sign('sha256', msg, rPriv).toString('base64').slice(0, 40));
console.log('rsa oneshot', crypto.sign('sha256', msg, rsa).equals(crypto.createSign('sha256').update(msg).sign(rsa)));
console.log('ed25519', crypto.sign(null, msg, ed).toString('hex'), crypto.verify(null, msg, edPub, crypto.sign(undefined, msg, ed)));
console.log('ed25519 pem verify', crypto.verify(null, msg, edPub.export({ type: 'spki', format: 'pem' }), crypto.sign(null, msg, dPriv)));
// Randomised signatures: round trips only.
const pss = crypto.sign('sha256', msg, { key: rsa, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
console.log('pss', pss.length, crypto.verify('sha256', msg, { key: rsaPub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, pss),
  crypto.verify('sha256', msg, { key: rsaPub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING }, pss),
  crypto.verify('sha256', msg, rsaPub, pss));
const pssMax = crypto.createSign('sha256').update(msg).sign({ key: rsa, padding: 6 });
console.log('pss max', crypto.createVerify('sha256').update(msg).verify({ key: rsa, padding: 6, saltLength: crypto.constants.RSA_PSS_SALTLEN_AUTO }, pssMax));
const pssDigest = crypto.sign('sha256', msg, { key: rsa, padding: 6, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST });
console.log('pss digest', crypto.verify('sha256', msg, { key: rsaPub, padding: 6, saltLength: 32 }, pssDigest));
for (const alg of ['sha256', 'sha384', 'sha512', 'sha1']) {
  const der = crypto.sign(alg, msg, ec);
  const p1363 = crypto.sign(alg, msg, { key: ec, dsaEncoding: 'ieee-p1363' });
  console.log('ecdsa', alg, der[0], p1363.length, crypto.verify(alg, msg, ecPub, der), crypto.verify(alg, msg, { key: ecPub, dsaEncoding: 'ieee-p1363' }, p1363),
    crypto.verify(alg, msg, ecPub, p1363), crypto.verify(alg, Buffer.from('other'), ecPub, der));
}
const s = crypto.createSign('sha256');
s.write('streamed ');
s.end('data');
const v = crypto.createVerify('sha256');
v.update('streamed data');
console.log('stream sign', v.verify(ecPub, s.sign(ec)));
console.log('jwk verify', crypto.verify('sha256', msg, { key: ecPub.export({ format: 'jwk' }), format: 'jwk' }, crypto.sign('sha256', msg, ec)));
console.log('der verify', crypto.verify('sha256', msg, { key: rsaPub.export({ type: 'pkcs1', format: 'der' }), format: 'der', type: 'pkcs1' },
  crypto.sign('sha256', msg, rsa)));
crypto.sign('sha256', msg, ec, (err, sig) => {
  console.log('sign cb', err, sig.length > 60);
  crypto.verify('sha256', msg, ecPub, sig, (err2, ok) => console.log('verify cb', err2, ok));
});
// RSA encryption.
const oaep = crypto.publicEncrypt(rsaPub, Buffer.from('secret'));
console.log('oaep', oaep.length, crypto.privateDecrypt(rsa, oaep).toString());
const oaep256 = crypto.publicEncrypt({ key: rsaPub, oaepHash: 'sha256', oaepLabel: Buffer.from('label') }, Buffer.from('secret'));
console.log('oaep256', crypto.privateDecrypt({ key: rsa, oaepHash: 'sha256', oaepLabel: Buffer.from('label') }, oaep256).toString());
const fromPem = crypto.publicEncrypt(rsaPub.export({ type: 'spki', format: 'pem' }), Buffer.from('pem'));
console.log('pem', crypto.privateDecrypt(rPriv, fromPem).toString());
const fromPriv = crypto.publicEncrypt(rsa, Buffer.from('from private'));
console.log('from private', crypto.privateDecrypt(rsa, fromPriv).toString());
const v15 = crypto.publicEncrypt({ key: rsaPub, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from('v15'));
console.log('pkcs1 pad', v15.length);
// Key agreement.
const ecPeer = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const ab = crypto.diffieHellman({ privateKey: ec, publicKey: ecPeer.publicKey });
const ba = crypto.diffieHellman({ privateKey: ecPeer.privateKey, publicKey: ecPub });
console.log('ecdh', ab.length, ab.equals(ba));
const xa = crypto.createPrivateKey(xPriv);
const xPeer = crypto.generateKeyPairSync('x25519');
console.log('x25519', crypto.diffieHellman({ privateKey: xa, publicKey: xPeer.publicKey }).equals(
  crypto.diffieHellman({ privateKey: xPeer.privateKey, publicKey: crypto.createPublicKey(xa) })));

function attempt(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', Buffer.isBuffer(out) ? out.length : out);
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
attempt('bad digest', () => crypto.createSign('nope'));
attempt('verify bad digest', () => crypto.createVerify('nope'));
attempt('no key', () => crypto.createSign('sha256').update('a').sign());
attempt('garbage key', () => crypto.createSign('sha256').update('a').sign('garbage'));
attempt('public key', () => crypto.createSign('sha256').update('a').sign(ecPub));
attempt('secret key', () => crypto.sign('sha256', msg, crypto.createSecretKey(Buffer.alloc(4))));
attempt('ed digest', () => crypto.sign('sha256', msg, ed));
attempt('ed createSign', () => crypto.createSign('sha256').update('a').sign(ed));
attempt('dsaEncoding', () => crypto.sign('sha256', msg, { key: ec, dsaEncoding: 'nope' }));
attempt('bad sig', () => crypto.verify('sha256', msg, ecPub, Buffer.from('nope')));
attempt('bad sig rsa', () => crypto.verify('sha256', msg, rsaPub, Buffer.alloc(128)));
attempt('sig type', () => crypto.verify('sha256', msg, ecPub, 5));
attempt('data type', () => crypto.sign('sha256', 5, ec));
attempt('alg type', () => crypto.sign(5, msg, ec));
attempt('too long', () => crypto.publicEncrypt(rsaPub, Buffer.alloc(200)));
attempt('decrypt garbage', () => crypto.privateDecrypt(rsa, Buffer.alloc(128, 1)));
attempt('dh type', () => crypto.diffieHellman({ privateKey: ec, publicKey: xPeer.publicKey }));
