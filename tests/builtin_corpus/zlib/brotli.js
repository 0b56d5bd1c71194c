// Brotli bytes are the same library's: compressed output compared byte for byte.
const zlib = require('zlib');
const { constants: C } = zlib;

const inputs = [
  Buffer.alloc(0),
  Buffer.from('hello'),
  Buffer.from('The quick brown fox jumps over the lazy dog. '.repeat(200)),
  Buffer.from(Array.from({ length: 30000 }, (_, i) => (i * 2654435761 >>> 7) & 255)),
];
for (const [i, input] of inputs.entries()) {
  for (const quality of [0, 1, 4, 9, 11]) {
    const out = zlib.brotliCompressSync(input, { params: { [C.BROTLI_PARAM_QUALITY]: quality } });
    console.log(i, quality, out.length, zlib.crc32(out), zlib.brotliDecompressSync(out).equals(input));
  }
  const params = {
    [C.BROTLI_PARAM_MODE]: C.BROTLI_MODE_TEXT, [C.BROTLI_PARAM_LGWIN]: 10, [C.BROTLI_PARAM_SIZE_HINT]: input.length,
    [C.BROTLI_PARAM_LGBLOCK]: 16,
  };
  const tuned = zlib.brotliCompressSync(input, { params });
  console.log(i, 'tuned', tuned.length, zlib.crc32(tuned));
  const font = zlib.brotliCompressSync(input, { params: { [C.BROTLI_PARAM_MODE]: C.BROTLI_MODE_FONT, [C.BROTLI_PARAM_QUALITY]: 5 } });
  console.log(i, 'font', font.toString('base64').slice(0, 50));
  const large = zlib.brotliCompressSync(input, { params: { [C.BROTLI_PARAM_LARGE_WINDOW]: true, [C.BROTLI_PARAM_LGWIN]: 26, [C.BROTLI_PARAM_QUALITY]: 3 } });
  console.log(i, 'large window', large.length, zlib.brotliDecompressSync(large, { params: { [C.BROTLI_DECODER_PARAM_LARGE_WINDOW]: 1 } }).equals(input));
  try {
    zlib.brotliDecompressSync(large);
    console.log(i, 'large window without flag ok');
  } catch (err) {
    console.log(i, 'large window without flag', err.code, err.errno, err.message);
  }
}
// Streamed brotli output equals the one-shot bytes.
const text = inputs[2];
const enc = zlib.createBrotliCompress({ params: { [C.BROTLI_PARAM_QUALITY]: 6 } });
const parts = [];
enc.on('data', (c) => parts.push(c));
enc.on('end', () => {
  const streamed = Buffer.concat(parts);
  const once = zlib.brotliCompressSync(text, { params: { [C.BROTLI_PARAM_QUALITY]: 6 } });
  console.log('streamed', streamed.equals(once), streamed.length);
});
enc.write(text.subarray(0, 4000));
enc.end(text.subarray(4000));
