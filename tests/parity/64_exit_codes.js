// process.exit with a string code, and exitCode validation errors.
try {
  process.exitCode = 'abc';
} catch (err) {
  console.log(err.name, err.code);
}
try {
  process.exitCode = 1.5;
} catch (err) {
  console.log(err.name, err.code);
}
console.log(process.exitCode);
process.exitCode = '3';
console.log(process.exitCode, typeof process.exitCode);
process.on('exit', (code) => console.log('exit', code));
process.exit('5');
