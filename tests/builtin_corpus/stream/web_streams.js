// Web streams: reader, tee, pipeTo/pipeThrough, BYOB, errors, inspect,
// the globals and stream/web, and the Node<->web adapters.
const web = require('stream/web');
const { Readable, Writable } = require('stream');
const log = (...a) => console.log(...a);

async function main() {
  log(Object.keys(web));
  log(web.ReadableStream === ReadableStream, web.WritableStream === WritableStream, web.TransformStream === TransformStream);
  const rs = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  log(rs);
  const reader = rs.getReader();
  log(rs.locked, await reader.read(), await reader.read(), await reader.read());
  try {
    rs.getReader();
  } catch (err) {
    log(err.name, err.message);
  }

  const [t1, t2] = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } }).tee();
  const all = [];
  for await (const x of t1) all.push(x);
  for await (const x of t2) all.push(x);
  log('tee', all);

  const seen = [];
  await new ReadableStream({ start(c) { c.enqueue('x'); c.close(); } })
    .pipeThrough(new TransformStream({ transform(chunk, c) { c.enqueue(chunk + chunk); } }))
    .pipeTo(new WritableStream({ write(chunk) { seen.push(chunk); }, close() { seen.push('closed'); } }));
  log('pipe', seen);

  const bytes = new ReadableStream({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4])); c.close(); },
  });
  log(bytes);
  const byob = bytes.getReader({ mode: 'byob' });
  const r1 = await byob.read(new Uint8Array(2));
  log('byob', r1.done, Array.from(r1.value));

  const errored = new ReadableStream({ start(c) { c.error(new Error('web boom')); } });
  try {
    await errored.getReader().read();
  } catch (err) {
    log('errored', err.message);
  }
  log(errored);

  const ws = new WritableStream({ write() {} });
  log(ws);
  const writer = ws.getWriter();
  await writer.write('z');
  await writer.close();
  log(ws);
  log(new CountQueuingStrategy({ highWaterMark: 3 }), new ByteLengthQueuingStrategy({ highWaterMark: 8 }));
  log(new TransformStream());

  const fromWeb = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue('w1'); c.enqueue('w2'); c.close(); } }), { objectMode: true });
  log('fromWeb', await fromWeb.toArray());
  const toWeb = Readable.toWeb(Readable.from(['n1', 'n2']));
  const got = [];
  for await (const x of toWeb) got.push(x);
  log('toWeb', got);
  const collected = [];
  const wweb = Writable.toWeb(new Writable({ write(c, e, cb) { collected.push(c.toString()); cb(); } }));
  const ww = wweb.getWriter();
  await ww.write('k1');
  await ww.close();
  log('Writable.toWeb', collected);
  try {
    Readable.fromWeb({});
  } catch (err) {
    log(err.code, err.name, err.message);
  }
}
main();
