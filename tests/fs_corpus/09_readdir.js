// readdirSync / readdir: names, Dirents, encodings, errors.
const fs = require('fs');
fs.mkdirSync('top/sub', { recursive: true });
fs.writeFileSync('top/b.txt', 'b');
fs.writeFileSync('top/a.txt', 'a');
fs.symlinkSync('a.txt', 'top/link');
console.log(fs.readdirSync('top').sort());
const dirents = fs.readdirSync('top', { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1));
for (const d of dirents) {
  console.log(d.name, d.parentPath, d.path, d.isFile(), d.isDirectory(), d.isSymbolicLink(), d.isFIFO(), d.isSocket(), d.isBlockDevice(), d.isCharacterDevice());
}
console.log(dirents[0] instanceof fs.Dirent, dirents[0].constructor.name);
console.log(fs.readdirSync('top', 'buffer').map((b) => Buffer.isBuffer(b)).every(Boolean));
console.log(fs.readdirSync('top', { encoding: 'hex' }).sort());
console.log(fs.readdirSync(Buffer.from('top')).sort());
console.log(fs.readdirSync('./top/../top/').sort());
console.log(fs.readdirSync('top/sub'));
for (const bad of ['missing', 'top/a.txt', 'top/link']) {
  try {
    fs.readdirSync(bad);
  } catch (e) {
    console.log(bad, e.code, e.syscall, e.path, e.message);
  }
}
fs.readdir('top', (err, names) => {
  console.log('cb', err, names.sort());
  fs.readdir('top', { withFileTypes: true }, (err, ents) => {
    console.log('cb-types', err, ents.map((e) => `${e.name}:${e.isDirectory()}`).sort());
    fs.readdir('missing', (err) => {
      console.log('cb-missing', err.code, err.message);
      fs.promises.readdir('top').then((n) => console.log('promise', n.sort()));
    });
  });
});
