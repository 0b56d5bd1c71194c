// readFile / writeFile on descriptors: they start at the descriptor's position and move it.
const fs = require('fs');
fs.writeFileSync('f.txt', 'header\nbody\n');
const fd = fs.openSync('f.txt', 'r+');
const head = Buffer.alloc(7);
fs.readSync(fd, head, 0, 7, null);
console.log(JSON.stringify(head.toString()), JSON.stringify(fs.readFileSync(fd, 'utf8')));
console.log(JSON.stringify(fs.readFileSync(fd, 'utf8')));
fs.writeFileSync(fd, 'more\n');
fs.appendFileSync(fd, 'end\n');
console.log(JSON.stringify(fs.readFileSync('f.txt', 'utf8')));
fs.readFile(fd, 'utf8', (err, text) => {
  console.log('cb', err, JSON.stringify(text));
  fs.writeFile(fd, 'x', (err) => {
    console.log('cb-write', err, JSON.stringify(fs.readFileSync('f.txt', 'utf8')));
    fs.closeSync(fd);
    fs.readFile(fd, (err) => {
      console.log('closed', err.code, err.syscall);
      try {
        fs.readFileSync(fd);
      } catch (e) {
        console.log('closed-sync', e.code, e.syscall, e.message);
      }
    });
  });
});
