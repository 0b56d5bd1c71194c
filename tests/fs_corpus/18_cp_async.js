// fs.cp (callback) and fs.promises.cp: Node's JavaScript implementation and its SystemErrors.
const fs = require('fs');
const tree = (dir) => fs.readdirSync(dir, { recursive: true }).sort().map((p) => {
  const full = `${dir}/${p}`;
  const st = fs.lstatSync(full);
  return st.isSymbolicLink() ? `${p}->${fs.readlinkSync(full).replace(process.cwd(), '<cwd>')}` : st.isDirectory() ? `${p}/` : `${p}=${fs.readFileSync(full, 'utf8')}`;
});
fs.mkdirSync('src/sub', { recursive: true });
fs.writeFileSync('src/a.txt', 'A');
fs.writeFileSync('src/sub/b.txt', 'B');
fs.symlinkSync('a.txt', 'src/link');
fs.writeFileSync('file.txt', 'F');
fs.mkdirSync('emptydir');
const hide = (t) => (typeof t === 'string' ? t.split(process.cwd()).join('<cwd>') : t);
const report = (label, e) => console.log(label, e ? [e.name, e.code, hide(e.message), e.errno, e.syscall, e.path, hide(JSON.stringify(e.info))] : 'ok');
const cases = [
  ['file', 'file.txt', 'copy.txt', {}],
  ['dir-no-recursive', 'src', 'out', {}],
  ['tree', 'src', 'out', { recursive: true }],
  ['into-self', 'src', 'src/sub/x', { recursive: true }],
  ['same', 'file.txt', 'file.txt', {}],
  ['file-onto-dir', 'file.txt', 'emptydir', {}],
  ['dir-onto-file', 'src', 'file.txt', { recursive: true }],
  ['missing', 'missing', 'x', {}],
  ['error-on-exist', 'src/sub', 'out/sub', { recursive: true, force: false, errorOnExist: true }],
  ['filter', 'src', 'filtered', { recursive: true, filter: (s) => !s.endsWith('b.txt') }],
  ['async-filter', 'src', 'afiltered', { recursive: true, filter: async (s) => !s.endsWith('a.txt') }],
  ['new-parents', 'file.txt', 'deep/er/f.txt', {}],
];
let i = 0;
function next() {
  if (i >= cases.length) {
    console.log(tree('out'));
    console.log(tree('filtered'));
    console.log(tree('afiltered'));
    promises();
    return;
  }
  const [label, s, d, o] = cases[i++];
  fs.cp(s, d, o, (err) => {
    report(label, err);
    next();
  });
}
next();
async function promises() {
  await fs.promises.cp('src', 'pout', { recursive: true });
  console.log('promise-tree', tree('pout'));
  try {
    await fs.promises.cp('src', 'pout2');
  } catch (e) {
    report('promise-dir', e);
  }
  fs.writeFileSync('pout/a.txt', 'changed');
  fs.unlinkSync('pout/link');
  await fs.promises.cp('src', 'pout', { recursive: true, force: false });
  console.log('no-force', fs.readFileSync('pout/a.txt', 'utf8'), fs.readlinkSync('pout/link'));
  try {
    // Node refuses to replace a copied absolute link that points back into src.
    await fs.promises.cp('src', 'pout', { recursive: true });
  } catch (e) {
    report('force-over-link', e);
  }
  fs.unlinkSync('pout/link');
  await fs.promises.cp('src', 'pout', { recursive: true });
  console.log('force', fs.readFileSync('pout/a.txt', 'utf8'));
  try {
    await fs.promises.cp('src', 'x', { mode: 99 });
  } catch (e) {
    report('bad-mode', e);
  }
}
