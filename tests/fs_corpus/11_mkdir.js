// mkdir: plain, recursive (return value), modes, errors in all forms.
const fs = require('fs');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.code, e.syscall, JSON.stringify(e.path), e.message);
  }
};
show('plain', () => fs.mkdirSync('a'));
show('exists', () => fs.mkdirSync('a'));
show('recursive-new', () => fs.mkdirSync('b/c/d', { recursive: true }));
show('recursive-partial', () => fs.mkdirSync('b/c/e/f', { recursive: true }));
show('recursive-existing', () => fs.mkdirSync('b/c', { recursive: true }));
show('recursive-dotted', () => fs.mkdirSync('./h/./i/', { recursive: true }));
show('recursive-dotdot', () => fs.mkdirSync('b/c/../n/o', { recursive: true }));
show('recursive-abs', () => fs.mkdirSync(process.cwd() + '/j/k', { recursive: true }) === process.cwd() + '/j');
show('missing-parent', () => fs.mkdirSync('x/y'));
fs.writeFileSync('file', '');
show('file-exists', () => fs.mkdirSync('file'));
show('file-exists-recursive', () => fs.mkdirSync('file', { recursive: true }));
show('through-file', () => fs.mkdirSync('file/sub', { recursive: true }));
show('mode', () => { fs.mkdirSync('m', 0o700); return (fs.statSync('m').mode & 0o777).toString(8); });
show('mode-string', () => { fs.mkdirSync('m2', { mode: '750' }); return (fs.statSync('m2').mode & 0o777).toString(8); });
show('bad-recursive', () => fs.mkdirSync('z', { recursive: 1 }));
show('bad-mode', () => fs.mkdirSync('z', { mode: 'rwx' }));
show('nlink', () => fs.statSync('b/c').nlink);
fs.mkdir('cb/one/two', { recursive: true }, (err, first) => {
  console.log('cb-recursive', err, first);
  fs.mkdir('cb', (err) => {
    console.log('cb-exists', err.code, err.message);
    fs.promises.mkdir('p/q', { recursive: true }).then((first) => {
      console.log('promise-recursive', first);
      return fs.promises.mkdir('p');
    }).catch((e) => console.log('promise-exists', e.code, e.message));
  });
});
