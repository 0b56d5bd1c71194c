// File streams are real streams: pipeline() through a Transform into a file,
// stream/promises with a generator, event order, instanceof, errors.
const fs = require('fs');
const { pipeline, Readable, Writable, Transform } = require('stream');
const sp = require('stream/promises');
const log = (...a) => console.log(...a);

async function main() {
  fs.writeFileSync('in.txt', 'alpha\nbeta\ngamma\n');
  const rs = fs.createReadStream('in.txt', { highWaterMark: 4 });
  const ws = fs.createWriteStream('out.txt');
  log(rs instanceof Readable, ws instanceof Writable, rs instanceof fs.ReadStream, ws instanceof fs.WriteStream);
  log(rs.pending, ws.pending, rs.readableHighWaterMark, ws.writableHighWaterMark, rs.autoClose);
  // Each stream's own order is fixed; the two streams' files open and close
  // concurrently, so their events interleave differently from run to run.
  const events = { rs: [], ws: [] };
  for (const ev of ['open', 'ready', 'end', 'close']) rs.on(ev, () => events.rs.push(ev));
  for (const ev of ['open', 'ready', 'finish', 'close']) ws.on(ev, () => events.ws.push(ev));
  await new Promise((resolve) => pipeline(rs, new Transform({
    transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); },
  }), ws, (err) => {
    log('pipeline', err, rs.bytesRead, ws.bytesWritten, rs.destroyed, ws.destroyed);
    setTimeout(() => {
      log(events);
      resolve();
    }, 5);
  }));
  log(JSON.stringify(fs.readFileSync('out.txt', 'utf8')));

  await sp.pipeline(fs.createReadStream('in.txt', { encoding: 'utf8', start: 6, end: 9 }), async function* (src) {
    for await (const chunk of src) yield `[${chunk}]`;
  }, fs.createWriteStream('part.txt'));
  log(fs.readFileSync('part.txt', 'utf8'));

  await sp.pipeline(Readable.from(['x', 'y']), fs.createWriteStream('app.txt', { flags: 'a' }));
  await sp.pipeline(Readable.from(['z']), fs.createWriteStream('app.txt', { flags: 'a' }));
  log(fs.readFileSync('app.txt', 'utf8'));

  try {
    await sp.pipeline(fs.createReadStream('missing.txt'), fs.createWriteStream('never.txt'));
  } catch (err) {
    log('missing', err.code, err.syscall, err.message);
  }

  const chunks = [];
  for await (const c of fs.createReadStream('in.txt', { highWaterMark: 5 })) chunks.push(c.length);
  log('chunks', chunks);

  const w = fs.createWriteStream('cb.txt');
  w.write('a', (err) => log('write cb', err));
  w.end('b', () => log('end cb', fs.readFileSync('cb.txt', 'utf8')));
  await new Promise((resolve) => w.on('close', resolve));
  log('closed', w.closed, w.bytesWritten);

  const r = fs.createReadStream('in.txt');
  r.close((err) => log('close cb', err && err.code, err && err.message, r.destroyed));
}
main();
