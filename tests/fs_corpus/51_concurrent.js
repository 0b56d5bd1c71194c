// Many asynchronous operations in flight at once; results are collected by index, not arrival.
const fs = require('fs');
const fsp = fs.promises;
(async () => {
  await fsp.mkdir('many');
  await Promise.all(Array.from({ length: 50 }, (_, i) => fsp.writeFile(`many/f${i}.txt`, `n${i}`)));
  const texts = await Promise.all(Array.from({ length: 50 }, (_, i) => fsp.readFile(`many/f${i}.txt`, 'utf8')));
  console.log(texts.join(','));
  const sizes = await Promise.all(texts.map((_, i) => fsp.stat(`many/f${i}.txt`).then((s) => s.size)));
  console.log(sizes.reduce((a, b) => a + b, 0));
  const settled = await Promise.allSettled([fsp.readFile('nope1'), fsp.readFile('many/f1.txt', 'utf8'), fsp.rmdir('many')]);
  console.log(settled.map((r) => (r.status === 'fulfilled' ? r.value : `${r.reason.code}:${r.reason.syscall}`)));
  let pending = 20;
  const got = new Array(20);
  for (let i = 0; i < 20; i++) {
    fs.stat(`many/f${i}.txt`, (err, st) => {
      got[i] = err ? err.code : st.size;
      if (--pending === 0) {
        console.log('callbacks', got.join(' '));
        fsp.readdir('many').then((names) => console.log('count', names.length));
      }
    });
  }
})();
