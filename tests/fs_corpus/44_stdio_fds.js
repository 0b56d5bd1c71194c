// Descriptors 0, 1 and 2: writeSync to stdout and stderr, reading empty stdin.
const fs = require('fs');
console.log('before');
console.log('fstat', fs.fstatSync(0).isFIFO(), fs.fstatSync(1).isFIFO(), fs.fstatSync(2, { bigint: true }).isFIFO());
console.log(fs.writeSync(1, 'to stdout via fd 1\n'));
console.log(fs.writeSync(2, Buffer.from('to stderr via fd 2\n')));
fs.writeSync(process.stdout.fd, 'process.stdout.fd\n');
fs.write(1, 'async write to 1\n', (err, n) => {
  console.log('cb', err, n);
  console.log('stdin', JSON.stringify(fs.readFileSync(0, 'utf8')));
  console.log('stdin-path', JSON.stringify(fs.readFileSync('/dev/stdin', 'utf8')));
});
