// A file of a few megabytes: written in one call and in chunks, read whole and in slices.
const fs = require('fs');
const size = 3 * 1024 * 1024 + 17;
const big = Buffer.alloc(size);
for (let i = 0; i < size; i++) big[i] = (i * 31 + 7) & 0xff;
fs.writeFileSync('big.bin', big);
console.log('size', fs.statSync('big.bin').size);
console.log('equal', fs.readFileSync('big.bin').equals(big));
const fd = fs.openSync('big.bin', 'r');
const chunk = Buffer.alloc(1 << 20);
let total = 0;
let sum = 0;
let n;
while ((n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0) {
  total += n;
  for (let i = 0; i < n; i += 4096) sum = (sum + chunk[i]) % 65521;
}
fs.closeSync(fd);
console.log('chunked', total, sum);
const w = fs.openSync('copy.bin', 'w');
for (let off = 0; off < size; off += 700000) fs.writeSync(w, big, off, Math.min(700000, size - off));
fs.closeSync(w);
console.log('copy-equal', fs.readFileSync('copy.bin').equals(big));
fs.promises.readFile('big.bin').then((b) => {
  console.log('promise-equal', b.equals(big));
  let streamed = 0;
  let chunks = 0;
  fs.createReadStream('big.bin').on('data', (c) => { streamed += c.length; chunks++; }).on('end', () => console.log('stream', streamed, chunks));
});
