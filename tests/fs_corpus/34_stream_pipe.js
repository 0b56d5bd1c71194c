// pipe: a file to a file, a file to process.stdout, and backpressure with a small highWaterMark.
const fs = require('fs');
fs.writeFileSync('in.txt', 'line one\nline two\nline three\n'.repeat(50));
const r = fs.createReadStream('in.txt', { highWaterMark: 64 });
const w = fs.createWriteStream('out.txt', { highWaterMark: 16 });
let piped = false;
w.on('pipe', (src) => { piped = src === r; });
const ret = r.pipe(w);
console.log('returns-dest', ret === w);
w.on('finish', () => {
  console.log('piped', piped, fs.readFileSync('out.txt').equals(fs.readFileSync('in.txt')), w.bytesWritten, r.bytesRead);
  fs.writeFileSync('small.txt', 'to stdout\n');
  const s = fs.createReadStream('small.txt');
  s.pipe(process.stdout);
  s.on('end', () => {
    console.log('stdout-end');
    const chunks = [];
    const w2 = fs.createWriteStream('no-end.txt');
    const r2 = fs.createReadStream('small.txt');
    r2.pipe(w2, { end: false });
    r2.on('end', () => {
      w2.end('tail\n', () => console.log('no-end', JSON.stringify(fs.readFileSync('no-end.txt', 'utf8')), chunks.length));
    });
  });
});
