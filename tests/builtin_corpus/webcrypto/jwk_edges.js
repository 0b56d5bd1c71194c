// JWK import edge cases for OKP, EC, RSA and oct keys: what Node accepts and its error order.
const { subtle } = globalThis.crypto;
const show = (e) => console.log(e.name, e.message);
(async () => {
  const pair = await subtle.generateKey('Ed25519', true, ['sign', 'verify']);
  const jwk = await subtle.exportKey('jwk', pair.privateKey);
  const cases = [
    [{ ...jwk, alg: 'EdDSA' }, 'Ed25519', ['sign']],
    [{ ...jwk, alg: 'ES256' }, 'Ed25519', ['sign']],
    [{ ...jwk, x: undefined }, 'Ed25519', ['sign']],
    [{ ...jwk, key_ops: undefined, use: 'enc' }, 'Ed25519', ['verify']],
    [{ ...jwk, key_ops: undefined }, 'Ed25519', ['verify']],
    [{ ...jwk, key_ops: undefined, d: jwk.x }, 'Ed25519', ['sign']],
    [{ ...jwk, key_ops: undefined, x: 'AAAA' }, 'Ed25519', ['sign']],
    [{ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }, { name: 'ECDSA', namedCurve: 'P-256' }, ['verify']],
    [{ kty: 'RSA', n: 'AQAB' }, { name: 'RSA-PSS', hash: 'SHA-256' }, ['verify']],
    [{ kty: 'oct', k: '!!!!' }, { name: 'HMAC', hash: 'SHA-256' }, ['sign']],
  ];
  for (const [k, alg, u] of cases) {
    try { const key = await subtle.importKey('jwk', k, alg, true, u); console.log('ok', key.type, key.algorithm.modulusLength); } catch (e) { show(e); }
  }
})();
