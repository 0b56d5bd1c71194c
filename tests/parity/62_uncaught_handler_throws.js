// An 'uncaughtException' listener that itself throws: exit 7.
// parity: uncaught
process.on('uncaughtException', (err) => {
  console.log('handler got', err.message);
  throw new Error('handler failure');
});
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => {
  throw new Error('original');
}, 1);
