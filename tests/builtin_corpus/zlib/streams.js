// Stream classes: pipes, flush(), bytesWritten, events, reset, close (no node:stream needed).
const zlib = require('zlib');

const text = Buffer.from('stream data line\n'.repeat(5000));

function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

async function roundTrip(name, make, unmake, opts) {
  const c = make(opts);
  const d = unmake();
  const outP = collect(d);
  c.pipe(d);
  c.write(text.subarray(0, 1000));
  c.write(text.subarray(1000, 50000));
  c.end(text.subarray(50000));
  const out = await outP;
  console.log(name, out.equals(text), c.bytesWritten, d.bytesWritten > 0, typeof c.pipe, c.readable, c.writable);
}

(async () => {
  await roundTrip('deflate', zlib.createDeflate, zlib.createInflate);
  await roundTrip('gzip', zlib.createGzip, zlib.createGunzip, { level: 1 });
  await roundTrip('raw', zlib.createDeflateRaw, zlib.createInflateRaw);
  await roundTrip('unzip', zlib.createGzip, zlib.createUnzip);
  await roundTrip('brotli', zlib.createBrotliCompress, zlib.createBrotliDecompress);
  await roundTrip('new', (o) => new zlib.Gzip(o), () => zlib.Gunzip());

  // Small chunk sizes give many chunks, none larger than chunkSize.
  const inflater = zlib.createInflate({ chunkSize: 1024 });
  const sizes = [];
  inflater.on('data', (c) => sizes.push(c.length));
  await new Promise((resolve) => {
    inflater.on('end', resolve);
    inflater.end(zlib.deflateSync(text));
  });
  console.log('chunks', sizes.length, Math.max(...sizes), sizes.reduce((a, b) => a + b, 0));

  // flush() hands out everything written so far.
  const gz = zlib.createGzip();
  const gun = zlib.createGunzip();
  gz.pipe(gun);
  let seen = '';
  gun.on('data', (c) => { seen += c; });
  gz.write('part one;');
  await new Promise((resolve) => gz.flush(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log('after flush', JSON.stringify(seen));
  gz.write('part two');
  await new Promise((resolve) => gz.flush(zlib.constants.Z_FULL_FLUSH, resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log('after full flush', JSON.stringify(seen));
  gz.end();
  await new Promise((resolve) => gun.on('end', resolve));
  console.log('ended', JSON.stringify(seen), gz.bytesWritten);

  // Brotli flush.
  const bc = zlib.createBrotliCompress();
  const bd = zlib.createBrotliDecompress();
  bc.pipe(bd);
  let bseen = '';
  bd.on('data', (c) => { bseen += c; });
  bc.write('brotli part');
  await new Promise((resolve) => bc.flush(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log('brotli flush', JSON.stringify(bseen));
  bc.end();

  // Corrupt input.
  await new Promise((resolve) => {
    const g = zlib.createGunzip();
    g.on('error', (err) => {
      console.log('corrupt error', err.code, err.errno, err.message);
      resolve();
    });
    g.end(Buffer.from('definitely not gzip data'));
  });
  // Truncated stream input.
  await new Promise((resolve) => {
    const g = zlib.createGunzip();
    g.on('error', (err) => {
      console.log('truncated', err.code, err.errno, err.message, g.destroyed);
      resolve();
    });
    g.resume();
    g.end(zlib.gzipSync(text).subarray(0, 100));
  });
  await new Promise((resolve) => {
    const b = zlib.createBrotliDecompress();
    b.on('error', (err) => {
      console.log('brotli corrupt', err.code, err.errno, err.message);
      resolve();
    });
    b.end(Buffer.from('this is not brotli at all, no'));
  });

  // reset() and close().
  const r = zlib.createDeflate();
  r.write('abc');
  r.reset();
  const closed = zlib.createGzip();
  closed.close(() => console.log('close cb', closed.destroyed));
  await new Promise((resolve) => setTimeout(resolve, 10));

  // params(): unchanged values call back.
  const p = zlib.createDeflate({ level: 3 });
  await new Promise((resolve) => p.params(3, 0, resolve));
  console.log('params same ok');
  try {
    p.params(42, 0);
  } catch (err) {
    console.log('params range', err.code, err.message);
  }
  p.destroy();

  // Async iteration.
  const it = zlib.createGunzip();
  it.end(zlib.gzipSync('iterate me'));
  let s = '';
  for await (const chunk of it) s += chunk;
  console.log('iterated', s);

  // Option errors from the constructors.
  for (const opts of [{ chunkSize: 10 }, { level: 99 }, { windowBits: 16 }, { strategy: -1 }, { memLevel: 10 },
    { flush: 6 }, { finishFlush: -1 }, { level: Infinity }, { level: '1' }, { dictionary: 'd' }, { maxOutputLength: 0 },
  ]) {
    try {
      zlib.createDeflate(opts);
      console.log('no error', opts);
    } catch (err) {
      console.log(err.name, err.code, err.message);
    }
  }
  console.log('NaN level ok', zlib.createDeflate({ level: NaN })._level);
  for (const params of [{ 9: 1 }, { abc: 1 }, { 1: 'x' }, { '-1': 2 }]) {
    try {
      zlib.createBrotliCompress({ params });
    } catch (err) {
      console.log(err.name, err.code, err.message);
    }
  }
  try {
    zlib.createBrotliDecompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
})();
