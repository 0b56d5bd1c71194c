// With an 'uncaughtException' listener, microtask and tick errors are reported
// to it and the program goes on. A throwing tick ends that round of tick and
// microtask processing: what is left runs after the next callback.
process.on('uncaughtException', (err, origin) => {
  console.log('caught:', err.message, origin);
});
queueMicrotask(() => {
  throw new Error('microtask error');
});
process.nextTick(() => {
  throw new Error('tick error');
});
process.nextTick(() => console.log('second tick'));
queueMicrotask(() => console.log('next microtask still runs'));
setImmediate(() => console.log('immediate runs'));
