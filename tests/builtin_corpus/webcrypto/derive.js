// deriveBits/deriveKey: PBKDF2 and HKDF vectors, ECDH/X25519 with fixed keys, errors; RSA-OAEP round trips.
const KEYS = {
 "ec": {
  "kty": "EC",
  "x": "I4a7UyrguMgbav7j1WqEknReBpuyJgKBdKh5DQmDvaU",
  "y": "EftxlzERDhufD1JLC2pFjgqxxHS-hUcYYYPxJNkb8yg",
  "crv": "P-256",
  "d": "sNwplxQv_angPDP2I8SI1A6YkzRQIXTXzD7uN1cQDq4"
 },
 "ec384": {
  "kty": "EC",
  "x": "q3bqgpHlMZiw9M4cK-Az5fPX4v_tnhDLidNXz7wjDs-KMHZ2FHBMC6q8tlhM1feq",
  "y": "43GljrIRyo2KbMZJb4gLCwSzZlzOMcmYf-jwf3sTlobt1YurM-CegXl50LOQh0bR",
  "crv": "P-384",
  "d": "BeCvkUFOW-dcw1UZezqJs4-JNGQ6vj84k-naQL3xzM3NhCJablPpO_NpO2zVsSrw"
 },
 "ec521": {
  "kty": "EC",
  "x": "AY7ukE3HRFkAluKpcHNw6ceCtzKXUk7x6RoBD3od25LoeJ74boBifIWNdWNmLHD9Ki6CJW2dVnpPoYfm6V1oiJZH",
  "y": "AKTVXjF7RYTJc5SaQ4N6CO6tU-xdVejyrt41N8tYmrh3emoGFXvbrnycrcoEOl1TvrdsTLHY5FvpoD0QEwqp9Ckx",
  "crv": "P-521",
  "d": "Af7gjl9j9rw8Q7J-WZxiJr18fuBm1c316SnlBc6WwgN5_N-_wLVXCXS5Oqc8Mk3MOzTNUbYR8iAhKZYpKSDhuU92"
 },
 "ecdhA": {
  "kty": "EC",
  "x": "bnNA9E7ae5jdNPiLTGY7rBrodYQPySOOkLfhoWPCaQc",
  "y": "NO8d9-XDwlOgOhNsAj2Bp1_G2l73QkjOJGJ3baXwsjc",
  "crv": "P-256",
  "d": "XzrB5SgmHBWTerX8fnp107nBugcl-2EKYjs-yHnDo04"
 },
 "ecdhB": {
  "kty": "EC",
  "x": "_6QMTQRWc39FrBSu_oDEU78bsVYQaDT-vK_ndgW1eRk",
  "y": "hqUPlgsNUgK8cn5baVo3ZTwVqTA2WyN8zIgpjAAIjNg",
  "crv": "P-256",
  "d": "s2MXjOSAJgZH0-zjU5ifMVe-QwhvTNRiN1CtUqPm3ng"
 },
 "ed": {
  "crv": "Ed25519",
  "d": "HkWmqF_-3wWfK2Qp5No6mpZFUqAumDePyxoSTEd8DMU",
  "x": "ecY4bH38qfMSmnfpdRMNmYTZeX5m8_Q_3Lq8iXnJwwc",
  "kty": "OKP"
 },
 "xA": {
  "crv": "X25519",
  "d": "aLN-Yu0BDJF9PJNEeoXyWHlI40ZhM71YshDaNz0zAno",
  "x": "cnRkLe-3ydyXqW-UEw4zAQFuWdguDDTy67htBKHNsSA",
  "kty": "OKP"
 },
 "xB": {
  "crv": "X25519",
  "d": "gJiKpxZj26d0qvFWsnSL6DWklN9tVDTHwugo6IC5sWo",
  "x": "jznfLyLWp-7RyPu-SlDIPEFZ7bX3OcdjBbyikDLSUCM",
  "kty": "OKP"
 },
 "rsa": {
  "kty": "RSA",
  "n": "0pP8H0uYnGN8mMAQ2aOqbcYUz0MlcvhOzWYOrTQAjIygajqlKcVhqNqXpxQQlDLrXr1Cy2d0HOTWbvbN9UigzSnYpFBtVMKrj6ukkqbtNcytgYvlKuyVgCPH7Rt7fr6V33C5Eyspq969ofLdRs6IX_Lya_1guNLANroAZWKJl8c",
  "e": "AQAB",
  "d": "DU1j4-Y2ocp3GH8pkVYRchXNQrqPJxAgikEkNDTQxBAuIgfKXzUk0jHc2qUd1v7Qd4-lJIxIfXrHQQM-R3xrC-1pdjlQnjc9bxm7CkpQ4Hy-YH9sdPX40bdebmX5EKJ_Wgi-NrytnHHW1_c3uIVoHBZJjh7fvRKOunEweX8qCmE",
  "p": "-oiNzw4ltQCY3zyILNHHC6E0p0OfAYirPdbg23SygLL6pWDw0VRWI9Ev5TGk4EIS2qK8seFHyw-GeqSoR3YWKw",
  "q": "1yw-5d1blXsVBqWgxxUTYmLLLIx_pe5tf0j-IGZbukz4k23uuYiW0LvazKN8gyLWt3-k4UXQXMnbCv0Waz5y1Q",
  "dp": "3rA0RIBRufJ-76axcA1C_K5cy_RKSKW_eGcgVVEEPWtZaViilZ5-NrYA-ZtH72IruhT-3qndE7yID0l-no5zIw",
  "dq": "KGnKAnhZ3DB62X3APcQKmP7_NAXLb8nhTPfTqxgugEY2pdIO9U_fK6MszCSknSis9VgHCryHDvZmqqCwVkIrZQ",
  "qi": "q429fPBl2gysavioa8oWFsIQeAdZa_aBnzkoDaRzROHcc0zMKiQIeONxcuLb2kuSFAe7I6G4qY2Ri_ytY0CJ8A"
 }
};
const { subtle } = globalThis.crypto;
const hex = (ab) => Buffer.from(ab).toString('hex');
const show = (e) => console.log(e.name, e.code, e.message);
const pub = (jwk) => { const { d, p, q, dp, dq, qi, ...rest } = jwk; return rest; };
const enc = { encode: (s) => new Uint8Array(Buffer.from(s)) };

