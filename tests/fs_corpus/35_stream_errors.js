// Stream errors: a missing file, a directory, a bad fd, destroy() with an error.
const fs = require('fs');
const events = [];
const r = fs.createReadStream('missing.txt');
r.on('open', () => events.push('open'));
r.on('error', (err) => events.push(`error:${err.code}:${err.syscall}:${err.path}`));
r.on('close', () => {
  events.push(`close:${r.destroyed}`);
  console.log('missing', events);
  dir();
});
function dir() {
  fs.mkdirSync('d');
  const e2 = [];
  const s = fs.createReadStream('d');
  s.on('open', () => e2.push('open'));
  s.on('error', (err) => e2.push(`error:${err.code}:${err.syscall}`));
  s.on('close', () => {
    e2.push('close');
    console.log('directory', e2);
    writeMissingDir();
  });
  s.resume();
}
function writeMissingDir() {
  const e3 = [];
  const w = fs.createWriteStream('nodir/x.txt');
  w.on('error', (err) => e3.push(`error:${err.code}:${err.message}`));
  w.on('close', () => {
    e3.push('close');
    console.log('write-missing-dir', e3);
    destroyed();
  });
  w.write('lost');
}
function destroyed() {
  fs.writeFileSync('f.txt', 'x'.repeat(1000));
  const e4 = [];
  const s = fs.createReadStream('f.txt', { highWaterMark: 100 });
  s.on('data', () => {
    e4.push('data');
    s.destroy(new Error('stop here'));
  });
  s.on('error', (err) => e4.push(`error:${err.message}`));
  s.on('close', () => {
    e4.push(`close:${s.destroyed}`);
    console.log('destroy', e4);
    closeEarly();
  });
}
function closeEarly() {
  const s = fs.createReadStream('f.txt');
  s.close((err) => console.log('close-cb', err === undefined || err === null, s.destroyed));
  const e5 = [];
  const w = fs.createWriteStream('w.txt', { emitClose: false });
  w.on('close', () => e5.push('close'));
  w.end('data', () => {
    setTimeout(() => {
      console.log('emitClose-false', e5, fs.readFileSync('w.txt', 'utf8'));
      midWrite();
    }, 20);
  });
}
function midWrite() {
  const w = fs.createWriteStream('mid.txt');
  const e6 = [];
  w.on('open', () => {
    w.write(Buffer.alloc(256 * 1024, 'm'), (err) => e6.push(`write-cb:${err ? err.code : null}`));
    w.destroy();
    e6.push(`destroyed:${w.destroyed}`);
  });
  w.on('error', (err) => e6.push(`error:${err.code}`));
  w.on('close', () => {
    e6.push('close');
    console.log('mid-write', e6, fs.statSync('mid.txt').size);
  });
}
