// utimes / futimes / lutimes: the times set are the times read back.
const fs = require('fs');
fs.writeFileSync('u.txt', 'x');
fs.symlinkSync('u.txt', 'ul');
const times = (p, l) => { const s = l ? fs.lstatSync(p) : fs.statSync(p); return [s.atimeMs, s.mtimeMs, s.atime.toISOString(), s.mtime.toISOString()]; };
fs.utimesSync('u.txt', 1000, 2000);
console.log('utimes', times('u.txt'));
fs.utimesSync('u.txt', new Date(Date.UTC(2001, 1, 3, 4, 5, 6, 789)), new Date(Date.UTC(2002, 0, 1)));
console.log('dates', times('u.txt'));
fs.utimesSync('u.txt', '86400', 86400.123);
console.log('strings', times('u.txt'));
const fd = fs.openSync('u.txt', 'r+');
fs.futimesSync(fd, 3000, 4000);
console.log('futimes', times('u.txt'));
fs.closeSync(fd);
fs.lutimesSync('ul', 5000, 6000);
console.log('lutimes-link', times('ul', true));
console.log('lutimes-target', times('u.txt'));
for (const [label, fn] of [
  ['bad-time', () => fs.utimesSync('u.txt', {}, 0)],
  ['bad-atime', () => fs.futimesSync(0, 'x', 0)],
  ['missing', () => fs.utimesSync('missing', 0, 0)],
  ['lutimes-missing', () => fs.lutimesSync('missing', 0, 0)],
  ['futimes-badfd', () => fs.futimesSync(9999, 0, 0)],
]) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.code, e.syscall, e.path, e.message);
  }
}
fs.utimes('u.txt', 7000, 8000, (err) => {
  console.log('cb', err, times('u.txt'));
  fs.promises.utimes('u.txt', 9000, 10000).then(() => {
    console.log('promise', times('u.txt'));
    return fs.promises.lutimes('ul', 1, 2);
  }).then(() => console.log('promise-lutimes', times('ul', true)));
});
