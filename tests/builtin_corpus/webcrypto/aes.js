// AES-GCM / CBC / CTR / KW with fixed keys and IVs: known answers, round trips, errors.
const { subtle } = globalThis.crypto;
const hex = (ab) => Buffer.from(ab).toString('hex');
const bytes = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const show = (e) => console.log(e.name, e.code, e.message);
const enc = { encode: (s) => new Uint8Array(Buffer.from(s)) };

(async () => {
  const k128 = bytes('000102030405060708090a0b0c0d0e0f');
  const k256 = bytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
  const iv12 = bytes('cafebabefacedbaddecaf888');
  const iv16 = bytes('00112233445566778899aabbccddeeff');
  const pt = enc.encode('The quick brown fox jumps over the lazy dog');
  for (const raw of [k128, k256]) {
    const gcm = await subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt', 'decrypt']);
    console.log(gcm.algorithm, await subtle.exportKey('jwk', gcm));
    for (const params of [{}, { additionalData: enc.encode('aad') }, { tagLength: 96 }, { tagLength: 32, additionalData: new Uint8Array(0) }]) {
      const ct = await subtle.encrypt({ name: 'AES-GCM', iv: iv12, ...params }, gcm, pt);
      console.log('gcm', JSON.stringify(Object.keys(params)), ct.byteLength, hex(ct));
      const back = await subtle.decrypt({ name: 'AES-GCM', iv: iv12, ...params }, gcm, ct);
      console.log(Buffer.from(back).toString());
      const tampered = new Uint8Array(ct);
      tampered[0] ^= 1;
      await subtle.decrypt({ name: 'AES-GCM', iv: iv12, ...params }, gcm, tampered).catch(show);
    }
    console.log('gcm 16-byte iv', hex(await subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(16) }, gcm, new Uint8Array(0))));
    await subtle.decrypt({ name: 'AES-GCM', iv: iv12 }, gcm, new Uint8Array(8)).catch(show);
    await subtle.encrypt({ name: 'AES-GCM', iv: iv12, tagLength: 100 }, gcm, pt).catch(show);
    await subtle.encrypt({ name: 'AES-GCM' }, gcm, pt).catch(show);
    const cbc = await subtle.importKey('raw', raw, { name: 'aes-cbc' }, true, ['encrypt', 'decrypt']);
    for (const data of [new Uint8Array(0), new Uint8Array(16), pt]) {
      const ct = await subtle.encrypt({ name: 'AES-CBC', iv: iv16 }, cbc, data);
      console.log('cbc', data.byteLength, hex(ct));
      console.log(hex(await subtle.decrypt({ name: 'AES-CBC', iv: iv16 }, cbc, ct)) === hex(data));
    }
    await subtle.decrypt({ name: 'AES-CBC', iv: iv16 }, cbc, new Uint8Array(16)).catch(show);
    await subtle.encrypt({ name: 'AES-CBC', iv: iv12 }, cbc, pt).catch(show);
    const ctr = await subtle.importKey('raw', raw, 'AES-CTR', false, ['encrypt', 'decrypt']);
    for (const length of [128, 64, 8]) {
      const ct = await subtle.encrypt({ name: 'AES-CTR', counter: iv16, length }, ctr, pt);
      console.log('ctr', length, hex(ct));
      console.log(Buffer.from(await subtle.decrypt({ name: 'AES-CTR', counter: iv16, length }, ctr, ct)).toString());
    }
    // The low 8 bits of the counter wrap after one block here.
    const wrapCounter = bytes('000000000000000000000000000000ff');
    console.log('ctr wrap', hex(await subtle.encrypt({ name: 'AES-CTR', counter: wrapCounter, length: 8 }, ctr, new Uint8Array(48))));
    await subtle.encrypt({ name: 'AES-CTR', counter: iv16, length: 0 }, ctr, pt).catch(show);
    await subtle.encrypt({ name: 'AES-CTR', counter: iv12, length: 64 }, ctr, pt).catch(show);
    await subtle.encrypt({ name: 'AES-CTR', counter: iv16 }, ctr, pt).catch(show);
    await subtle.encrypt({ name: 'AES-GCM', iv: iv12 }, ctr, pt).catch(show);
  }
  const kw = await subtle.importKey('raw', k128, 'AES-KW', true, ['wrapKey', 'unwrapKey']);
  const inner = await subtle.importKey('raw', k256, 'AES-GCM', true, ['encrypt']);
  const wrapped = await subtle.wrapKey('raw', inner, kw, 'AES-KW');
  console.log('kw', hex(wrapped));
  const unwrapped = await subtle.unwrapKey('raw', wrapped, kw, 'AES-KW', 'AES-GCM', true, ['decrypt']);
  console.log(unwrapped, hex(await subtle.exportKey('raw', unwrapped)));
  const wrappedJwk = await subtle.wrapKey('jwk', inner, kw, { name: 'AES-KW' });
  console.log('kw jwk', wrappedJwk.byteLength, hex(wrappedJwk));
  console.log(await subtle.unwrapKey('jwk', wrappedJwk, kw, 'AES-KW', { name: 'AES-GCM' }, false, ['encrypt']));
  await subtle.unwrapKey('raw', new Uint8Array(40), kw, 'AES-KW', 'AES-GCM', true, ['decrypt']).catch(show);
  await subtle.encrypt('AES-KW', kw, pt).catch(show);
  const gcmWrap = await subtle.importKey('raw', k128, 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
  const w2 = await subtle.wrapKey('jwk', inner, gcmWrap, { name: 'AES-GCM', iv: iv12 });
  console.log('gcm-wrapped jwk', w2.byteLength);
  console.log((await subtle.unwrapKey('jwk', w2, gcmWrap, { name: 'AES-GCM', iv: iv12 }, 'AES-GCM', true, ['encrypt'])).algorithm);
  for (const length of [128, 192, 256, 512]) {
    try {
      const g = await subtle.generateKey({ name: 'AES-CBC', length }, true, ['encrypt', 'decrypt', 'encrypt']);
      console.log(g.algorithm, g.usages, (await subtle.exportKey('raw', g)).byteLength);
    } catch (e) {
      show(e);
    }
  }
  await subtle.generateKey({ name: 'AES-KW', length: 128 }, true, ['encrypt']).catch(show);
  await subtle.generateKey({ name: 'AES-GCM' }, true, ['encrypt']).catch(show);
  await subtle.importKey('raw', new Uint8Array(20), 'AES-GCM', true, ['encrypt']).catch(show);
  await subtle.importKey('jwk', { kty: 'oct', k: 'AAECAwQFBgcICQoLDA0ODw', alg: 'A256GCM' }, 'AES-GCM', true, ['encrypt']).catch(show);
  console.log(await subtle.importKey('jwk', { kty: 'oct', k: 'AAECAwQFBgcICQoLDA0ODw', alg: 'A128CTR' }, 'AES-CTR', true, ['encrypt']));
})();
