// rmdir and rm: empty/non-empty directories, recursive and force, errors.
const fs = require('fs');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.name, e.code, e.syscall, JSON.stringify(e.path), e.message, e.info ? JSON.stringify(e.info) : '');
  }
};
fs.mkdirSync('full/inner', { recursive: true });
fs.writeFileSync('full/inner/f.txt', 'x');
fs.mkdirSync('empty');
fs.writeFileSync('file.txt', 'x');
show('rmdir-empty', () => fs.rmdirSync('empty'));
show('rmdir-gone', () => fs.rmdirSync('empty'));
show('rmdir-full', () => fs.rmdirSync('full'));
show('rmdir-file', () => fs.rmdirSync('file.txt'));
show('rm-dir-norecursive', () => fs.rmSync('full'));
show('rm-missing', () => fs.rmSync('missing'));
show('rm-missing-force', () => fs.rmSync('missing', { force: true }));
show('rm-through-file', () => fs.rmSync('file.txt/x'));
show('rm-file', () => fs.rmSync('file.txt'));
show('rm-recursive', () => fs.rmSync('full', { recursive: true }));
show('gone', () => fs.existsSync('full'));
show('rm-bad-option', () => fs.rmSync('x', { force: 'yes' }));
show('rm-bad-retries', () => fs.rmSync('x', { maxRetries: -1 }));
fs.mkdirSync('cbdir/sub', { recursive: true });
fs.rm('cbdir', (err) => {
  console.log('cb-norecursive', err.name, err.code, err.message, err.errno, err.syscall, err.path);
  fs.rm('cbdir', { recursive: true }, (err) => {
    console.log('cb-recursive', err, fs.existsSync('cbdir'));
    fs.rm('missing', (err) => {
      console.log('cb-missing', err.code, err.syscall, err.message);
      fs.rmdir('missing', (err) => {
        console.log('cb-rmdir-missing', err.code, err.syscall, err.message);
        fs.promises.rm('missing', { force: true }).then((v) => {
          console.log('promise-force', v);
          return fs.promises.rm('missing');
        }).catch((e) => {
          console.log('promise-missing', e.code, e.message);
          fs.mkdirSync('pdir');
          return fs.promises.rm('pdir');
        }).catch((e) => {
          console.log('promise-dir', e.code, e.message);
          return fs.promises.rmdir('pdir');
        }).then(() => console.log('promise-rmdir', fs.existsSync('pdir')));
      });
    });
  });
});
