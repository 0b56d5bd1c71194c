// appendFile in every form, on paths and on descriptors, with encodings and modes.
const fs = require('fs');
fs.appendFileSync('log.txt', 'one\n');
fs.appendFileSync('log.txt', Buffer.from('two\n'));
fs.appendFileSync('log.txt', '74687265650a', 'hex');
const fd = fs.openSync('log.txt', 'r+');
fs.appendFileSync(fd, 'four\n');
fs.closeSync(fd);
console.log(JSON.stringify(fs.readFileSync('log.txt', 'utf8')));
fs.appendFileSync('new.txt', 'x', { mode: 0o600 });
console.log((fs.statSync('new.txt').mode & 0o777).toString(8));
try {
  fs.appendFileSync('nodir/x', 'y');
} catch (e) {
  console.log(e.code, e.syscall, e.message);
}
fs.appendFile('log.txt', 'five\n', (err) => {
  console.log('cb', err);
  fs.promises.appendFile('log.txt', 'six\n').then(async () => {
    const h = await fs.promises.open('log.txt', 'a');
    await h.appendFile('seven\n');
    await h.close();
    console.log(fs.readFileSync('log.txt', 'utf8').split('\n').length);
  });
});
