// An uncaught exception from a timer with a listener: the loop continues.
process.on('uncaughtException', (err, origin) => {
  console.log('handler:', err.message, origin, err instanceof Error);
});
setTimeout(() => {
  throw new RangeError('timer failure');
}, 1);
setTimeout(() => {
  throw 'a string thrown';
}, 2);
setTimeout(() => console.log('later timer still runs'), 5);
process.on('exit', (code) => console.log('exit', code));
