// An error thrown in an 'exit' listener: reported, exit code 7.
// parity: uncaught
process.on('exit', (code) => {
  console.log('exit listener', code);
  throw new Error('thrown in exit listener');
});
process.on('exit', () => console.log('never: second exit listener'));
console.log('main');
