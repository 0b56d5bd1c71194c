// 'beforeExit' and 'exit' ordering; beforeExit may schedule more work.
let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, rounds);
  if (rounds++ < 2) {
    setTimeout(() => console.log('timer from beforeExit', rounds), 0);
    Promise.resolve().then(() => console.log('microtask from beforeExit'));
  }
});
process.on('exit', (code) => console.log('exit 1', code));
process.once('exit', () => console.log('exit 2 (once)'));
process.prependListener('exit', () => console.log('exit 0 (prepended)'));
console.log('main done');
