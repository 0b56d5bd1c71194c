// Recursive readdir in all three forms, with and without file types.
const fs = require('fs');
fs.mkdirSync('r/a/b/c', { recursive: true });
fs.mkdirSync('r/x');
fs.writeFileSync('r/top.txt', '1');
fs.writeFileSync('r/a/one.txt', '1');
fs.writeFileSync('r/a/b/two.txt', '2');
fs.writeFileSync('r/a/b/c/three.txt', '3');
fs.symlinkSync('a/b', 'r/linkdir');
fs.symlinkSync('top.txt', 'r/linkfile');
const key = (d) => `${d.parentPath}|${d.name}|${d.isDirectory() ? 'd' : d.isSymbolicLink() ? 'l' : 'f'}`;
console.log(fs.readdirSync('r', { recursive: true }).sort());
console.log(fs.readdirSync('r', { recursive: true, withFileTypes: true }).map(key).sort());
console.log(fs.readdirSync('r/a', { recursive: true }).sort());
fs.readdir('r', { recursive: true }, (err, list) => {
  console.log('cb', err, list.sort());
  fs.readdir('r', { recursive: true, withFileTypes: true }, (err, ents) => {
    console.log('cb-types', err, ents.map(key).sort());
    fs.promises.readdir('r', { recursive: true }).then((l) => {
      console.log('promise', l.sort());
      return fs.promises.readdir('r', { recursive: true, withFileTypes: true });
    }).then((ents) => {
      console.log('promise-types', ents.map(key).sort());
      try {
        fs.readdirSync('r', { recursive: 'yes' });
      } catch (e) {
        console.log('bad-option', e.code, e.message);
      }
      fs.readdir('missing', { recursive: true }, (err) => console.log('missing', err.code, err.syscall, err.path));
    });
  });
});
