// chmod / fchmod / chown / fchown / lchown; lchmod is absent on Linux.
const fs = require('fs');
const perm = (p) => (fs.statSync(p).mode & 0o777).toString(8);
fs.writeFileSync('f.txt', 'x');
fs.chmodSync('f.txt', 0o600);
console.log(perm('f.txt'));
fs.chmodSync('f.txt', '755');
console.log(perm('f.txt'));
fs.chmodSync('f.txt', 0o4755);
console.log((fs.statSync('f.txt').mode & 0o7777).toString(8));
const fd = fs.openSync('f.txt', 'r');
fs.fchmodSync(fd, 0o640);
console.log(perm('f.txt'));
fs.fchownSync(fd, process.getuid(), process.getgid());
fs.closeSync(fd);
fs.chownSync('f.txt', process.getuid(), process.getgid());
fs.symlinkSync('f.txt', 'l');
fs.lchownSync('l', process.getuid(), process.getgid());
console.log(typeof fs.lchmod, typeof fs.lchmodSync, 'lchmod' in fs);
for (const [label, fn] of [
  ['chmod-missing', () => fs.chmodSync('missing', 0o644)],
  ['chmod-bad-mode', () => fs.chmodSync('f.txt', 'abc')],
  ['chmod-neg', () => fs.chmodSync('f.txt', -1)],
  ['chown-missing', () => fs.chownSync('missing', 0, 0)],
  ['chown-bad-uid', () => fs.chownSync('f.txt', -2, 0)],
  ['lchown-missing', () => fs.lchownSync('missing', 0, 0)],
  ['fchmod-bad-fd', () => fs.fchmodSync(9999, 0o644)],
  ['fchown-bad-fd', () => fs.fchownSync(9999, 0, 0)],
]) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.code, e.syscall, e.path, e.message);
  }
}
fs.chmod('f.txt', 0o444, (err) => {
  console.log('cb', err, perm('f.txt'));
  fs.chown('missing', 0, 0, (err) => {
    console.log('cb-chown', err.code, err.message);
    fs.promises.chmod('f.txt', 0o644).then(() => {
      console.log('promise', perm('f.txt'));
      return fs.promises.lchmod('f.txt', 0o644);
    }).catch((e) => console.log('lchmod', e.code, e.message));
  });
});
