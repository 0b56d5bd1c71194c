// Path arguments: Buffers, relative paths with . and .., trailing slashes; errors show the path as given.
const fs = require('fs');
fs.mkdirSync('a/b', { recursive: true });
fs.writeFileSync('a/b/f.txt', 'content');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.code, e.syscall, JSON.stringify(e.path), e.message);
  }
};
show('buffer', () => fs.readFileSync(Buffer.from('a/b/f.txt'), 'utf8'));
show('uint8array', () => fs.readFileSync(new Uint8Array(Buffer.from('a/b/f.txt')), 'utf8'));
show('dots', () => fs.readFileSync('./a/../a/b/./f.txt', 'utf8'));
show('double-slash', () => fs.readFileSync('a//b//f.txt', 'utf8'));
show('absolute', () => fs.readFileSync(`${process.cwd()}/a/b/f.txt`, 'utf8'));
show('dir-trailing-slash', () => fs.statSync('a/b/').isDirectory());
show('missing-rel', () => fs.readFileSync('./a/../nope.txt'));
show('missing-buffer', () => fs.readFileSync(Buffer.from('nope-buf')));
show('missing-abs', () => fs.statSync(`${process.cwd()}/zzz`).size);
show('rename-shows-both', () => fs.renameSync('./x/../missing', 'a/./dest'));
show('chdir', () => { process.chdir('a'); const r = fs.readFileSync('b/f.txt', 'utf8'); process.chdir('..'); return r; });
show('chdir-error', () => { process.chdir('a/b'); try { return fs.readFileSync('../nope'); } finally { process.chdir('../..'); } });
show('relative-after-chdir', () => fs.existsSync('a/b/f.txt'));
show('file-url-string', () => fs.existsSync('file:///etc'));
