// opendir / opendirSync / fs.Dir: read, readSync, async iteration, close, recursion.
const fs = require('fs');
fs.mkdirSync('d/sub/deeper', { recursive: true });
fs.writeFileSync('d/a.txt', 'a');
fs.writeFileSync('d/sub/b.txt', 'b');
fs.writeFileSync('d/sub/deeper/c.txt', 'c');
const names = [];
const dir = fs.opendirSync('d');
console.log(dir.constructor.name, dir.path, dir instanceof fs.Dir);
let ent;
while ((ent = dir.readSync()) !== null) names.push(`${ent.name}:${ent.isDirectory()}:${ent.parentPath}`);
console.log(names.sort());
console.log('after-end', dir.readSync());
dir.closeSync();
for (const [label, fn] of [
  ['read-closed', () => dir.readSync()],
  ['close-closed', () => dir.closeSync()],
  ['missing', () => fs.opendirSync('missing')],
  ['notdir', () => fs.opendirSync('d/a.txt')],
  ['bad-buffer-size', () => fs.opendirSync('d', { bufferSize: 0 })],
]) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.syscall, e.path, e.message);
  }
}
const rec = fs.opendirSync('d', { recursive: true });
const all = [];
while ((ent = rec.readSync()) !== null) all.push(`${ent.parentPath}/${ent.name}`);
rec.closeSync();
console.log('recursive', all.sort());
(async () => {
  const found = [];
  for await (const e of await fs.promises.opendir('d')) found.push(e.name);
  console.log('async-iter', found.sort());
  const d2 = await fs.promises.opendir('d/sub');
  const first = await d2.read();
  const second = await d2.read();
  console.log('promise-read', [first.name, second.name].sort(), await d2.read());
  await d2.close();
  try {
    await d2.close();
  } catch (e) {
    console.log('close-twice', e.code, e.message);
  }
  fs.opendir('d', (err, d3) => {
    console.log('cb-open', err, d3.path);
    d3.read((err, e) => {
      console.log('cb-read', err, typeof e.name);
      d3.close((err) => {
        console.log('cb-close', err);
        fs.opendir('missing', (err) => console.log('cb-missing', err.code, err.syscall, err.message));
      });
    });
  });
})();
