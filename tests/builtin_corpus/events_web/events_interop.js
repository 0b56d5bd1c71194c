// events.once / events.on-style consumers with web signals and targets.
const events = require('events');
(async () => {
  const et = new EventTarget();
  setTimeout(() => et.dispatchEvent(new Event('ready')), 1);
  const [ev] = await events.once(et, 'ready');
  console.log('once resolved', ev.type);
  const ac = new AbortController();
  const p = events.once(et, 'never', { signal: ac.signal });
  ac.abort();
  try {
    await p;
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
  const ac2 = new AbortController();
  ac2.signal.addEventListener('abort', () => console.log('abort listener via EventTarget API', ac2.signal.aborted));
  ac2.abort();
})();
