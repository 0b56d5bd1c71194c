// Every format through its sync forms, with tricky inputs and options.
const zlib = require('zlib');

const inputs = {
  empty: Buffer.alloc(0),
  text: 'héllo wörld ✓ '.repeat(50),
  binary: Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + (i >> 3)) & 255)),
  zeros: Buffer.alloc(200000),
  u16: new Uint16Array([1, 2, 3, 65535]),
  dataview: new DataView(new ArrayBuffer(16)),
  arraybuffer: new Uint8Array([9, 8, 7]).buffer,
};
const pairs = [
  ['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'], ['deflateRawSync', 'inflateRawSync'],
  ['deflateSync', 'unzipSync'], ['gzipSync', 'unzipSync'], ['brotliCompressSync', 'brotliDecompressSync'],
];
for (const [name, input] of Object.entries(inputs)) {
  const expected = typeof input === 'string' ? Buffer.from(input) : Buffer.from(ArrayBuffer.isView(input) ? input.buffer : input);
  for (const [c, d] of pairs) {
    const packed = zlib[c](input);
    const out = zlib[d](packed);
    console.log(name, c, d, Buffer.isBuffer(packed), out.length, out.equals(expected));
  }
}

const text = Buffer.from('abcdefghij'.repeat(1000));
for (const level of [-1, 0, 1, 2, 5, 9]) {
  for (const strategy of [0, 1, 2, 3, 4]) {
    const packed = zlib.deflateSync(text, { level, strategy });
    console.log('level', level, 'strategy', strategy, zlib.inflateSync(packed).equals(text));
  }
}
for (const windowBits of [8, 9, 12, 15]) {
  for (const memLevel of [1, 5, 9]) {
    const raw = zlib.deflateRawSync(text, { windowBits, memLevel });
    const gz = zlib.gzipSync(text, { windowBits: Math.max(windowBits, 9), memLevel });
    console.log('wb', windowBits, memLevel, zlib.inflateRawSync(raw, { windowBits: 15 }).equals(text),
      zlib.gunzipSync(gz).equals(text), zlib.unzipSync(gz, { windowBits: 0 }).length);
  }
}
console.log('inflate wb0', zlib.inflateSync(zlib.deflateSync(text), { windowBits: 0 }).equals(text));

// Dictionaries.
const dict = Buffer.from('hello world dictionary');
const withDict = zlib.deflateSync('hello world hello world', { dictionary: dict });
console.log('dict', zlib.inflateSync(withDict, { dictionary: dict }).toString());
console.log('dict ab', zlib.inflateSync(withDict, { dictionary: dict.buffer.slice(dict.byteOffset, dict.byteOffset + dict.length) }).toString());
const rawDict = zlib.deflateRawSync('hello world hello world', { dictionary: dict });
console.log('raw dict', zlib.inflateRawSync(rawDict, { dictionary: dict }).toString());

// Concatenated gzip members, zero padding after a member, trailing data after deflate.
const gz1 = zlib.gzipSync('first;');
const gz2 = zlib.gzipSync('second');
console.log('members', zlib.gunzipSync(Buffer.concat([gz1, gz2])).toString());
console.log('unzip members', zlib.unzipSync(Buffer.concat([gz1, gz2, gz1])).toString());
console.log('padding', zlib.gunzipSync(Buffer.concat([gz1, Buffer.alloc(10)])).toString());
console.log('trailing', zlib.inflateSync(Buffer.concat([zlib.deflateSync('x'), Buffer.from('junk')])).toString());

// finishFlush on truncated input returns what there is.
const big = zlib.deflateSync(text);
const part = zlib.inflateSync(big.subarray(0, 40), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
console.log('partial', part.length > 0, text.subarray(0, part.length).equals(part));
const bpart = zlib.brotliDecompressSync(zlib.brotliCompressSync(text).subarray(0, 20), {
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
});
console.log('brotli partial', text.subarray(0, bpart.length).equals(bpart));

// Chunk sizes and maxOutputLength at the edge.
console.log('chunk', zlib.inflateSync(big, { chunkSize: 64 }).equals(text));
console.log('max exact', zlib.inflateSync(big, { maxOutputLength: text.length }).length);
console.log('levels small', [0, 1, 6, 9].map((level) => zlib.deflateSync('hello hello hello world', { level }).toString('hex')));
console.log('gzip small', zlib.gzipSync('hello').toString('hex'), zlib.gzipSync('hello', { level: 1 }).toString('hex'));
console.log('level0', zlib.deflateSync(text, { level: 0 }).toString('base64').length, zlib.crc32(zlib.deflateSync(text, { level: 0 })));
