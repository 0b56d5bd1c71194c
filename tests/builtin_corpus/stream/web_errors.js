// Web stream errors: Node's codes and messages for misuse.
const log = (...a) => console.log(...a);
const attempt = async (label, f) => {
  try {
    log(label, await f());
  } catch (err) {
    log(label, err.name, err.code, err.message);
  }
};
(async () => {
  log(new ReadableStream().constructor === ReadableStream, new WritableStream() instanceof WritableStream);
  let ctrl;
  const rs = new ReadableStream({ start(c) { ctrl = c; } });
  ctrl.close();
  await attempt('enqueue after close', () => ctrl.enqueue('x'));
  await attempt('close twice', () => ctrl.close());
  await attempt('bad source', () => new ReadableStream(5));
  await attempt('bad type', () => new ReadableStream({ type: 'nope' }));
  await attempt('byob on default', () => new ReadableStream().getReader({ mode: 'byob' }));
  await attempt('bad mode', () => new ReadableStream().getReader({ mode: 'x' }));
  await attempt('pipeTo non-ws', () => new ReadableStream().pipeTo({}));
  await attempt('releaseLock read', async () => { const r = new ReadableStream().getReader(); r.releaseLock(); return r.read(); });
  await attempt('write closed', async () => { const w = new WritableStream().getWriter(); await w.close(); return w.write('x'); });

  await attempt('strategy', () => new CountQueuingStrategy());
  await attempt('reader ctor', () => new ReadableStreamDefaultReader(5));
  await attempt('ctrl ctor', () => new ReadableStreamDefaultController());
  await attempt('cancel locked', () => { const s = new ReadableStream(); s.getReader(); return s.cancel(); });
  await attempt('abort locked', () => { const s = new WritableStream(); s.getWriter(); return s.abort(); });
  await attempt('from', async () => { const out = []; for await (const x of ReadableStream.from(['a', 'b'])) out.push(x); return out; });
  await attempt('values', async () => { const out = []; for await (const x of new ReadableStream({ start(c) { c.enqueue(1); c.close(); } }).values()) out.push(x); return out; });
  await attempt('enqueue 0', () => { new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array(0)); } }); });
  log(Object.keys(new ReadableStream()), Object.getOwnPropertyNames(ReadableStream.prototype));
  log(String(new ReadableStream()), Object.prototype.toString.call(new WritableStream()));
})();
