// createReadStream: events in order, chunks by highWaterMark, start/end, encoding, bytesRead.
const fs = require('fs');
fs.writeFileSync('r.txt', 'abcdefghijklmnopqrstuvwxyz');
const events = [];
const s = fs.createReadStream('r.txt', { highWaterMark: 10 });
console.log('path', s.path, 'pending', s.pending, 'bytesRead', s.bytesRead, s.readableHighWaterMark);
s.on('open', (fd) => events.push(`open:${typeof fd}`));
s.on('ready', () => events.push('ready'));
s.on('data', (chunk) => events.push(`data:${Buffer.isBuffer(chunk)}:${chunk}`));
s.on('end', () => events.push(`end:${s.bytesRead}`));
s.on('close', () => {
  events.push('close');
  console.log(events);
  ranges();
});
function ranges() {
  const got = [];
  fs.createReadStream('r.txt', { start: 3, end: 7, encoding: 'utf8' })
    .on('data', (c) => got.push(c))
    .on('end', () => {
      console.log('range', got, typeof got[0]);
      const got2 = [];
      const s2 = fs.createReadStream('r.txt', { start: 20 });
      s2.setEncoding('hex');
      s2.on('data', (c) => got2.push(c)).on('close', () => {
        console.log('from-start', got2, s2.bytesRead);
        unicode();
      });
    });
}
function unicode() {
  fs.writeFileSync('u.txt', '€€€€€');
  const parts = [];
  fs.createReadStream('u.txt', { highWaterMark: 4, encoding: 'utf8' })
    .on('data', (c) => parts.push(c))
    .on('end', () => {
      console.log('split-chars', parts, parts.join(''));
      paused();
    });
}
function paused() {
  const s3 = fs.createReadStream('r.txt', { highWaterMark: 8 });
  const seen = [];
  s3.on('readable', () => {
    let chunk;
    while ((chunk = s3.read()) !== null) seen.push(chunk.toString());
  });
  s3.on('end', () => {
    console.log('readable-mode', seen.join(''));
    iterate();
  });
}
async function iterate() {
  const chunks = [];
  for await (const c of fs.createReadStream('r.txt', { highWaterMark: 13 })) chunks.push(c.toString());
  console.log('async-iter', chunks);
  try {
    fs.createReadStream('r.txt', { start: 5, end: 2 });
  } catch (e) {
    console.log('bad-range', e.code, e.message);
  }
  try {
    fs.createReadStream('r.txt', { start: -1 });
  } catch (e) {
    console.log('bad-start', e.code, e.message);
  }
  const empty = [];
  fs.writeFileSync('empty.txt', '');
  fs.createReadStream('empty.txt').on('data', (c) => empty.push(c)).on('end', () => console.log('empty', empty.length));
}
