// copyFile in all forms; COPYFILE_EXCL; errors name both paths.
const fs = require('fs');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.code, e.syscall, e.path, e.dest, e.message);
  }
};
fs.writeFileSync('src.txt', 'source data');
fs.chmodSync('src.txt', 0o640);
show('copy', () => { fs.copyFileSync('src.txt', 'dst.txt'); return fs.readFileSync('dst.txt', 'utf8'); });
show('mode-kept', () => (fs.statSync('dst.txt').mode & 0o777).toString(8));
show('overwrite', () => { fs.writeFileSync('src.txt', 'v2'); fs.copyFileSync('src.txt', 'dst.txt'); return fs.readFileSync('dst.txt', 'utf8'); });
show('excl', () => fs.copyFileSync('src.txt', 'dst.txt', fs.constants.COPYFILE_EXCL));
show('missing', () => fs.copyFileSync('missing', 'x'));
show('into-missing-dir', () => fs.copyFileSync('src.txt', 'nodir/x'));
fs.mkdirSync('dir');
show('from-dir', () => fs.copyFileSync('dir', 'x'));
show('onto-dir', () => fs.copyFileSync('src.txt', 'dir'));
show('bad-mode', () => fs.copyFileSync('src.txt', 'y', 8));
show('bad-mode-type', () => fs.copyFileSync('src.txt', 'y', 'excl'));
fs.copyFile('src.txt', 'cb.txt', (err) => {
  console.log('cb', err, fs.readFileSync('cb.txt', 'utf8'));
  fs.copyFile('src.txt', 'cb.txt', fs.constants.COPYFILE_EXCL, (err) => {
    console.log('cb-excl', err.code, err.message);
    fs.promises.copyFile('src.txt', 'p.txt').then(() => {
      console.log('promise', fs.readFileSync('p.txt', 'utf8'));
      return fs.promises.copyFile('nope', 'p.txt');
    }).catch((e) => console.log('promise-missing', e.code, e.message));
  });
});
