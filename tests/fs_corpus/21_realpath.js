// realpath (JavaScript and native), with symlinks, relative paths and errors.
const fs = require('fs');
fs.mkdirSync('real/inner', { recursive: true });
fs.writeFileSync('real/inner/file.txt', 'x');
fs.symlinkSync('real', 'alias');
fs.symlinkSync('inner/file.txt', 'real/flink');
fs.symlinkSync('nowhere', 'dangling');
fs.symlinkSync('loop2', 'loop1');
fs.symlinkSync('loop1', 'loop2');
const cwd = process.cwd();
const rel = (p) => (typeof p === 'string' && p.startsWith(cwd) ? `<cwd>${p.slice(cwd.length)}` : p);
const show = (label, fn) => {
  try {
    console.log(label, rel(fn()));
  } catch (e) {
    console.log(label, 'ERR', e.code, e.syscall, rel(e.path), e.message.replace(cwd, '<cwd>'));
  }
};
show('plain', () => fs.realpathSync('real/inner'));
show('through-link', () => fs.realpathSync('alias/inner/file.txt'));
show('file-link', () => fs.realpathSync('alias/flink'));
show('dot', () => fs.realpathSync('.'));
show('dotdot', () => fs.realpathSync('real/inner/..'));
show('native', () => fs.realpathSync.native('alias/flink'));
show('buffer-enc', () => Buffer.isBuffer(fs.realpathSync('alias', 'buffer')));
show('missing', () => fs.realpathSync('missing/x'));
show('native-missing', () => fs.realpathSync.native('missing/x'));
show('dangling', () => fs.realpathSync.native('dangling'));
show('loop', () => fs.realpathSync.native('loop1'));
show('notdir', () => fs.realpathSync.native('real/inner/file.txt/x'));
fs.realpath('alias/flink', (err, p) => {
  console.log('cb', err, rel(p));
  fs.realpath.native('alias', (err, p2) => {
    console.log('cb-native', err, rel(p2));
    fs.realpath('missing', (err) => {
      console.log('cb-missing', err.code, err.syscall);
      fs.promises.realpath('alias/flink').then((p3) => {
        console.log('promise', rel(p3));
        return fs.promises.realpath('nope');
      }).catch((e) => console.log('promise-missing', e.code, e.syscall, e.path));
    });
  });
});
