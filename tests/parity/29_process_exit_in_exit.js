// process.exit() inside an 'exit' listener, and process.exit() with an exitCode set.
process.exitCode = 2;
process.on('exit', (code) => {
  console.log('first listener', code);
  process.exitCode = 6;
});
process.on('exit', (code) => {
  console.log('second listener', code, process.exitCode);
  process.exit();
});
process.on('exit', () => console.log('never: third listener'));
process.exit();
