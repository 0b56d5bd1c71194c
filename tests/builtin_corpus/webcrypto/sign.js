// Sign/verify round trips with fixed keys; deterministic signatures are printed.
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
const data = Buffer.from('data to sign');

(async () => {
  const ed = await subtle.importKey('jwk', KEYS.ed, 'Ed25519', false, ['sign']);
  const edPub = await subtle.importKey('jwk', pub(KEYS.ed), 'Ed25519', false, ['verify']);
  const edSig = await subtle.sign('Ed25519', ed, data);
  console.log('ed25519', hex(edSig));
  console.log(await subtle.verify('Ed25519', edPub, edSig, data), await subtle.verify('Ed25519', edPub, edSig, new Uint8Array(1)));
  console.log(await subtle.verify('Ed25519', edPub, new Uint8Array(10), data));
  for (const [name, curveKey, hash] of [['P-256', KEYS.ec, 'SHA-256'], ['P-384', KEYS.ec384, 'SHA-384'], ['P-256', KEYS.ec, 'SHA-512']]) {
    const k = await subtle.importKey('jwk', curveKey, { name: 'ECDSA', namedCurve: name }, false, ['sign']);
    const pk = await subtle.importKey('jwk', pub(curveKey), { name: 'ECDSA', namedCurve: name }, false, ['verify']);
    const sig = await subtle.sign({ name: 'ECDSA', hash }, k, data);
    console.log('ecdsa', name, hash, sig.byteLength);
    console.log(await subtle.verify({ name: 'ECDSA', hash }, pk, sig, data));
    console.log(await subtle.verify({ name: 'ECDSA', hash: 'SHA-1' }, pk, sig, data));
    console.log(await subtle.verify({ name: 'ECDSA', hash }, pk, sig.slice(2), data));
    await subtle.sign({ name: 'ECDSA' }, k, data).catch(show);
    await subtle.sign({ name: 'ECDSA', hash }, pk, data).catch(show);
  }
  const ecdsa521 = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-521' }, false, ['sign', 'verify']);
  const sig521 = await subtle.sign({ name: 'ECDSA', hash: 'SHA-512' }, ecdsa521.privateKey, data);
  console.log('p-521', sig521.byteLength, await subtle.verify({ name: 'ECDSA', hash: 'SHA-512' }, ecdsa521.publicKey, sig521, data));
  for (const hash of ['SHA-1', 'SHA-256', 'SHA-512']) {
    const k = await subtle.importKey('jwk', KEYS.rsa, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['sign']);
    const pk = await subtle.importKey('jwk', pub(KEYS.rsa), { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
    const sig = await subtle.sign('RSASSA-PKCS1-v1_5', k, data);
    console.log('pkcs1', hash, hex(sig));
    console.log(await subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, pk, sig, data), await subtle.verify('RSASSA-PKCS1-v1_5', pk, sig, new Uint8Array(0)));
    const ps = await subtle.importKey('jwk', KEYS.rsa, { name: 'RSA-PSS', hash }, false, ['sign']);
    const pps = await subtle.importKey('jwk', pub(KEYS.rsa), { name: 'RSA-PSS', hash }, false, ['verify']);
    for (const saltLength of [0, 20, 32]) {
      try {
        const s = await subtle.sign({ name: 'RSA-PSS', saltLength }, ps, data);
        console.log('pss', hash, saltLength, s.byteLength, await subtle.verify({ name: 'RSA-PSS', saltLength }, pps, s, data),
          await subtle.verify({ name: 'RSA-PSS', saltLength: saltLength + 1 }, pps, s, data));
      } catch (e) {
        show(e);
      }
    }
    const zero = await subtle.sign({ name: 'RSA-PSS', saltLength: 0 }, ps, data);
    console.log('pss salt 0 is deterministic', hex(zero));
    await subtle.sign({ name: 'RSA-PSS', saltLength: 1000 }, ps, data).catch(show);
    await subtle.sign({ name: 'RSA-PSS' }, ps, data).catch(show);
  }
  const rsaGen = await subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true, ['sign', 'verify']);
  console.log(rsaGen.publicKey.algorithm, rsaGen.privateKey.usages, rsaGen.publicKey.usages);
  const gs = await subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, rsaGen.privateKey, data);
  console.log(await subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, rsaGen.publicKey, gs, data));
  // Wrong keys, wrong usages, wrong algorithms.
  const hmac = await subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  await subtle.sign('HMAC', hmac, data).catch(show);
  await subtle.sign('Ed25519', hmac, data).catch(show);
  await subtle.sign('Ed25519', edPub, data).catch(show);
  await subtle.verify('Ed25519', ed, edSig, data).catch(show);
  await subtle.sign('RSA-OAEP', ed, data).catch(show);
  await subtle.sign('Ed25519', {}, data).catch(show);
  await subtle.sign('Ed25519', ed).catch(show);
  await subtle.verify('Ed25519', edPub, 'sig', data).catch(show);
  const edGen = await subtle.generateKey('Ed25519', true, ['sign', 'verify']);
  console.log(Object.keys(edGen), edGen.privateKey.usages, edGen.publicKey.usages);
  const s2 = await subtle.sign('Ed25519', edGen.privateKey, data);
  console.log(await subtle.verify('ed25519', edGen.publicKey, s2, data));
  await subtle.generateKey('Ed25519', true, ['encrypt']).catch(show);
  await subtle.generateKey('Ed25519', true, ['verify']).catch(show);
  await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['deriveBits']).catch(show);
  await subtle.generateKey({ name: 'ECDSA', namedCurve: 'secp256k1' }, true, ['sign']).catch(show);
  await subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1, 0, 0]), hash: 'SHA-256' }, true, ['sign']).catch(show);
  await subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: [1, 0, 1], hash: 'SHA-256' }, true, ['sign']).catch(show);
  await subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign']).catch(show);
  await subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign']).catch(show);
})();
