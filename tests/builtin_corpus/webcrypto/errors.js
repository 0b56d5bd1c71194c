// Argument errors of every SubtleCrypto method: always a rejected promise, never a synchronous throw.
const { subtle } = globalThis.crypto;
const show = (e) => console.log(e.name, e.code, e.message, e instanceof DOMException, e instanceof TypeError);

(async () => {
  const aes = await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const hmac = await subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
  const calls = {
    'encrypt no args': () => subtle.encrypt(),
    'encrypt string algo': () => subtle.encrypt('AES-GCM', aes, new Uint8Array(1)),
    'encrypt iv string': () => subtle.encrypt({ name: 'AES-GCM', iv: 'abc' }, aes, new Uint8Array(1)),
    'encrypt plain object key': () => subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, { type: 'secret' }, new Uint8Array(1)),
    'encrypt wrong alg': () => subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, aes, new Uint8Array(1)),
    'encrypt unknown alg': () => subtle.encrypt({ name: 'ChaCha20' }, aes, new Uint8Array(1)),
    'encrypt symbol name': () => subtle.encrypt({ name: Symbol('x') }, aes, new Uint8Array(1)),
    'encrypt algo number': () => subtle.encrypt(5, aes, new Uint8Array(1)),
    'encrypt algo null': () => subtle.encrypt(null, aes, new Uint8Array(1)),
    'encrypt data number': () => subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, aes, 5),
    'decrypt missing': () => subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, aes),
    'sign with hmac key lacking usage': () => subtle.sign('HMAC', aes, new Uint8Array(1)),
    'verify 3 args': () => subtle.verify('HMAC', hmac, new Uint8Array(1)),
    'generateKey 2 args': () => subtle.generateKey('AES-GCM', true),
    'generateKey usages string': () => subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, 'encrypt'),
    'generateKey usages bad': () => subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt', 'fly']),
    'generateKey pbkdf2': () => subtle.generateKey('PBKDF2', true, ['deriveBits']),
    'generateKey length string': () => subtle.generateKey({ name: 'AES-GCM', length: '128' }, true, ['encrypt']),
    'generateKey length NaN': () => subtle.generateKey({ name: 'AES-GCM', length: NaN }, true, ['encrypt']),
    'generateKey length big': () => subtle.generateKey({ name: 'AES-GCM', length: 70000 }, true, ['encrypt']),
    'generateKey length bigint': () => subtle.generateKey({ name: 'AES-GCM', length: 128n }, true, ['encrypt']),
    'generateKey hmac bad hash': () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-3' }, true, ['sign']),
    'generateKey rsa no exponent': () => subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, hash: 'SHA-1' }, true, ['encrypt']),
    'generateKey rsa modulus negative': () => subtle.generateKey({ name: 'RSA-OAEP', modulusLength: -1, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' }, true, ['encrypt']),
    'generateKey ec no curve': () => subtle.generateKey({ name: 'ECDH' }, true, ['deriveBits']),
    'generateKey dict string': () => subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, 42),
    'importKey 3 args': () => subtle.importKey('raw', new Uint8Array(16), 'AES-GCM'),
    'importKey jwk not object': () => subtle.importKey('jwk', 'x', 'AES-GCM', true, ['encrypt']),
    'importKey jwk bytes': () => subtle.importKey('jwk', new Uint8Array(16), 'AES-GCM', true, ['encrypt']),
    'importKey raw with jwk': () => subtle.importKey('raw', { kty: 'oct' }, 'AES-GCM', true, ['encrypt']),
    'importKey jwk no kty': () => subtle.importKey('jwk', {}, 'AES-GCM', true, ['encrypt']),
    'importKey jwk duplicate ops': () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA', key_ops: ['encrypt', 'encrypt'] }, 'AES-GCM', true, ['encrypt']),
    'importKey jwk key_ops string': () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA', key_ops: 'encrypt' }, 'AES-GCM', true, ['encrypt']),
    'importKey digest algo': () => subtle.importKey('raw', new Uint8Array(16), 'SHA-256', true, ['encrypt']),
    'exportKey no args': () => subtle.exportKey(),
    'exportKey bad format': () => subtle.exportKey('pem', hmac),
    'exportKey not extractable': () => subtle.exportKey('raw', aes),
    'exportKey spki secret': () => subtle.exportKey('spki', hmac),
    'exportKey not a key': () => subtle.exportKey('raw', {}),
    'deriveBits not a key': () => subtle.deriveBits({ name: 'HKDF' }, hmac, 8),
    'deriveBits wrong key': () => subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(0) }, hmac, 8),
    'deriveKey 4 args': () => subtle.deriveKey('HKDF', hmac, 'AES-GCM', true),
    'wrapKey aes-kw on gcm key': () => subtle.wrapKey('raw', hmac, aes, 'AES-KW'),
    'wrapKey no usage': () => subtle.wrapKey('raw', hmac, aes, { name: 'AES-GCM', iv: new Uint8Array(12) }),
    'wrapKey non-extractable': () => subtle.wrapKey('raw', aes, aes, { name: 'AES-GCM', iv: new Uint8Array(12) }),
    'unwrapKey 6 args': () => subtle.unwrapKey('raw', new Uint8Array(16), aes, 'AES-KW', 'AES-GCM', true),
    'digest this undefined': () => subtle.digest.call(undefined, 'SHA-256', new Uint8Array(1)),
    'sign this other': () => subtle.sign.call(globalThis.crypto, 'HMAC', hmac, new Uint8Array(1)),
  };
  for (const [label, f] of Object.entries(calls)) {
    let p;
    try {
      p = f();
    } catch (e) {
      console.log(label, 'THREW SYNCHRONOUSLY');
      show(e);
      continue;
    }
    try {
      const r = await p;
      console.log(label, 'resolved', typeof r);
    } catch (e) {
      process.stdout.write(`${label}: `);
      show(e);
    }
  }
})();
