// createWriteStream: open/ready/finish/close order, write callbacks, bytesWritten, flags, start.
const fs = require('fs');
const events = [];
const w = fs.createWriteStream('w.txt');
console.log('pending', w.pending, 'path', w.path, w.writableHighWaterMark);
w.on('open', () => events.push('open'));
w.on('ready', () => events.push('ready'));
w.on('finish', () => events.push(`finish:${w.bytesWritten}`));
w.on('close', () => {
  events.push('close');
  console.log(events);
  console.log('content', JSON.stringify(fs.readFileSync('w.txt', 'utf8')));
  append();
});
console.log('write-returns', w.write('hello '));
w.write(Buffer.from('world'), () => events.push('write-cb'));
w.write('\n', 'utf8');
w.end('bye', () => events.push('end-cb'));
function append() {
  const a = fs.createWriteStream('w.txt', { flags: 'a' });
  a.end('+appended', () => {
    console.log('append', fs.readFileSync('w.txt', 'utf8'));
    positioned();
  });
}
function positioned() {
  fs.writeFileSync('p.txt', '0123456789');
  const p = fs.createWriteStream('p.txt', { flags: 'r+', start: 3 });
  p.write('AB');
  p.end('C');
  p.on('finish', () => {
    console.log('start', fs.readFileSync('p.txt', 'utf8'), p.bytesWritten);
    drain();
  });
}
function drain() {
  const d = fs.createWriteStream('d.txt', { highWaterMark: 4 });
  const ok = d.write('123456');
  console.log('over-hwm', ok, d.writableLength, d.writableNeedDrain);
  d.once('drain', () => {
    console.log('drain', d.writableLength);
    d.end();
  });
  d.on('close', () => {
    console.log('drained', fs.readFileSync('d.txt', 'utf8'));
    afterEnd();
  });
}
function afterEnd() {
  const e = fs.createWriteStream('e.txt');
  e.end('x');
  e.on('error', (err) => console.log('error-event', err.code, err.message));
  e.write('late', (err) => console.log('write-cb-error', err.code));
  e.on('close', () => {
    console.log('after-end closed', fs.readFileSync('e.txt', 'utf8'));
    badChunk();
  });
}
function badChunk() {
  const b = fs.createWriteStream('b.txt');
  try {
    b.write(42);
  } catch (err) {
    console.log('bad-chunk', err.code, err.message);
  }
  b.close((err) => console.log('close-cb', err, fs.existsSync('b.txt')));
}
