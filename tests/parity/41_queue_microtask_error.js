// An error thrown inside a queueMicrotask callback is an uncaught exception.
// parity: uncaught
queueMicrotask(() => console.log('first microtask'));
queueMicrotask(() => {
  throw new TypeError('from microtask');
});
queueMicrotask(() => console.log('never: after the throwing microtask'));
setTimeout(() => console.log('never: timer'), 0);
try {
  queueMicrotask('not a function');
} catch (err) {
  console.log(err.name, err.code, err.message);
}
