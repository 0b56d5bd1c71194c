// process.exitCode set, then an uncaught error: the error wins with 1.
// parity: uncaught
process.exitCode = 42;
process.on('exit', (code) => console.log('exit code seen', code, process.exitCode));
setTimeout(() => {
  null.property;
}, 1);
