// Hard links (shared content, nlink), symlinks, readlink, dangling links.
const fs = require('fs');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.code, e.syscall, JSON.stringify(e.path), JSON.stringify(e.dest), e.message);
  }
};
fs.writeFileSync('orig.txt', 'shared');
show('link', () => fs.linkSync('orig.txt', 'hard.txt'));
show('nlink', () => [fs.statSync('orig.txt').nlink, fs.statSync('hard.txt').nlink]);
fs.appendFileSync('hard.txt', '+more');
show('shared-content', () => fs.readFileSync('orig.txt', 'utf8'));
show('unlink-one', () => { fs.unlinkSync('orig.txt'); return [fs.readFileSync('hard.txt', 'utf8'), fs.statSync('hard.txt').nlink]; });
show('link-missing', () => fs.linkSync('missing', 'x'));
show('link-exists', () => fs.linkSync('hard.txt', 'hard.txt'));
fs.mkdirSync('dir');
show('link-dir', () => fs.linkSync('dir', 'dirlink'));
show('symlink', () => fs.symlinkSync('hard.txt', 'soft'));
show('readlink', () => fs.readlinkSync('soft'));
show('read-through', () => fs.readFileSync('soft', 'utf8'));
show('lstat', () => fs.lstatSync('soft').isSymbolicLink());
show('symlink-abs', () => { fs.symlinkSync(process.cwd() + '/dir', 'absdir'); return fs.readlinkSync('absdir') === process.cwd() + '/dir'; });
show('symlink-dir-type', () => { fs.symlinkSync('dir', 'dirsym', 'dir'); return fs.statSync('dirsym').isDirectory(); });
show('symlink-exists', () => fs.symlinkSync('whatever', 'soft'));
show('symlink-bad-type', () => fs.symlinkSync('a', 'b', 'bogus'));
show('dangling', () => { fs.symlinkSync('nothing-here', 'dangle'); return fs.readlinkSync('dangle'); });
show('dangling-stat', () => fs.statSync('dangle'));
show('dangling-exists', () => fs.existsSync('dangle'));
show('dangling-write', () => { fs.writeFileSync('dangle', 'created'); return fs.readFileSync('nothing-here', 'utf8'); });
show('readlink-file', () => fs.readlinkSync('hard.txt'));
show('readlink-missing', () => fs.readlinkSync('missing'));
show('readlink-buffer', () => fs.readlinkSync('soft', 'buffer'));
show('unlink-symlink', () => { fs.unlinkSync('soft'); return [fs.existsSync('soft'), fs.existsSync('hard.txt')]; });
show('rel-chain', () => { fs.mkdirSync('a/b', { recursive: true }); fs.symlinkSync('../hard.txt', 'a/up'); return fs.readFileSync('a/up', 'utf8'); });
fs.link('hard.txt', 'cb-hard', (err) => {
  console.log('cb-link', err, fs.statSync('hard.txt').nlink);
  fs.symlink('hard.txt', 'cb-soft', (err) => {
    console.log('cb-symlink', err);
    fs.readlink('cb-soft', (err, target) => {
      console.log('cb-readlink', err, target);
      fs.symlink('x', 'cb-soft', 'file', (err) => {
        console.log('cb-exists', err.code, err.path, err.dest, err.message);
        fs.promises.symlink('hard.txt', 'p-soft')
          .then(() => fs.promises.readlink('p-soft'))
          .then((t) => { console.log('promise', t); return fs.promises.link('p-soft', 'p-hard'); })
          .then(() => console.log('hard-of-symlink', fs.lstatSync('p-hard').isSymbolicLink()))
          .then(() => fs.promises.readlink('hard.txt'))
          .catch((e) => console.log('promise-readlink', e.code, e.message));
      });
    });
  });
});
