// truncate / ftruncate: shrink, extend with zeros, negative lengths, errors.
const fs = require('fs');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.code, e.syscall, JSON.stringify(e.path), e.message);
  }
};
fs.writeFileSync('t.txt', '0123456789');
show('shrink', () => { fs.truncateSync('t.txt', 4); return fs.readFileSync('t.txt', 'utf8'); });
show('extend', () => { fs.truncateSync('t.txt', 6); return JSON.stringify(fs.readFileSync('t.txt', 'latin1')); });
show('zero', () => { fs.truncateSync('t.txt'); return fs.statSync('t.txt').size; });
fs.writeFileSync('t.txt', 'abcdef');
show('negative', () => { fs.truncateSync('t.txt', -5); return fs.statSync('t.txt').size; });
fs.writeFileSync('t.txt', 'abcdef');
const fd = fs.openSync('t.txt', 'r+');
show('ftruncate', () => { fs.ftruncateSync(fd, 2); return fs.readFileSync('t.txt', 'utf8'); });
show('ftruncate-default', () => { fs.ftruncateSync(fd); return fs.statSync('t.txt').size; });
fs.closeSync(fd);
const ro = fs.openSync('t.txt', 'r');
show('ftruncate-readonly', () => fs.ftruncateSync(ro, 1));
fs.closeSync(ro);
show('missing', () => fs.truncateSync('missing', 1));
fs.mkdirSync('d');
show('dir', () => fs.truncateSync('d', 0));
show('bad-len', () => fs.truncateSync('t.txt', 'x'));
show('float-len', () => fs.ftruncateSync(0, 1.5));
fs.writeFileSync('c.txt', 'callback');
fs.truncate('c.txt', 4, (err) => {
  console.log('cb', err, fs.readFileSync('c.txt', 'utf8'));
  fs.truncate('missing', (err) => {
    console.log('cb-missing', err.code, err.syscall, err.message);
    fs.promises.truncate('c.txt', 2).then(() => {
      console.log('promise', fs.readFileSync('c.txt', 'utf8'));
      return fs.promises.truncate('missing');
    }).catch((e) => console.log('promise-missing', e.code, e.message));
  });
});
