// A bigint position is not a position for writes (Node writes at the current one), unlike reads.
const fs = require('fs');
fs.writeFileSync('f.txt', 'abcdef');
const fd = fs.openSync('f.txt', 'r+');
fs.readSync(fd, Buffer.alloc(2), 0, 2, null);
console.log(fs.writeSync(fd, Buffer.from('X'), 0, 1, 0n), fs.readFileSync('f.txt', 'utf8'));
console.log(fs.writeSync(fd, 'Y', 0n), fs.readFileSync('f.txt', 'utf8'));
console.log(fs.writevSync(fd, [Buffer.from('Z')], 0n), fs.readFileSync('f.txt', 'utf8'));
fs.write(fd, Buffer.from('W'), 0, 1, 0n, (err, n) => {
  console.log(err, n, fs.readFileSync('f.txt', 'utf8'));
  const buf = Buffer.alloc(3);
  console.log(fs.readSync(fd, buf, 0, 3, 1n), buf.toString());
  fs.closeSync(fd);
});
