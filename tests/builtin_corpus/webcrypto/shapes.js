// The shapes of crypto, Crypto, SubtleCrypto and CryptoKey; getRandomValues and randomUUID.
const util = require('util');
const c = globalThis.crypto;
console.log(c, c.subtle, util.inspect(c, { showHidden: true }));
console.log(Object.prototype.toString.call(c), Object.prototype.toString.call(c.subtle), String(c));
console.log(Object.getOwnPropertyNames(Crypto.prototype), Object.getOwnPropertyNames(SubtleCrypto.prototype));
console.log(Object.getOwnPropertyNames(CryptoKey.prototype), CryptoKey.prototype[Symbol.toStringTag]);
console.log(Object.keys(Crypto.prototype), Object.keys(SubtleCrypto.prototype), Object.keys(CryptoKey.prototype));
console.log(typeof Crypto, typeof SubtleCrypto, typeof CryptoKey, Crypto.name, SubtleCrypto.name, CryptoKey.name);
console.log(c instanceof Crypto, c.subtle instanceof SubtleCrypto, c.subtle === c.subtle, globalThis.crypto === c);
console.log(c.getRandomValues.name, c.getRandomValues.length, c.randomUUID.name, c.subtle.digest.name, c.subtle.unwrapKey.length);
const d = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
console.log(typeof d.get, d.set, d.enumerable, d.configurable);
for (const C of [Crypto, SubtleCrypto, CryptoKey]) {
  try {
    new C();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle').get.call({});
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  Object.getOwnPropertyDescriptor(CryptoKey.prototype, 'type').get.call({});
} catch (e) {
  console.log(e.name, e.code, e.message);
}
for (const T of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array]) {
  const a = new T(8);
  const r = c.getRandomValues(a);
  console.log(T.name, r === a, r.length);
}
const big = new Uint8Array(65536);
console.log(c.getRandomValues(big).length, big.some((x) => x !== 0));
const sub = new Uint8Array(32);
c.getRandomValues(new Uint8Array(sub.buffer, 8, 8));
console.log(sub.slice(0, 8).every((x) => x === 0), sub.slice(16).every((x) => x === 0));
console.log(c.getRandomValues(new Uint8Array(0)).length);
const bad = [() => c.getRandomValues(new Float32Array(2)), () => c.getRandomValues(new Float64Array(2)),
  () => c.getRandomValues(new DataView(new ArrayBuffer(4))), () => c.getRandomValues([1, 2]),
  () => c.getRandomValues(new Uint8Array(65537)), () => c.getRandomValues(new Uint32Array(16385)),
  () => c.getRandomValues(), () => c.getRandomValues.call({}, new Uint8Array(2)), () => c.getRandomValues(new ArrayBuffer(4)),
  () => c.randomUUID.call(null)];
for (const f of bad) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message, e instanceof DOMException);
  }
}
const uuids = new Set();
for (let i = 0; i < 200; i++) {
  const u = c.randomUUID();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u)) console.log('bad uuid', u);
  uuids.add(u);
}
console.log(uuids.size);
(async () => {
  const k = await c.subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']);
  console.log(k, util.inspect(k, { depth: 0 }), util.inspect({ nested: { k } }, { depth: 1 }));
  console.log(Object.keys(k), JSON.stringify(k), k.algorithm === k.algorithm, k.usages === k.usages);
  console.log(k instanceof CryptoKey, Object.prototype.toString.call(k));
  const h = await c.subtle.importKey('raw', new Uint8Array(16), { name: 'hmac', hash: { name: 'sha-256' } }, true, ['sign']);
  console.log(util.inspect(h, { depth: Infinity }));
  const pair = await c.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' }, true, ['sign', 'verify']);
  console.log(util.inspect(pair, { depth: Infinity }), Object.getPrototypeOf(pair));
  const ec = await c.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, false, ['deriveKey']);
  console.log(ec);
})();
