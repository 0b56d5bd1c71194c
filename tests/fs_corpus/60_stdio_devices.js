// Opening /dev/stdout, /dev/stderr, /dev/stdin (and /dev/fd/N, /proc/self/fd/N): new descriptors on the stdio pipes.
const fs = require('fs');
function attempt(label, fn) {
  try { console.log(label, 'ok', fn()); } catch (err) { console.log(label, err.name, err.code, err.syscall, err.message); }
}
const fd = fs.openSync('/dev/stdout', 'w');
console.log('fd > 2', fd > 2);
console.log('written', fs.writeSync(fd, 'through /dev/stdout fd\n'));
attempt('positioned', () => fs.writeSync(fd, 'x', 0));
attempt('fstat', () => fs.fstatSync(fd).isFIFO());
attempt('fsync', () => fs.fsyncSync(fd));
attempt('read', () => fs.readSync(fd, Buffer.alloc(2)));
fs.closeSync(fd);
attempt('after close', () => fs.writeSync(fd, 'x'));
const efd = fs.openSync('/dev/stderr', 'a');
fs.writeFileSync(efd, 'writeFileSync on a /dev/stderr fd\n');
fs.closeSync(efd);
const ifd = fs.openSync('/dev/stdin', 'r');
console.log('stdin fd read', JSON.stringify(fs.readFileSync(ifd, 'utf8')));
fs.closeSync(ifd);
attempt('stat', () => fs.statSync('/dev/stdout').isFIFO());
attempt('exists', () => fs.existsSync('/dev/stderr'));
attempt('access', () => fs.accessSync('/dev/stdout', fs.constants.W_OK));
attempt('excl', () => fs.openSync('/dev/stdout', 'wx'));
attempt('fd path', () => { const f = fs.openSync('/dev/fd/1', 'w'); fs.writeSync(f, 'via /dev/fd/1\n'); fs.closeSync(f); return 'closed'; });
attempt('proc path', () => { const f = fs.openSync('/proc/self/fd/2', 'w'); fs.writeSync(f, 'via /proc/self/fd/2\n'); fs.closeSync(f); return 'closed'; });
fs.open('/dev/stdout', 'w', (err, f) => {
  fs.write(f, 'async open\n', (err2, n) => {
    console.log('async', err, err2, n);
    fs.close(f, (err3) => {
      console.log('closed', err3);
      fs.promises.open('/dev/stdout', 'w').then(async (handle) => {
        await handle.write('filehandle write\n');
        console.log('handle stat', (await handle.stat()).isFIFO());
        await handle.close();
        const ws = fs.createWriteStream('/dev/stdout');
        ws.write('write stream\n');
        ws.end('end\n', () => console.log('stream finished'));
      });
    });
  });
});
