// Import fixed keys (jwk, pkcs8, spki, raw) and export them in every format.
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

async function roundTrip(label, algorithm, jwk, privUsages, pubUsages) {
  const priv = await subtle.importKey('jwk', jwk, algorithm, true, privUsages);
  const pk = await subtle.importKey('jwk', pub(jwk), algorithm, true, pubUsages);
  console.log(label, priv, pk);
  const pkcs8 = await subtle.exportKey('pkcs8', priv);
  const spki = await subtle.exportKey('spki', pk);
  console.log('pkcs8', hex(pkcs8));
  console.log('spki', hex(spki));
  console.log('jwk', await subtle.exportKey('jwk', priv));
  console.log('jwk', await subtle.exportKey('jwk', pk));
  if (!algorithm.name.startsWith('RS')) console.log('raw', hex(await subtle.exportKey('raw', pk)));
  const priv2 = await subtle.importKey('pkcs8', pkcs8, algorithm, true, privUsages);
  const pk2 = await subtle.importKey('spki', new Uint8Array(spki), algorithm, false, pubUsages);
  console.log(hex(await subtle.exportKey('pkcs8', priv2)) === hex(pkcs8), pk2.extractable, pk2.algorithm);
  if (!algorithm.name.startsWith('RS')) {
    const pk3 = await subtle.importKey('raw', await subtle.exportKey('raw', pk), algorithm, true, pubUsages);
    console.log(hex(await subtle.exportKey('spki', pk3)) === hex(spki));
  }
  await subtle.exportKey('spki', priv).catch(show);
  await subtle.exportKey('pkcs8', pk).catch(show);
  await subtle.exportKey('raw', priv).catch(show);
  await subtle.exportKey('pkcs8', pk2).catch(show);
  await subtle.importKey('spki', pkcs8, algorithm, true, pubUsages).catch(show);
  await subtle.importKey('pkcs8', new Uint8Array([48, 3, 2, 1, 0]), algorithm, true, privUsages).catch(show);
  await subtle.importKey('jwk', { ...jwk, kty: 'oct' }, algorithm, true, privUsages).catch(show);
  await subtle.importKey('jwk', { ...jwk, ext: false }, algorithm, true, privUsages).catch(show);
  await subtle.importKey('jwk', jwk, algorithm, true, []).catch(show);
  await subtle.importKey('jwk', jwk, algorithm, true, ['encrypt']).catch(show);
  await subtle.importKey('spki', spki, algorithm, true, ['bogus']).catch(show);
}

(async () => {
  await roundTrip('ECDSA P-256', { name: 'ECDSA', namedCurve: 'P-256' }, KEYS.ec, ['sign'], ['verify']);
  await roundTrip('ECDSA P-384', { name: 'ecdsa', namedCurve: 'P-384' }, KEYS.ec384, ['sign'], ['verify']);
  await roundTrip('ECDH P-521', { name: 'ECDH', namedCurve: 'P-521' }, KEYS.ec521, ['deriveBits', 'deriveKey'], []);
  await roundTrip('Ed25519', { name: 'Ed25519' }, KEYS.ed, ['sign'], ['verify']);
  await roundTrip('X25519', { name: 'X25519' }, KEYS.xA, ['deriveBits'], []);
  await roundTrip('RSASSA', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, KEYS.rsa, ['sign'], ['verify']);
  await roundTrip('RSA-PSS', { name: 'RSA-PSS', hash: 'SHA-384' }, KEYS.rsa, ['sign'], ['verify']);
  await roundTrip('RSA-OAEP', { name: 'RSA-OAEP', hash: 'SHA-1' }, KEYS.rsa, ['decrypt', 'unwrapKey'], ['encrypt']);
  // Mismatches between the key data and the requested algorithm.
  await subtle.importKey('jwk', KEYS.ec, { name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign']).catch(show);
  await subtle.importKey('jwk', { ...KEYS.ec, alg: 'ES384' }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']).catch(show);
  await subtle.importKey('jwk', { ...KEYS.rsa, alg: 'RS512' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']).catch(show);
  await subtle.importKey('jwk', KEYS.ed, { name: 'X25519' }, true, ['deriveBits']).catch(show);
  await subtle.importKey('jwk', { ...KEYS.ec, x: KEYS.ec384.x }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']).catch(show);
  await subtle.importKey('jwk', { ...KEYS.ec, use: 'enc' }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']).catch(show);
  await subtle.importKey('raw', new Uint8Array(31), { name: 'Ed25519' }, true, ['verify']).catch(show);
  await subtle.importKey('raw', new Uint8Array(65), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']).catch(show);
  await subtle.importKey('raw', new Uint8Array(65), { name: 'ECDSA', namedCurve: 'P-192' }, true, ['verify']).catch(show);
  await subtle.importKey('raw', new Uint8Array(65), { name: 'ECDSA' }, true, ['verify']).catch(show);
  await subtle.importKey('raw', new Uint8Array(65), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']).catch(show);
  const ecSpki = await subtle.exportKey('spki', await subtle.importKey('jwk', pub(KEYS.ec), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']));
  await subtle.importKey('spki', ecSpki, { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']).catch(show);
  await subtle.importKey('spki', ecSpki, { name: 'Ed25519' }, true, ['verify']).catch(show);
  await subtle.importKey('spki', ecSpki, { name: 'ECDSA', namedCurve: 'P-384' }, true, ['verify']).catch(show);
  console.log((await subtle.importKey('spki', ecSpki, { name: 'ECDH', namedCurve: 'P-256' }, true, [])).algorithm);
})();
