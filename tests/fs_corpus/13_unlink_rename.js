// unlink and rename: files, directories, replacement rules and errors.
const fs = require('fs');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.code, e.syscall, JSON.stringify(e.path), JSON.stringify(e.dest), e.message);
  }
};
fs.writeFileSync('a.txt', 'A');
fs.writeFileSync('b.txt', 'B');
fs.mkdirSync('d1/inner', { recursive: true });
fs.mkdirSync('d2');
fs.mkdirSync('d3');
fs.writeFileSync('d3/x', '');
show('rename-file', () => { fs.renameSync('a.txt', 'c.txt'); return fs.readFileSync('c.txt', 'utf8'); });
show('rename-replace', () => { fs.renameSync('c.txt', 'b.txt'); return [fs.readFileSync('b.txt', 'utf8'), fs.existsSync('c.txt')]; });
show('rename-missing', () => fs.renameSync('missing', 'z'));
show('rename-into-missing', () => fs.renameSync('b.txt', 'nodir/b.txt'));
show('rename-dir', () => { fs.renameSync('d1', 'd4'); return fs.readdirSync('d4'); });
show('rename-dir-over-empty', () => { fs.renameSync('d4', 'd2'); return fs.readdirSync('d2'); });
show('rename-dir-over-full', () => fs.renameSync('d2', 'd3'));
show('rename-file-over-dir', () => fs.renameSync('b.txt', 'd3'));
show('rename-dir-over-file', () => fs.renameSync('d3', 'b.txt'));
show('rename-into-self', () => fs.renameSync('d2', 'd2/inner/deeper'));
show('rename-same', () => fs.renameSync('b.txt', 'b.txt'));
show('unlink', () => { fs.unlinkSync('b.txt'); return fs.existsSync('b.txt'); });
show('unlink-missing', () => fs.unlinkSync('b.txt'));
show('unlink-dir', () => fs.unlinkSync('d2'));
fs.rename('d3', 'd5', (err) => {
  console.log('cb-rename', err, fs.readdirSync('d5'));
  fs.rename('nope', 'd6', (err) => {
    console.log('cb-rename-missing', err.code, err.path, err.dest, err.message);
    fs.unlink('nope', (err) => {
      console.log('cb-unlink', err.code, err.message);
      fs.promises.rename('d5', 'd7').then(() => fs.promises.unlink('d7/x')).then(() => {
        console.log('promises', fs.readdirSync('d7'));
        return fs.promises.unlink('d7');
      }).catch((e) => console.log('promise-unlink-dir', e.code, e.syscall, e.message));
    });
  });
});
