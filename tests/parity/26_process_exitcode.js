// process.exitCode decides the exit status; it can be changed until the end.
console.log(process.exitCode);
process.exitCode = 3;
console.log(process.exitCode);
setTimeout(() => {
  process.exitCode = 9;
  console.log('timer set', process.exitCode);
}, 1);
process.on('exit', (code) => console.log('exit event with', code, process.exitCode));
