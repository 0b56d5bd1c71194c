// Decoding data that Node itself compressed (its bundled Chromium zlib and brotli).
const zlib = require('zlib');

const made = {
  deflate9: 'eNrzy09JVchNTElVKMnILNZT8Bvlj/LpyA/JSFVIzUvRAwDpvtof',
  gzip1: 'H4sIAAAAAAAEA/PLT0lVyE1MSVUoycgs1lPwG+WPhgcd00NIRqpCal6KHgACcd8WiAIAAA==',
  raw: '88tPSVXITUxJVSjJyCzWU/Ab5Y/y6cgPyUhVSM1L0QMA',
  brotli: 'G4cC+J0JdoxkMorm04VRO1GFuamytkJ7azIQl7INiSi7FKYGyCj0pk6rgGgD',
  dict: 'eLslIAUW80Ph6SmM8kf59OSHZKQqpOal6AEA6b7aHw==',
  multi: 'H4sIAAAAAAAAA8vPS9UBAGItGioEAAAAH4sIAAAAAAAAAyspzwcAZorKEQMAAAA=',
};
const buf = (k) => Buffer.from(made[k], 'base64');
const show = (name, out) => console.log(name, out.length, JSON.stringify(out.toString().slice(-30)), zlib.crc32(out));

show('deflate9', zlib.inflateSync(buf('deflate9')));
show('deflate9 unzip', zlib.unzipSync(buf('deflate9')));
show('gzip1', zlib.gunzipSync(buf('gzip1')));
show('gzip1 unzip', zlib.unzipSync(buf('gzip1')));
show('raw', zlib.inflateRawSync(buf('raw')));
show('brotli', zlib.brotliDecompressSync(buf('brotli')));
show('dict', zlib.inflateSync(buf('dict'), { dictionary: Buffer.from('Node made this') }));
show('multi', zlib.gunzipSync(buf('multi')));
try {
  zlib.inflateSync(buf('dict'));
} catch (err) {
  console.log('no dict', err.code, err.errno, err.message);
}
try {
  zlib.inflateSync(buf('dict'), { dictionary: Buffer.from('wrong') });
} catch (err) {
  console.log('wrong dict', err.code, err.errno, err.message);
}
// Same bytes back where Node and the system zlib agree: short inputs, level 0, brotli.
const text = Buffer.from('Node made this. '.repeat(40) + 'The end.');
console.log('brotli same', zlib.brotliCompressSync(text).toString('base64') === made.brotli);
console.log('short same', zlib.deflateSync('hello hello hello world').toString('base64'));
console.log('level0', zlib.deflateSync(text, { level: 0 }).toString('base64').slice(0, 40));
console.log('gzip header', zlib.gzipSync(text, { level: 9 }).subarray(0, 10).toString('hex'),
  zlib.gzipSync(text, { level: 1 }).subarray(0, 10).toString('hex'));
// Streamed decode of the same data, one byte at a time.
const g = zlib.createGunzip();
let out = '';
g.on('data', (c) => { out += c; });
g.on('end', () => console.log('bytewise', out));
for (const byte of buf('multi')) g.write(Buffer.from([byte]));
g.end();
