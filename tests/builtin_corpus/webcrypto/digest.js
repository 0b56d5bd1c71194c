// subtle.digest over fixed inputs, every BufferSource shape, and its errors.
const { subtle } = globalThis.crypto;
const hex = (ab) => Buffer.from(ab).toString('hex');
const enc = { encode: (s) => new Uint8Array(Buffer.from(s)) };

(async () => {
  for (const alg of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'sha-256', { name: 'Sha-512' }]) {
    console.log(JSON.stringify(alg), hex(await subtle.digest(alg, enc.encode('hello world'))));
    console.log(JSON.stringify(alg), 'empty', hex(await subtle.digest(alg, new Uint8Array(0))));
  }
  const bytes = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const views = [bytes, bytes.buffer, new DataView(bytes.buffer, 2, 4), new Uint16Array(bytes.buffer, 2, 2),
    Buffer.from('abc'), new Float64Array([1.5])];
  for (const v of views) {
    const r = await subtle.digest('SHA-256', v);
    console.log(v.constructor.name, r instanceof ArrayBuffer, r.byteLength, hex(r));
  }
  const big = new Uint8Array(1 << 20).fill(97);
  console.log('1MiB', hex(await subtle.digest('SHA-512', big)));
  const bad = [
    () => subtle.digest('MD5', bytes),
    () => subtle.digest('SHA-256', 'string'),
    () => subtle.digest('SHA-256'),
    () => subtle.digest({}, bytes),
    () => subtle.digest({ name: 'SHA-3' }, bytes),
    () => subtle.digest(42, bytes),
    () => subtle.digest.call({}, 'SHA-256', bytes),
    () => subtle.digest('SHA-256', [1, 2, 3]),
    () => subtle.digest('SHA-256', null),
  ];
  for (const f of bad) {
    const p = f();
    console.log(p instanceof Promise);
    try {
      await p;
      console.log('resolved');
    } catch (e) {
      console.log(e.name, e.code, e.message, e instanceof DOMException);
    }
  }
})();
