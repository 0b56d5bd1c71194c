// pipeline() and finished(): success, an error in the middle, premature close,
// callback and promise forms, generators as stages.
const { pipeline, finished, Readable, Writable, Transform, PassThrough } = require('stream');
const sp = require('stream/promises');
const log = (...a) => console.log(...a);

const sink = (name, out) => new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } });

async function main() {
  const out = [];
  await new Promise((resolve) => pipeline(Readable.from(['a', 'b']), new Transform({
    transform(c, e, cb) { cb(null, c.toString() + '!'); },
  }), sink('s1', out), (err) => { log('p1', err, out); resolve(); }));

  await new Promise((resolve) => pipeline(Readable.from(['a', 'b']), new Transform({
    transform(c, e, cb) { cb(new Error('bad transform')); },
  }), sink('s2', []), (err) => { log('p2', err.message); resolve(); }));

  const r = new Readable({ read() {} });
  await new Promise((resolve) => {
    finished(r, (err) => { log('finished premature', err.code, err.name, err.message); resolve(); });
    r.destroy();
  });

  const out3 = [];
  await sp.pipeline(Readable.from(['x', 'y', 'z']), async function* (src) {
    for await (const chunk of src) yield chunk.toUpperCase();
  }, sink('s3', out3));
  log('p3', out3);

  try {
    await sp.pipeline(Readable.from(['x']), async function* (src) {
      for await (const chunk of src) throw new Error(`gen ${chunk}`);
    }, new PassThrough());
  } catch (err) {
    log('p4', err.message);
  }

  const pt = new PassThrough();
  const done = sp.finished(pt);
  pt.end('q');
  pt.resume();
  await done;
  log('finished ok', pt.writableFinished, pt.readableEnded);

  try {
    pipeline(Readable.from(['a']));
  } catch (err) {
    log('p5', err.code, err.name, err.message);
  }
  try {
    await sp.pipeline(Readable.from(['a']), 42);
  } catch (err) {
    log('p6', err.code, err.name);
  }
}
main();
