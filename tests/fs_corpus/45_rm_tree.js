// rm -rf of a tree with files, empty directories, symlinks (not followed) and hard links.
const fs = require('fs');
fs.mkdirSync('keep');
fs.writeFileSync('keep/precious.txt', 'do not delete');
for (let i = 0; i < 5; i++) {
  fs.mkdirSync(`tree/level${i}/empty`, { recursive: true });
  for (let j = 0; j < 4; j++) fs.writeFileSync(`tree/level${i}/f${j}.txt`, `${i}${j}`);
}
fs.mkdirSync('tree/a/b/c/d/e/f', { recursive: true });
fs.writeFileSync('tree/a/b/c/d/e/f/deep.txt', 'deep');
fs.symlinkSync('../keep', 'tree/link-to-keep');
fs.symlinkSync('../keep/precious.txt', 'tree/link-to-file');
fs.linkSync('keep/precious.txt', 'tree/hardlink.txt');
console.log('entries', fs.readdirSync('tree', { recursive: true }).length);
fs.rmSync('tree', { recursive: true, force: true });
console.log('gone', fs.existsSync('tree'));
console.log('kept', fs.readFileSync('keep/precious.txt', 'utf8'), fs.statSync('keep/precious.txt').nlink);
fs.rmSync('tree', { recursive: true, force: true });
console.log('again-ok');
fs.mkdirSync('t2/x', { recursive: true });
fs.writeFileSync('t2/x/y', '');
fs.rm('t2', { recursive: true }, (err) => {
  console.log('cb', err, fs.existsSync('t2'));
  fs.symlinkSync('keep', 'dirlink');
  fs.rmSync('dirlink');
  console.log('symlink-to-dir-removed', fs.existsSync('dirlink'), fs.existsSync('keep'));
  fs.mkdirSync('t3/y', { recursive: true });
  fs.promises.rm('t3', { recursive: true }).then(() => console.log('promise', fs.existsSync('t3')));
});
