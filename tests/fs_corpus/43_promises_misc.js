// The rest of fs/promises, one after another, with an error each.
const fsp = require('fs/promises');
const fs = require('fs');
const steps = [
  ['writeFile', () => fsp.writeFile('a.txt', 'A')],
  ['access', () => fsp.access('a.txt', fs.constants.R_OK)],
  ['access-missing', () => fsp.access('zz')],
  ['copyFile', () => fsp.copyFile('a.txt', 'b.txt')],
  ['copyFile-excl', () => fsp.copyFile('a.txt', 'b.txt', fs.constants.COPYFILE_EXCL)],
  ['rename', () => fsp.rename('b.txt', 'c.txt')],
  ['rename-missing', () => fsp.rename('b.txt', 'c.txt')],
  ['mkdir', () => fsp.mkdir('d/e', { recursive: true })],
  ['mkdir-exists', () => fsp.mkdir('d')],
  ['mkdir-mode-number', () => fsp.mkdir('m', 0o711).then(() => (fs.statSync('m').mode & 0o777).toString(8))],
  ['rmdir-nonempty', () => fsp.rmdir('d')],
  ['rmdir', () => fsp.rmdir('d/e')],
  ['stat', () => fsp.stat('a.txt').then((s) => [s.size, s.isFile()])],
  ['stat-bigint', () => fsp.stat('a.txt', { bigint: true }).then((s) => typeof s.size)],
  ['lstat-missing', () => fsp.lstat('zz')],
  ['link', () => fsp.link('a.txt', 'h.txt').then(() => fs.statSync('a.txt').nlink)],
  ['symlink', () => fsp.symlink('a.txt', 's')],
  ['readlink', () => fsp.readlink('s')],
  ['readlink-buffer', () => fsp.readlink('s', 'buffer').then(Buffer.isBuffer)],
  ['realpath', () => fsp.realpath('s').then((p) => p.endsWith('/a.txt'))],
  ['unlink', () => fsp.unlink('h.txt')],
  ['chmod', () => fsp.chmod('a.txt', 0o600).then(() => (fs.statSync('a.txt').mode & 0o777).toString(8))],
  ['chown', () => fsp.chown('a.txt', process.getuid(), process.getgid())],
  ['lchown', () => fsp.lchown('s', process.getuid(), process.getgid())],
  ['utimes', () => fsp.utimes('a.txt', 10, 20).then(() => fs.statSync('a.txt').mtimeMs)],
  ['lutimes', () => fsp.lutimes('s', 30, 40).then(() => fs.lstatSync('s').mtimeMs)],
  ['truncate', () => fsp.truncate('a.txt', 0).then(() => fs.statSync('a.txt').size)],
  ['rm', () => fsp.rm('c.txt')],
  ['rm-missing', () => fsp.rm('c.txt')],
  ['rm-recursive', () => fsp.rm('d', { recursive: true })],
  ['lchmod', () => fsp.lchmod('s', 0o600)],
  ['statfs', () => fsp.statfs('.').then((s) => typeof s.bfree)],
  ['open-append', () => fsp.open('a.txt', 'a').then(async (h) => { await h.write('x'); await h.close(); return fs.readFileSync('a.txt', 'utf8'); })],
  ['readdir-types', () => fsp.readdir('.', { withFileTypes: true }).then((l) => l.map((d) => `${d.name}:${d.isFile()}`).sort())],
  ['watch', () => Promise.resolve(typeof fsp.watch)],
];
(async () => {
  for (const [label, fn] of steps) {
    try {
      console.log(label, await fn());
    } catch (e) {
      console.log(label, 'ERR', e.code, e.syscall, e.path, e.dest, e.message);
    }
  }
})();
