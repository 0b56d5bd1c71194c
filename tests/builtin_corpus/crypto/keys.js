// Fixed keys: import, export in every format, re-import, details, equals() and errors.
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

function show(label, value) {
  if (Buffer.isBuffer(value)) value = `<der ${value.length} ${value.toString('base64')}>`;
  console.log(label, typeof value === 'string' ? value : JSON.stringify(value));
}
for (const [name, pem] of Object.entries({ rPriv, ePriv, dPriv, xPriv })) {
  const priv = crypto.createPrivateKey(pem);
  const pub = crypto.createPublicKey(pem);
  const pub2 = crypto.createPublicKey(priv);
  console.log(name, priv.type, pub.type, priv.asymmetricKeyType, pub.asymmetricKeyType, priv.asymmetricKeyDetails, pub.symmetricKeySize);
  console.log(priv.constructor.name, pub.constructor.name, priv instanceof crypto.KeyObject, pub.equals(pub2), priv.equals(pub), priv.equals(priv));
  show('pkcs8 pem', priv.export({ type: 'pkcs8', format: 'pem' }));
  show('pkcs8 der', priv.export({ type: 'pkcs8', format: 'der' }));
  show('spki pem', pub.export({ type: 'spki', format: 'pem' }));
  show('spki der', pub.export({ type: 'spki', format: 'der' }));
  const jwkPriv = priv.export({ format: 'jwk' });
  const jwkPub = pub.export({ format: 'jwk' });
  show('jwk priv', jwkPriv);
  show('jwk pub', jwkPub);
  if (name === 'rPriv') {
    show('pkcs1 pem', priv.export({ type: 'pkcs1', format: 'pem' }));
    show('pkcs1 pub pem', pub.export({ type: 'pkcs1', format: 'pem' }));
    show('pkcs1 pub der', pub.export({ type: 'pkcs1', format: 'der' }));
    const fromPkcs1 = crypto.createPublicKey({ key: pub.export({ type: 'pkcs1', format: 'der' }), format: 'der', type: 'pkcs1' });
    console.log('pkcs1 round trip', fromPkcs1.equals(pub));
    const privPkcs1 = crypto.createPrivateKey({ key: priv.export({ type: 'pkcs1', format: 'der' }), format: 'der', type: 'pkcs1' });
    console.log('pkcs1 priv round trip', privPkcs1.equals(priv));
  }
  if (name === 'ePriv') {
    show('sec1 pem', priv.export({ type: 'sec1', format: 'pem' }));
    const sec1 = crypto.createPrivateKey({ key: priv.export({ type: 'sec1', format: 'der' }), format: 'der', type: 'sec1' });
    console.log('sec1 round trip', sec1.equals(priv));
  }
  const fromJwk = crypto.createPrivateKey({ key: jwkPriv, format: 'jwk' });
  const fromJwkPub = crypto.createPublicKey({ key: jwkPub, format: 'jwk' });
  console.log('jwk round trip', fromJwk.equals(priv), fromJwkPub.equals(pub));
  const der = crypto.createPrivateKey({ key: priv.export({ type: 'pkcs8', format: 'der' }), format: 'der', type: 'pkcs8' });
  const spki = crypto.createPublicKey({ key: pub.export({ type: 'spki', format: 'der' }), format: 'der', type: 'spki' });
  console.log('der round trip', der.equals(priv), spki.equals(pub));
  // Encrypted PKCS#8: the bytes are random, the round trip is not.
  const encrypted = priv.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' });
  console.log('encrypted', encrypted.split('\n')[0], crypto.createPrivateKey({ key: encrypted, passphrase: 'pw' }).equals(priv));
}
// Secret keys.
const secret = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
console.log(secret.type, secret.symmetricKeySize, secret.asymmetricKeyType, secret.export().toString(), secret.export({ format: 'jwk' }));
console.log(crypto.createSecretKey('abc', 'hex').symmetricKeySize, crypto.createSecretKey('YWJj', 'base64').export().toString());
console.log(secret.equals(crypto.createSecretKey(Buffer.from('0123456789abcdef'))), secret.equals(crypto.createSecretKey(Buffer.from('x'))));
console.log(crypto.createSecretKey(new ArrayBuffer(3)).symmetricKeySize, crypto.createSecretKey(new Uint16Array(2)).symmetricKeySize);
// Generated keys: shapes and round trips.
for (const [type, options] of [['rsa', { modulusLength: 1024, publicExponent: 3 }], ['ec', { namedCurve: 'secp384r1' }],
  ['ec', { namedCurve: 'P-521' }], ['ec', { namedCurve: 'secp256k1' }], ['ed25519'], ['x25519']]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  const again = crypto.createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }));
  console.log(type, publicKey.asymmetricKeyDetails, privateKey.equals(again), crypto.createPublicKey(again).equals(publicKey));
}
const encoded = crypto.generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  publicKeyEncoding: { type: 'spki', format: 'der' },
  privateKeyEncoding: { type: 'sec1', format: 'pem' },
});
console.log(Buffer.isBuffer(encoded.publicKey), encoded.publicKey.length, encoded.privateKey.split('\n')[0]);
const jwkPair = crypto.generateKeyPairSync('ed25519', { publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } });
console.log(Object.keys(jwkPair.publicKey), Object.keys(jwkPair.privateKey));
crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, (err, pub, priv) => console.log('async pair', err, pub.type, priv.type));
crypto.generateKey('hmac', { length: 123 }, (err, key) => console.log('async key', err, key.symmetricKeySize));
console.log(crypto.generateKeySync('aes', { length: 256 }).symmetricKeySize);

function attempt(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', typeof out);
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
const pub = crypto.createPublicKey(ePriv);
attempt('garbage', () => crypto.createPrivateKey('garbage'));
attempt('garbage public', () => crypto.createPublicKey('garbage'));
attempt('public as private', () => crypto.createPrivateKey(pub.export({ type: 'spki', format: 'pem' })));
attempt('no options', () => pub.export());
attempt('no format', () => pub.export({}));
attempt('no type', () => pub.export({ format: 'pem' }));
attempt('bad type', () => pub.export({ format: 'pem', type: 'pkcs8' }));
attempt('pkcs1 ec', () => pub.export({ format: 'pem', type: 'pkcs1' }));
attempt('sec1 rsa', () => crypto.createPrivateKey(rPriv).export({ format: 'pem', type: 'sec1' }));
attempt('secret format', () => secret.export({ format: 'pem' }));
attempt('pair type', () => crypto.generateKeyPairSync('foo'));
attempt('pair rsa opts', () => crypto.generateKeyPairSync('rsa'));
attempt('pair rsa len', () => crypto.generateKeyPairSync('rsa', {}));
attempt('pair ec curve', () => crypto.generateKeyPairSync('ec', {}));
attempt('pair ec bad curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' }));
attempt('secret type', () => crypto.createSecretKey(5));
attempt('gen key type', () => crypto.generateKeySync('nope', { length: 8 }));
attempt('gen aes len', () => crypto.generateKeySync('aes', { length: 100 }));
attempt('gen hmac len', () => crypto.generateKeySync('hmac', { length: 4 }));
attempt('equals type', () => secret.equals('x'));
attempt('new KeyObject', () => new crypto.KeyObject('secret', {}));
attempt('new KeyObject type', () => new crypto.KeyObject('nope', {}));
attempt('wrong passphrase', () => crypto.createPrivateKey({
  key: crypto.createPrivateKey(ePriv).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'a' }), passphrase: 'b' }));
attempt('missing passphrase', () => crypto.createPrivateKey(
  crypto.createPrivateKey(ePriv).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'a' })));
