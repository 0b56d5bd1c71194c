// stat/lstat/fstat: the deterministic fields, type checks, bigint, throwIfNoEntry.
const fs = require('fs');
fs.writeFileSync('f.txt', '12345');
fs.mkdirSync('d/sub', { recursive: true });
fs.symlinkSync('f.txt', 'l');
fs.symlinkSync('missing', 'dangling');
const describe = (s) => ({
  ctor: s.constructor.name,
  file: s.isFile(),
  dir: s.isDirectory(),
  link: s.isSymbolicLink(),
  fifo: s.isFIFO(),
  sock: s.isSocket(),
  blk: s.isBlockDevice(),
  chr: s.isCharacterDevice(),
  size: s.size,
  perm: (Number(s.mode) & 0o777).toString(8),
  type: (Number(s.mode) & 0o170000).toString(8),
  nlink: s.nlink,
  types: ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'].map((k) => typeof s[k]).join(','),
});
console.log('file', describe(fs.statSync('f.txt')));
console.log('dir', describe(fs.statSync('d')));
console.log('link-stat', describe(fs.statSync('l')));
console.log('link-lstat', describe(fs.lstatSync('l')));
console.log('dangling-lstat', describe(fs.lstatSync('dangling')));
const big = fs.statSync('f.txt', { bigint: true });
console.log('bigint', describe(big), typeof big.atimeNs, big.mtimeNs / 1000000n === big.mtimeMs);
console.log('keys', Object.keys(fs.statSync('f.txt')));
console.log('bigkeys', Object.keys(big));
console.log('instance', fs.statSync('f.txt') instanceof fs.Stats);
const fd = fs.openSync('f.txt');
console.log('fstat', describe(fs.fstatSync(fd)), describe(fs.fstatSync(fd, { bigint: true })).ctor);
fs.closeSync(fd);
for (const [label, fn] of [
  ['stat-missing', () => fs.statSync('missing')],
  ['lstat-missing', () => fs.lstatSync('missing')],
  ['stat-dangling', () => fs.statSync('dangling')],
  ['stat-notdir', () => fs.statSync('f.txt/x')],
  ['no-entry', () => fs.statSync('missing', { throwIfNoEntry: false })],
  ['no-entry-notdir', () => fs.lstatSync('f.txt/x', { throwIfNoEntry: false })],
  ['fstat-bad', () => fs.fstatSync(99999)],
]) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.code, e.syscall, e.path, e.message);
  }
}
fs.stat('f.txt', (err, s) => {
  console.log('cb', err, s.size, s.isFile());
  fs.lstat('l', { bigint: true }, (err, s) => {
    console.log('cb-lstat', err, s.isSymbolicLink(), typeof s.size);
    fs.stat('missing', (err) => {
      console.log('cb-missing', err.code, err.message);
      fs.promises.stat('d').then((s) => console.log('promise', s.isDirectory(), s.nlink));
    });
  });
});
