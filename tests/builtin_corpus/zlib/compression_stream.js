// CompressionStream / DecompressionStream globals, with zlib as the reference.
const zlib = require('zlib');

async function drain(readable) {
  const reader = readable.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return chunks;
}

async function run(stream, inputs) {
  const writer = stream.writable.getWriter();
  const out = drain(stream.readable);
  for (const input of inputs) writer.write(input);
  writer.close();
  return out;
}

const text = 'compress me please '.repeat(500);
(async () => {
  for (const format of ['gzip', 'deflate', 'deflate-raw', 'brotli']) {
    const packed = Buffer.concat(await run(new CompressionStream(format), [text.slice(0, 100), new Uint8Array(Buffer.from(text.slice(100)))]));
    const viaZlib = { gzip: zlib.gunzipSync, deflate: zlib.inflateSync, 'deflate-raw': zlib.inflateRawSync, brotli: zlib.brotliDecompressSync }[format](packed);
    const chunks = await run(new DecompressionStream(format), [packed.subarray(0, 7), packed.subarray(7)]);
    const back = Buffer.concat(chunks).toString();
    console.log(format, viaZlib.toString() === text, back === text, chunks.every((c) => c.constructor === Uint8Array));
  }
  // Output arrives in 16 KiB pieces.
  const sizes = (await run(new DecompressionStream('deflate'), [zlib.deflateSync(Buffer.alloc(100000))])).map((c) => c.length);
  console.log('sizes', sizes);
  // Node-made gzip data.
  const nodeMade = Buffer.from('H4sIAAAAAAAAA8vPS9UBAGItGioEAAAAH4sIAAAAAAAAAyspzwcAZorKEQMAAAA=', 'base64');
  console.log('members', Buffer.concat(await run(new DecompressionStream('gzip'), [nodeMade])).toString());

  for (const format of ['gzip', 'deflate', 'deflate-raw', 'brotli', 'zstd', 'GZIP', undefined, 1]) {
    try {
      const cs = new CompressionStream(format);
      console.log('ok', format, Object.keys(cs), String(cs), cs.readable.locked, cs.writable.locked);
    } catch (err) {
      console.log(err.name, err.code, err.message);
    }
    try {
      new DecompressionStream(format);
    } catch (err) {
      console.log(err.name, err.code, err.message);
    }
  }
  console.log(typeof CompressionStream, CompressionStream.name, CompressionStream.length,
    Object.getOwnPropertyNames(CompressionStream.prototype), Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream').enumerable);

  // Corrupt and truncated input.
  const corrupt = new DecompressionStream('gzip');
  const w = corrupt.writable.getWriter();
  w.write(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).catch(() => {});
  w.close().catch((err) => console.log('close rejected', err.name, err.code, JSON.stringify(err.message), err.cause.message));
  await drain(corrupt.readable).catch((err) => console.log('read rejected', err.name, err.code, err.cause.code, err.cause.errno));
  const truncated = new DecompressionStream('deflate');
  const tw = truncated.writable.getWriter();
  tw.write(zlib.deflateSync(text).subarray(0, 20)).catch(() => {});
  tw.close().catch((err) => console.log('truncated close', err.name, err.code, err.cause.message));
  await drain(truncated.readable).catch((err) => console.log('truncated read', err.code));
  const bro = new DecompressionStream('brotli');
  const bw = bro.writable.getWriter();
  bw.write(new Uint8Array(Buffer.from('definitely not brotli data'))).catch(() => {});
  bw.close().catch(() => {});
  await drain(bro.readable).catch((err) => console.log('brotli read', err.name, err.code, err.errno, err.message, err.cause));
  const bad = new CompressionStream('gzip');
  const badWriter = bad.writable.getWriter();
  await badWriter.write(new ArrayBuffer(4)).catch((err) => console.log('arraybuffer', err.name, err.code, err.message));
  await badWriter.write(new Uint8Array(1)).catch((err) => console.log('after error', err.name, err.code));
})();
