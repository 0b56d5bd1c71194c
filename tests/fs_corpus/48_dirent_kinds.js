// Dirent and Stats kinds for files, directories, symlinks to each, and dangling links.
const fs = require('fs');
fs.mkdirSync('k/dir', { recursive: true });
fs.writeFileSync('k/file', '');
fs.symlinkSync('file', 'k/to-file');
fs.symlinkSync('dir', 'k/to-dir');
fs.symlinkSync('nothing', 'k/dangling');
for (const d of fs.readdirSync('k', { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
  const full = `k/${d.name}`;
  const st = fs.statSync(full, { throwIfNoEntry: false });
  console.log(d.name, d.isFile(), d.isDirectory(), d.isSymbolicLink(), st ? [st.isFile(), st.isDirectory()] : 'no target', fs.lstatSync(full).isSymbolicLink());
}
console.log(fs.readdirSync('k/to-dir'), fs.existsSync('k/to-dir/../file'));
