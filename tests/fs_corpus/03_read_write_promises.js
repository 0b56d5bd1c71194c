// fs.promises / fs/promises: the same module, whole-file operations and errors.
const fs = require('fs');
const fsp = require('fs/promises');
console.log('same-object', fs.promises === fsp, require('node:fs/promises') === fsp);
(async () => {
  await fsp.writeFile('a.txt', 'alpha');
  console.log(await fsp.readFile('a.txt', 'utf8'));
  await fsp.appendFile('a.txt', '-beta');
  console.log(await fsp.readFile('a.txt', { encoding: 'utf8' }));
  console.log(await fsp.readFile('a.txt'));
  await fsp.writeFile('b.txt', ['x', 'y', 'z']);
  console.log(await fsp.readFile('b.txt', 'utf8'));
  async function* gen() { yield 'g1'; yield Buffer.from('g2'); }
  await fsp.writeFile('c.txt', gen());
  console.log(await fsp.readFile('c.txt', 'utf8'));
  for (const [label, fn] of [
    ['missing', () => fsp.readFile('missing')],
    ['dir', async () => { await fsp.mkdir('d'); return fsp.readFile('d'); }],
    ['wx', () => fsp.writeFile('a.txt', 'x', { flag: 'wx' })],
    ['bad-path', () => fsp.readFile(12.5)],
    ['bad-data', () => fsp.writeFile('x', 12)],
  ]) {
    try {
      console.log(label, await fn());
    } catch (e) {
      console.log(label, e.name, e.code, e.syscall, e.path, e.message);
    }
  }
})();
