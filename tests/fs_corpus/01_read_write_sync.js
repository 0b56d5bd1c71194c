// readFileSync / writeFileSync: encodings, Buffers, typed arrays, flags, errors.
const fs = require('fs');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.code, e.errno, e.syscall, JSON.stringify(e.path), JSON.stringify(e.message));
  }
};

fs.writeFileSync('a.txt', 'hello world');
show('utf8', () => fs.readFileSync('a.txt', 'utf8'));
show('buffer', () => fs.readFileSync('a.txt'));
show('options', () => fs.readFileSync('a.txt', { encoding: 'hex' }));
show('base64', () => fs.readFileSync('a.txt', 'base64'));
fs.writeFileSync('b.bin', Buffer.from([0, 1, 2, 255]));
show('bin', () => fs.readFileSync('b.bin'));
fs.writeFileSync('c.txt', new Uint8Array([104, 105]));
show('u8', () => fs.readFileSync('c.txt', 'latin1'));
fs.writeFileSync('d.txt', 'café ☕', 'utf8');
show('unicode', () => fs.readFileSync('d.txt', 'utf8'));
show('unicode-len', () => fs.readFileSync('d.txt').length);
fs.writeFileSync('e.txt', '68656c6c6f', 'hex');
show('hex-write', () => fs.readFileSync('e.txt', 'utf8'));
fs.writeFileSync('a.txt', 'replaced');
show('replaced', () => fs.readFileSync('a.txt', 'utf8'));
fs.writeFileSync('a.txt', '+more', { flag: 'a' });
show('flag-a', () => fs.readFileSync('a.txt', 'utf8'));
show('wx-exists', () => fs.writeFileSync('a.txt', 'x', { flag: 'wx' }));
show('wx-new', () => fs.writeFileSync('new.txt', 'x', { flag: 'wx' }));
show('missing', () => fs.readFileSync('missing.txt'));
show('missing-dir', () => fs.readFileSync('nodir/missing.txt', 'utf8'));
fs.mkdirSync('dir');
show('read-dir', () => fs.readFileSync('dir'));
show('write-dir', () => fs.writeFileSync('dir', 'x'));
show('write-missing-parent', () => fs.writeFileSync('nodir/x.txt', 'x'));
show('through-file', () => fs.readFileSync('a.txt/x'));
show('empty', () => { fs.writeFileSync('empty.txt', ''); return fs.readFileSync('empty.txt', 'utf8').length; });
show('bad-flag', () => fs.readFileSync('a.txt', { flag: 'z' }));
show('bad-encoding', () => fs.readFileSync('a.txt', 'nope'));
show('bad-data', () => fs.writeFileSync('x.txt', 42));
show('rplus', () => { fs.writeFileSync('a.txt', 'AB', { flag: 'r+' }); return fs.readFileSync('a.txt', 'utf8'); });
show('mode', () => { fs.writeFileSync('m.txt', 'x', { mode: 0o600 }); return (fs.statSync('m.txt').mode & 0o777).toString(8); });
