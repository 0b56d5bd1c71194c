// readv / writev in sync, callback and FileHandle forms.
const fs = require('fs');
const fd = fs.openSync('v.txt', 'w+');
console.log('writev', fs.writevSync(fd, [Buffer.from('abc'), Buffer.from('defg'), new Uint8Array([104])]));
console.log('writev-pos', fs.writevSync(fd, [Buffer.from('XY')], 1));
console.log('writev-empty', fs.writevSync(fd, []));
const parts = [Buffer.alloc(2), Buffer.alloc(3), Buffer.alloc(10)];
console.log('readv', fs.readvSync(fd, parts, 0), parts.map((p) => p.toString('latin1').replace(/\0/g, '.')));
try {
  fs.writevSync(fd, 'nope');
} catch (e) {
  console.log('bad-buffers', e.code, e.message);
}
try {
  fs.readvSync(fd, [Buffer.alloc(1), 'x']);
} catch (e) {
  console.log('bad-element', e.code, e.message);
}
fs.writev(fd, [Buffer.from('12'), Buffer.from('34')], 0, (err, written, bufs) => {
  console.log('cb-writev', err, written, bufs.length);
  const two = [Buffer.alloc(3), Buffer.alloc(3)];
  fs.readv(fd, two, 0, (err, n, bufs2) => {
    console.log('cb-readv', err, n, bufs2.map(String));
    fs.closeSync(fd);
    fs.readv(fd, [Buffer.alloc(1)], (err) => {
      console.log('cb-closed', err.code, err.syscall);
    });
  });
});
