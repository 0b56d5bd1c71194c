// mkdtemp: six random characters after the prefix, a directory with mode 0700.
const fs = require('fs');
const check = (p, prefix) => [p.startsWith(prefix), p.length - prefix.length, /^[A-Za-z0-9]{6}$/.test(p.slice(prefix.length)), fs.statSync(p).isDirectory(), (fs.statSync(p).mode & 0o777).toString(8)];
const a = fs.mkdtempSync('tmp-');
console.log('relative', check(a, 'tmp-'));
fs.mkdirSync('base');
const b = fs.mkdtempSync('base/');
console.log('in-dir', check(b, 'base/'));
const c = fs.mkdtempSync(`${process.cwd()}/abs-`);
console.log('absolute', check(c, `${process.cwd()}/abs-`));
console.log('distinct', new Set([fs.mkdtempSync('x-'), fs.mkdtempSync('x-'), fs.mkdtempSync('x-')]).size);
console.log('buffer', Buffer.isBuffer(fs.mkdtempSync('buf-', 'buffer')));
for (const [label, fn] of [
  ['missing-parent', () => fs.mkdtempSync('nodir/t-')],
  ['bad-prefix', () => fs.mkdtempSync(null)],
]) {
  try {
    fn();
  } catch (e) {
    console.log(label, e.code, e.syscall, e.path, e.message);
  }
}
fs.mkdtemp('cb-', (err, dir) => {
  console.log('cb', err, check(dir, 'cb-'));
  fs.mkdtemp('nodir/cb-', (err) => {
    // The asynchronous error names the template as libuv filled it in.
    const hide = (t) => t.replace(/cb-[A-Za-z0-9]{6}/, 'cb-??????');
    console.log('cb-missing', err.code, hide(err.path), hide(err.message));
    fs.promises.mkdtemp('p-').then((dir2) => console.log('promise', check(dir2, 'p-')));
  });
});
