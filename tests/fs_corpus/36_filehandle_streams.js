// FileHandle.createReadStream / createWriteStream / readLines, and streams on a numeric fd.
const fs = require('fs');
const fsp = fs.promises;
(async () => {
  await fsp.writeFile('lines.txt', 'first\nsecond\r\nthird\n\nlast');
  const fh = await fsp.open('lines.txt');
  const lines = [];
  for await (const line of fh.readLines()) lines.push(line);
  console.log('readLines', lines);
  const fh2 = await fsp.open('lines.txt');
  const chunks = [];
  const rs = fh2.createReadStream({ encoding: 'utf8', start: 6, end: 11 });
  rs.on('data', (c) => chunks.push(c));
  await new Promise((resolve) => rs.on('close', resolve));
  console.log('handle-read', chunks, fh2.fd);
  const out = await fsp.open('out.txt', 'w');
  const ws = out.createWriteStream();
  ws.write('via ');
  ws.end('handle');
  await new Promise((resolve) => ws.on('close', resolve));
  console.log('handle-write', await fsp.readFile('out.txt', 'utf8'), out.fd);
  const fd = fs.openSync('lines.txt', 'r');
  const s = fs.createReadStream(null, { fd, encoding: 'utf8', highWaterMark: 5 });
  const parts = [];
  s.on('open', () => parts.push('open-event'));
  s.on('data', (c) => parts.push(c));
  s.on('close', () => {
    console.log('fd-stream', parts.length, parts.join('|').length, s.fd);
    const fd2 = fs.openSync('keep.txt', 'w');
    const w = fs.createWriteStream(null, { fd: fd2, autoClose: false });
    w.end('kept open', () => {
      fs.writeSync(fd2, '!');
      fs.closeSync(fd2);
      console.log('autoClose-false', fs.readFileSync('keep.txt', 'utf8'));
    });
  });
  try {
    fs.createReadStream(null, { fd: 'x' });
  } catch (e) {
    console.log('bad-fd', e.code, e.message);
  }
})();
