// Async iteration, Readable.from, operators, compose, duplexPair, utilities.
const stream = require('stream');
const { Readable, Duplex, PassThrough, compose } = stream;
const log = (...a) => console.log(...a);

async function main() {
  const chunks = [];
  for await (const c of Readable.from(['a', 'b', 'c'])) chunks.push(c);
  log('from', chunks);
  const buf = [];
  for await (const c of Readable.from(Buffer.from('xyz'))) buf.push(c);
  log('from buffer', buf);
  log('toArray', await Readable.from([1, 2, 3, 4]).map((x) => x * 2).filter((x) => x > 2).toArray());
  log('reduce', await Readable.from([1, 2, 3]).reduce((a, b) => a + b, 0));
  log('take', await Readable.from([1, 2, 3, 4]).take(2).toArray(), await Readable.from([1, 2, 3]).drop(1).toArray());
  log('some', await Readable.from([1, 2]).some((x) => x > 1), await Readable.from([1, 2]).every((x) => x > 1));
  log('find', await Readable.from([1, 2, 3]).find((x) => x > 1));

  const r = new Readable({ read() {} });
  r.push('1');
  setTimeout(() => r.destroy(new Error('iter boom')), 1);
  try {
    for await (const c of r) log('got', c.toString());
  } catch (err) {
    log('iter error', err.message);
  }

  const c = compose(new PassThrough(), async function* (src) {
    for await (const x of src) yield String(x).toUpperCase();
  });
  c.end('hello');
  log('compose', (await c.toArray()).join(''));

  const [left, right] = stream.duplexPair();
  left.write('ping');
  right.on('data', (d) => log('pair', d.toString()));
  await new Promise((resolve) => setTimeout(resolve, 5));

  const p = new PassThrough();
  log('is', stream.isReadable(p), stream.isErrored(p), stream.isDisturbed(p), stream.isDestroyed(p), stream.isWritable(p));
  p.destroy(new Error('x'));
  p.on('error', () => {});
  log('is2', stream.isReadable(p), stream.isErrored(p), stream.isDestroyed(p));

  const d = Duplex.from({ readable: Readable.from(['dup']), writable: new PassThrough() });
  log('duplex.from', (await d.toArray()).map(String));

  stream.setDefaultHighWaterMark(false, 100);
  log('hwm', stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true), new Readable().readableHighWaterMark);
  try {
    stream.setDefaultHighWaterMark(false, -1);
  } catch (err) {
    log(err.code, err.name, err.message);
  }
  log(typeof stream.promises.pipeline, stream.promises === require('stream/promises'), Object.keys(require('stream/promises')));
  log(require('_stream_readable') === Readable, require('_stream_passthrough') === PassThrough, require('_stream_duplex') === Duplex);
  log(Readable.name, stream.Writable.name, stream.Transform.name, typeof stream.addAbortSignal);
}
main();
