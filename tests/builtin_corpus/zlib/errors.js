// Corrupt and truncated input, output limits and bad arguments, sync forms.
const zlib = require('zlib');

function attempt(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', out.length);
  } catch (err) {
    console.log(label, err.name, err.code, err.errno, JSON.stringify(err.message), Object.keys(err));
  }
}

const text = Buffer.from('some text to compress, some text to compress'.repeat(20));
const gz = zlib.gzipSync(text);
const df = zlib.deflateSync(text);
const br = zlib.brotliCompressSync(text);
attempt('gunzip garbage', () => zlib.gunzipSync(Buffer.from('hello world')));
attempt('inflate garbage', () => zlib.inflateSync(Buffer.from('hello world')));
attempt('inflateRaw garbage', () => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff, 0xff])));
attempt('unzip garbage', () => zlib.unzipSync(Buffer.from('hello world')));
attempt('empty inflate', () => zlib.inflateSync(Buffer.alloc(0)));
attempt('empty gunzip', () => zlib.gunzipSync(''));
attempt('empty brotli', () => zlib.brotliDecompressSync(Buffer.alloc(0)));
attempt('truncated gzip', () => zlib.gunzipSync(gz.subarray(0, gz.length - 4)));
attempt('truncated deflate', () => zlib.inflateSync(df.subarray(0, 10)));
attempt('truncated brotli', () => zlib.brotliDecompressSync(br.subarray(0, br.length - 2)));
const badCrc = Buffer.from(gz);
badCrc[badCrc.length - 6] ^= 0xff;
attempt('bad crc', () => zlib.gunzipSync(badCrc));
const badAdler = Buffer.from(df);
badAdler[badAdler.length - 1] ^= 0xff;
attempt('bad adler', () => zlib.inflateSync(badAdler));
attempt('gzip as deflate', () => zlib.inflateSync(gz));
attempt('deflate as gzip', () => zlib.gunzipSync(df));
attempt('member then garbage', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from('junk')])));
attempt('member then bad magic', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from([0x1f, 0x8b, 0x00])])));
attempt('brotli garbage', () => zlib.brotliDecompressSync(Buffer.from('hello world this is not brotli')));
attempt('brotli padding', () => zlib.brotliDecompressSync(Buffer.from([0x0b, 0x02, 0x80, 0x41, 0x42, 0x43, 0xff])));
for (let i = 0; i < 6; i++) {
  const bad = Buffer.from(br);
  bad[3 + i * 5] ^= 0x5a;
  attempt(`brotli flipped ${i}`, () => zlib.brotliDecompressSync(bad));
}
attempt('max inflate', () => zlib.inflateSync(df, { maxOutputLength: 100 }));
attempt('max gunzip', () => zlib.gunzipSync(gz, { maxOutputLength: text.length - 1 }));
attempt('max brotli', () => zlib.brotliDecompressSync(br, { maxOutputLength: 1 }));
attempt('max deflate', () => zlib.deflateSync(text, { maxOutputLength: 5 }));
attempt('max string', () => zlib.inflateSync(df, { maxOutputLength: '5' }));
attempt('bad input', () => zlib.deflateSync(123));
attempt('bad input null', () => zlib.gzipSync(null));
attempt('bad input object', () => zlib.gzipSync({}));
attempt('bad options', () => zlib.deflateSync('x', { level: 10 }));
attempt('bad windowBits gzip', () => zlib.gzipSync('x', { windowBits: 8 }));
attempt('windowBits 0 deflate', () => zlib.deflateSync('x', { windowBits: 0 }));
attempt('bad chunk', () => zlib.inflateSync(df, { chunkSize: 63 }));
attempt('brotli param', () => zlib.brotliCompressSync('x', { params: { 100: 1 } }));
attempt('brotli bad value', () => zlib.brotliCompressSync('x', { params: { 1: null } }));
attempt('brotli decoder param', () => zlib.brotliDecompressSync(br, { params: { 5: 1 } }));
attempt('brotli quality 99', () => zlib.brotliCompressSync('x', { params: { 1: 99 } }));
attempt('brotli lgwin bad', () => zlib.brotliCompressSync('x', { params: { 2: 5 } }));
