// fsync / fdatasync: success on an open descriptor, EBADF otherwise.
const fs = require('fs');
const fd = fs.openSync('s.txt', 'w');
fs.writeSync(fd, 'data');
console.log(fs.fsyncSync(fd), fs.fdatasyncSync(fd));
fs.closeSync(fd);
for (const [label, fn] of [['fsync', () => fs.fsyncSync(fd)], ['fdatasync', () => fs.fdatasyncSync(fd)], ['bad-fd', () => fs.fsyncSync('x')]]) {
  try {
    fn();
  } catch (e) {
    console.log(label, e.code, e.syscall, e.message);
  }
}
const fd2 = fs.openSync('s.txt', 'r');
fs.fsync(fd2, (err) => {
  console.log('cb-fsync', err);
  fs.fdatasync(fd2, (err) => {
    console.log('cb-fdatasync', err);
    fs.closeSync(fd2);
    fs.fdatasync(fd2, (err) => console.log('cb-closed', err.code, err.syscall, err.message));
  });
});