(async () => {
  const pw = await subtle.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
  console.log(pw);
  for (const [hash, iterations, length] of [['SHA-1', 1, 160], ['SHA-1', 4096, 160], ['SHA-256', 1000, 256], ['SHA-512', 10, 512], ['SHA-384', 2, 0]]) {
    const bits = await subtle.deriveBits({ name: 'PBKDF2', hash, iterations, salt: enc.encode('salt') }, pw, length);
    console.log('pbkdf2', hash, iterations, length, hex(bits));
  }
  await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations: 0, salt: new Uint8Array(8) }, pw, 256).catch(show);
  await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations: 1, salt: new Uint8Array(8) }, pw, 7).catch(show);
  await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations: 1, salt: new Uint8Array(8) }, pw).catch(show);
  await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations: 1 }, pw, 256).catch(show);
  await subtle.deriveBits({ name: 'PBKDF2', iterations: 1, salt: new Uint8Array(8) }, pw, 256).catch(show);
  await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations: -1, salt: new Uint8Array(8) }, pw, 256).catch(show);
  await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(8), info: new Uint8Array(0) }, pw, 256).catch(show);
  await subtle.importKey('raw', enc.encode('password'), 'PBKDF2', true, ['deriveBits']).catch(show);
  await subtle.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['sign']).catch(show);
  await subtle.importKey('jwk', { kty: 'oct', k: 'AA' }, 'PBKDF2', false, ['deriveBits']).catch(show);
  const ikm = Uint8Array.from(Buffer.from('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'hex'));
  const hk = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const salt = Uint8Array.from(Buffer.from('000102030405060708090a0b0c', 'hex'));
  const info = Uint8Array.from(Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'));
  console.log('hkdf rfc5869', hex(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, hk, 42 * 8)));
  console.log('hkdf sha1', hex(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-1', salt: new Uint8Array(0), info: new Uint8Array(0) }, hk, 336)));
  console.log('hkdf 0', (await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, hk, 0)).byteLength);
  await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, hk, 255 * 256 + 8).catch(show);
  await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt }, hk, 256).catch(show);
  const aes = await subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, hk, { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  console.log(aes, hex(await subtle.exportKey('raw', aes)));
  const mac = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', iterations: 5, salt }, pw, { name: 'HMAC', hash: 'SHA-384' }, true, ['sign']);
  console.log(mac, hex(await subtle.exportKey('raw', mac)));
  const mac2 = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', iterations: 5, salt }, pw, { name: 'HMAC', hash: 'SHA-1', length: 64 }, true, ['sign']);
  console.log(mac2.algorithm, hex(await subtle.exportKey('raw', mac2)));
  await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', iterations: 5, salt }, pw, { name: 'AES-GCM', length: 100 }, true, ['encrypt']).catch(show);
  await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', iterations: 5, salt }, pw, { name: 'HKDF' }, false, ['deriveBits']).catch(show);
  await subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, pw, { name: 'AES-GCM', length: 128 }, true, ['encrypt']).catch(show);
  const noDerive = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  await subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, noDerive, { name: 'AES-GCM', length: 128 }, true, ['encrypt']).catch(show);
  // ECDH and X25519 with fixed keys: the shared secrets are deterministic.
  const curve = { name: 'ECDH', namedCurve: 'P-256' };
  const a = await subtle.importKey('jwk', KEYS.ecdhA, curve, false, ['deriveBits', 'deriveKey']);
  const bPub = await subtle.importKey('jwk', pub(KEYS.ecdhB), curve, false, []);
  const b = await subtle.importKey('jwk', KEYS.ecdhB, curve, false, ['deriveBits']);
  const aPub = await subtle.importKey('jwk', pub(KEYS.ecdhA), curve, false, []);
  const s1 = await subtle.deriveBits({ name: 'ECDH', public: bPub }, a, 256);
  const s2 = await subtle.deriveBits({ name: 'ECDH', public: aPub }, b, null);
  console.log('ecdh', hex(s1), hex(s1) === hex(s2));
  console.log('ecdh 12 bits', hex(await subtle.deriveBits({ name: 'ECDH', public: bPub }, a, 12)));
  await subtle.deriveBits({ name: 'ECDH', public: bPub }, a, 512).catch(show);
  await subtle.deriveBits({ name: 'ECDH', public: a }, a, 256).catch(show);
  await subtle.deriveBits({ name: 'ECDH', public: bPub }, bPub, 256).catch(show);
  await subtle.deriveBits({ name: 'ECDH' }, a, 256).catch(show);
  const p521 = await subtle.importKey('jwk', pub(KEYS.ec521), { name: 'ECDH', namedCurve: 'P-521' }, false, []);
  await subtle.deriveBits({ name: 'ECDH', public: p521 }, a, 256).catch(show);
  const ek = await subtle.deriveKey({ name: 'ECDH', public: bPub }, a, { name: 'AES-CBC', length: 128 }, true, ['decrypt']);
  console.log(ek, hex(await subtle.exportKey('raw', ek)));
  const xa = await subtle.importKey('jwk', KEYS.xA, 'X25519', false, ['deriveBits']);
  const xbPub = await subtle.importKey('jwk', pub(KEYS.xB), 'X25519', false, []);
  console.log('x25519', hex(await subtle.deriveBits({ name: 'X25519', public: xbPub }, xa, 256)));
  console.log('x25519 null', hex(await subtle.deriveBits({ name: 'X25519', public: xbPub }, xa)));
  await subtle.deriveBits({ name: 'X25519', public: bPub }, xa, 256).catch(show);
  await subtle.deriveBits({ name: 'ECDH', public: xbPub }, a, 256).catch(show);
  // RSA-OAEP round trips with a fixed key (the ciphertext is randomised: only round trips print).
  for (const hash of ['SHA-1', 'SHA-256']) {
    const dk = await subtle.importKey('jwk', KEYS.rsa, { name: 'RSA-OAEP', hash }, false, ['decrypt', 'unwrapKey']);
    const ek2 = await subtle.importKey('jwk', pub(KEYS.rsa), { name: 'RSA-OAEP', hash }, false, ['encrypt', 'wrapKey']);
    for (const label of [undefined, enc.encode('label')]) {
      const ct = await subtle.encrypt({ name: 'RSA-OAEP', label }, ek2, enc.encode('secret message'));
      console.log('oaep', hash, ct.byteLength, Buffer.from(await subtle.decrypt({ name: 'RSA-OAEP', label }, dk, ct)).toString());
      await subtle.decrypt({ name: 'RSA-OAEP', label: enc.encode('other') }, dk, ct).catch(show);
    }
    await subtle.encrypt('RSA-OAEP', ek2, new Uint8Array(200)).catch(show);
    await subtle.encrypt('RSA-OAEP', dk, new Uint8Array(2)).catch(show);
    const inner = await subtle.importKey('raw', new Uint8Array(16).fill(7), 'AES-CTR', true, ['encrypt']);
    const w = await subtle.wrapKey('raw', inner, ek2, 'RSA-OAEP');
    const u = await subtle.unwrapKey('raw', w, dk, { name: 'RSA-OAEP' }, 'AES-CTR', true, ['encrypt']);
    console.log('oaep wrap', w.byteLength, hex(await subtle.exportKey('raw', u)));
  }
})();
