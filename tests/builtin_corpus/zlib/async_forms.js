// Callback and promisified forms (results sorted: thread-pool completion order is not fixed).
const zlib = require('zlib');
const util = require('util');

const data = Buffer.from('callback data '.repeat(100));
const results = [];
const log = (...args) => results.push(require('util').format(...args));
zlib.gzip(data, (err, packed) => {
    log('gzip cb', err, Buffer.isBuffer(packed));
  zlib.gunzip(packed, { chunkSize: 1024 }, (err2, out) => {
    log('gunzip cb', err2, out.equals(data));
  });
});
zlib.deflate('text', (err, packed) => {
    zlib.inflate(packed, (e, out) => log('inflate cb', e, out.toString()));
});
zlib.brotliCompress(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }, (err, packed) => {
  zlib.brotliDecompress(packed, (e, out) => log('brotli cb', e, out.equals(data)));
});
zlib.inflate(Buffer.from('not zlib'), (err, out) => {
  log('inflate error', err.code, err.errno, err.message, out);
});
zlib.gunzip(zlib.gzipSync(data), { maxOutputLength: 10 }, (err) => {
  log('too large', err.name, err.code, err.message);
});
zlib.deflate(data, { info: true }, (err, res) => {
  log('info', Object.keys(res), res.engine instanceof zlib.Deflate, res.engine.bytesWritten);
});
console.log('sync part done');

(async () => {
  const gzip = util.promisify(zlib.gzip);
  const gunzip = util.promisify(zlib.gunzip);
  const deflateRaw = util.promisify(zlib.deflateRaw);
  const inflateRaw = util.promisify(zlib.inflateRaw);
  const brotli = util.promisify(zlib.brotliCompress);
  const unbrotli = util.promisify(zlib.brotliDecompress);
  const unzip = util.promisify(zlib.unzip);
  console.log('p gzip', (await gunzip(await gzip('promised'))).toString());
  console.log('p raw', (await inflateRaw(await deflateRaw('raw promised'))).toString());
  console.log('p brotli', (await unbrotli(await brotli('brotli promised'))).toString());
  console.log('p unzip', (await unzip(await gzip('unzip promised'))).toString());
  try {
    await gunzip(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]));
  } catch (err) {
    console.log('p error', err.code, err.errno, err.message);
  }
  try {
    zlib.gzip('x');
  } catch (err) {
    console.log('no callback', err.code, err.message);
  }
  try {
    zlib.gzip(42, () => {});
  } catch (err) {
    console.log('bad buffer', err.code, err.message);
  }
  try {
    zlib.gzipSync(42);
  } catch (err) {
    console.log('bad buffer', err.code, err.message);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  console.log(results.sort().join('\n'));
})();
zlib.gzip(null, (err, out) => log('null input', err, zlib.gunzipSync(out).length));
zlib.deflate(new Uint16Array([1, 2]), (err, out) => log('u16 input', err, zlib.inflateSync(out)));
