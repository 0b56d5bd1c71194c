// HMAC with fixed keys: sign/verify, import/export in raw and jwk, generateKey shapes, errors.
const { subtle } = globalThis.crypto;
const hex = (ab) => Buffer.from(ab).toString('hex');
const enc = { encode: (s) => new Uint8Array(Buffer.from(s)) };
const show = (e) => console.log(e.name, e.code, e.message);

(async () => {
  const raw = enc.encode('super secret key');
  for (const hash of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']) {
    const key = await subtle.importKey('raw', raw, { name: 'HMAC', hash }, true, ['sign', 'verify']);
    const sig = await subtle.sign('HMAC', key, enc.encode('message'));
    console.log(hash, hex(sig));
    console.log(await subtle.verify('HMAC', key, sig, enc.encode('message')));
    console.log(await subtle.verify({ name: 'hmac' }, key, sig, enc.encode('Message')));
    console.log(await subtle.verify('HMAC', key, sig.slice(1), enc.encode('message')));
    console.log(key.algorithm, key.usages, key.type, key.extractable);
    console.log(await subtle.exportKey('jwk', key));
    console.log(hex(await subtle.exportKey('raw', key)));
  }
  const jwk = { kty: 'oct', k: 'c2VjcmV0LWtleS1ieXRlcw', alg: 'HS256', ext: true, key_ops: ['sign', 'verify'] };
  const k2 = await subtle.importKey('jwk', jwk, { name: 'HMAC', hash: { name: 'SHA-256' } }, false, ['sign']);
  console.log(k2);
  console.log(hex(await subtle.sign('HMAC', k2, new Uint8Array([1, 2, 3]))));
  await subtle.exportKey('raw', k2).catch(show);
  await subtle.verify('HMAC', k2, new Uint8Array(32), new Uint8Array(1)).catch(show);
  await subtle.importKey('jwk', jwk, { name: 'HMAC', hash: 'SHA-384' }, false, ['sign']).catch(show);
  await subtle.importKey('jwk', { ...jwk, kty: 'RSA' }, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']).catch(show);
  await subtle.importKey('jwk', { ...jwk, ext: false }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']).catch(show);
  await subtle.importKey('jwk', { ...jwk, key_ops: ['verify'] }, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']).catch(show);
  await subtle.importKey('jwk', { ...jwk, use: 'enc' }, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']).catch(show);
  await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['encrypt']).catch(show);
  await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, []).catch(show);
  await subtle.importKey('raw', new Uint8Array(0), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']).catch(show);
  await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256', length: 64 }, false, ['sign']).catch(show);
  await subtle.importKey('raw', raw, { name: 'HMAC' }, false, ['sign']).catch(show);
  await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'MD5' }, false, ['sign']).catch(show);
  await subtle.importKey('spki', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']).catch(show);
  await subtle.importKey('bogus', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']).catch(show);
  await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'nope']).catch(show);
  for (const params of [{ hash: 'SHA-256' }, { hash: 'SHA-512' }, { hash: 'SHA-1', length: 128 }, { hash: 'SHA-256', length: 7 },
    { hash: 'SHA-256', length: 0 }]) {
    try {
      const g = await subtle.generateKey({ name: 'HMAC', ...params }, true, ['sign', 'verify', 'sign']);
      console.log(g.algorithm, g.usages, (await subtle.exportKey('raw', g)).byteLength);
    } catch (e) {
      show(e);
    }
  }
  await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, []).catch(show);
  await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['encrypt']).catch(show);
})();
