// AbortSignal.timeout fires with a TimeoutError, and does not keep the loop alive.
const t = AbortSignal.timeout(5);
t.addEventListener('abort', () => {
  console.log('timed out', t.reason.name, t.reason.message, t.reason.code);
  const combined = AbortSignal.any([t]);
  console.log('combined', combined.aborted, combined.reason.name);
});
const keepAlive = setTimeout(() => console.log('kept alive by a timer'), 30);
const lonely = AbortSignal.timeout(100000);
lonely.addEventListener('abort', () => console.log('never printed'));
const mixed = AbortSignal.any([AbortSignal.timeout(10), new AbortController().signal]);
mixed.onabort = () => console.log('mixed', mixed.reason.name);
process.on('exit', () => console.log('exit', lonely.aborted, typeof keepAlive));
