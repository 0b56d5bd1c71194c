// cpSync: files, trees, symlinks, overwrite rules and Node's native error texts.
const fs = require('fs');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.name, e.code, JSON.stringify(e.message), e.path, e.syscall, e.info ? JSON.stringify(e.info) : '');
  }
};
const tree = (dir) => fs.readdirSync(dir, { recursive: true }).sort().map((p) => {
  const full = `${dir}/${p}`;
  const st = fs.lstatSync(full);
  return st.isSymbolicLink() ? `${p}->${fs.readlinkSync(full).replace(process.cwd(), '<cwd>')}` : st.isDirectory() ? `${p}/` : `${p}=${fs.readFileSync(full, 'utf8')}`;
});
fs.mkdirSync('src/sub/deep', { recursive: true });
fs.writeFileSync('src/a.txt', 'A');
fs.writeFileSync('src/sub/b.txt', 'B');
fs.writeFileSync('src/sub/deep/c.txt', 'C');
fs.symlinkSync('a.txt', 'src/rel-link');
fs.writeFileSync('file.txt', 'F');
fs.mkdirSync('emptydir');
show('file', () => { fs.cpSync('file.txt', 'copy.txt'); return fs.readFileSync('copy.txt', 'utf8'); });
show('file-new-parents', () => { fs.cpSync('file.txt', 'p/q/r.txt'); return fs.readFileSync('p/q/r.txt', 'utf8'); });
show('dir-no-recursive', () => fs.cpSync('src', 'out'));
show('dir-slash-no-recursive', () => fs.cpSync('src/', 'out'));
show('tree', () => { fs.cpSync('src', 'out', { recursive: true }); return tree('out'); });
show('tree-verbatim', () => { fs.cpSync('src', 'verb', { recursive: true, verbatimSymlinks: true }); return tree('verb'); });
show('tree-deref', () => { fs.cpSync('src', 'deref', { recursive: true, dereference: true }); return tree('deref'); });
show('into-self', () => fs.cpSync('src', 'src/sub/inside', { recursive: true }));
show('same', () => fs.cpSync('file.txt', 'file.txt'));
show('file-onto-dir', () => fs.cpSync('file.txt', 'emptydir'));
show('dir-onto-file', () => fs.cpSync('src', 'file.txt', { recursive: true }));
show('missing', () => fs.cpSync('missing', 'x'));
fs.writeFileSync('out/a.txt', 'changed');
show('merge-force', () => { fs.cpSync('src', 'out', { recursive: true }); return fs.readFileSync('out/a.txt', 'utf8'); });
fs.writeFileSync('out/a.txt', 'changed');
show('merge-no-force', () => { fs.cpSync('src', 'out', { recursive: true, force: false }); return fs.readFileSync('out/a.txt', 'utf8'); });
fs.mkdirSync('eoe/sub', { recursive: true });
fs.writeFileSync('eoe/sub/b.txt', 'exists');
fs.mkdirSync('one/sub', { recursive: true });
fs.writeFileSync('one/sub/b.txt', 'new');
show('merge-error-on-exist', () => fs.cpSync('one', 'eoe', { recursive: true, force: false, errorOnExist: true }));
show('file-error-on-exist', () => fs.cpSync('file.txt', 'copy.txt', { force: false, errorOnExist: true }));
show('file-no-force', () => { fs.writeFileSync('copy.txt', 'old'); fs.cpSync('file.txt', 'copy.txt', { force: false }); return fs.readFileSync('copy.txt', 'utf8'); });
show('link', () => { fs.cpSync('src/rel-link', 'copied-link'); return fs.readlinkSync('copied-link').endsWith('/src/a.txt'); });
show('bad-options', () => fs.cpSync('src', 'x', { recursive: 'yes' }));
show('bad-pair', () => fs.cpSync('src', 'x', { dereference: true, verbatimSymlinks: true }));
show('bad-filter', () => fs.cpSync('src', 'x', { filter: 'no' }));
show('mode', () => { fs.chmodSync('file.txt', 0o600); fs.cpSync('file.txt', 'mode.txt'); return (fs.statSync('mode.txt').mode & 0o777).toString(8); });
