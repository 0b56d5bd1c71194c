// Values that are not Errors, thrown from timers, microtasks and ticks, reach
// an 'uncaughtException' listener as they are.
process.on('uncaughtException', (value, origin) => console.log('caught', origin, value));
process.on('exit', (c) => console.log('exit', c));
queueMicrotask(() => {
  throw null;
});
setTimeout(() => {
  throw { plain: 'object', nested: { a: 1 } };
}, 1);
setTimeout(() => {
  throw 42;
}, 2);
setTimeout(() => {
  process.nextTick(() => {
    throw Symbol('thrown symbol');
  });
}, 5);
