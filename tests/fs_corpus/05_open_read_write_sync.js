// openSync with flags, readSync/writeSync at positions, closeSync, bad descriptors.
const fs = require('fs');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.code, e.syscall, JSON.stringify(e.path), e.message);
  }
};
fs.writeFileSync('f.txt', '0123456789');
const fd = fs.openSync('f.txt', 'r');
console.log('fd-type', typeof fd, fd > 2);
const buf = Buffer.alloc(4);
show('read1', () => [fs.readSync(fd, buf, 0, 4, null), buf.toString()]);
show('read2', () => [fs.readSync(fd, buf, 0, 4, null), buf.toString()]);
show('pread', () => [fs.readSync(fd, buf, 0, 2, 8), buf.toString()]);
show('read3', () => [fs.readSync(fd, buf, 0, 4, null), buf.toString()]);
show('eof', () => fs.readSync(fd, buf, 0, 4, null));
show('options', () => { const b = Buffer.alloc(3); return [fs.readSync(fd, b, { position: 1 }), b.toString()]; });
show('offset', () => { const b = Buffer.alloc(6, '.'); return [fs.readSync(fd, b, 2, 3, 0), b.toString()]; });
show('write-ro', () => fs.writeSync(fd, 'x'));
fs.closeSync(fd);
show('read-closed', () => fs.readSync(fd, buf, 0, 1, 0));
show('close-closed', () => fs.closeSync(fd));

const w = fs.openSync('w.txt', 'w');
show('write-str', () => fs.writeSync(w, 'hello '));
show('write-buf', () => fs.writeSync(w, Buffer.from('world')));
show('write-pos', () => fs.writeSync(w, 'J', 0));
show('write-part', () => fs.writeSync(w, Buffer.from('abcdef'), 2, 3));
show('read-wo', () => fs.readSync(w, Buffer.alloc(1), 0, 1, 0));
fs.closeSync(w);
show('content', () => fs.readFileSync('w.txt', 'utf8'));

const rw = fs.openSync('w.txt', 'r+');
show('rw-write', () => fs.writeSync(rw, 'XY'));
show('rw-read', () => { const b = Buffer.alloc(3); fs.readSync(rw, b, 0, 3, null); return b.toString(); });
fs.closeSync(rw);
show('after-rw', () => fs.readFileSync('w.txt', 'utf8'));

show('open-missing', () => fs.openSync('missing.txt'));
show('open-wx', () => fs.openSync('w.txt', 'wx'));
show('open-dir-w', () => { fs.mkdirSync('d'); return fs.openSync('d', 'w'); });
show('open-dir-r', () => { const d = fs.openSync('d', 'r'); const st = fs.fstatSync(d); fs.closeSync(d); return st.isDirectory(); });
show('read-dir-fd', () => { const d = fs.openSync('d'); try { return fs.readSync(d, Buffer.alloc(1)); } finally { fs.closeSync(d); } });
show('numeric-flags', () => { const n = fs.openSync('n.txt', fs.constants.O_CREAT | fs.constants.O_WRONLY, 0o600); fs.writeSync(n, 'num'); fs.closeSync(n); return fs.readFileSync('n.txt', 'utf8'); });
show('excl-flags', () => fs.openSync('n.txt', fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY));
show('wplus', () => { const p = fs.openSync('w.txt', 'w+'); const n = fs.readSync(p, Buffer.alloc(5)); fs.closeSync(p); return n; });
show('fd-neg', () => fs.readSync(-1, buf));
show('fd-str', () => fs.closeSync('3'));
show('fd-big', () => fs.fstatSync(2 ** 31));
