// cpSync with a filter: the order of calls, skipping, and a filter returning a promise.
const fs = require('fs');
fs.mkdirSync('src/keep', { recursive: true });
fs.mkdirSync('src/skip');
fs.writeFileSync('src/keep/x.js', 'x');
fs.writeFileSync('src/keep/y.txt', 'y');
fs.writeFileSync('src/skip/z.js', 'z');
fs.writeFileSync('src/root.js', 'r');
const seen = [];
fs.cpSync('src', 'dst', {
  recursive: true,
  filter(src, dest) {
    seen.push(`${src} -> ${dest}`);
    return !src.endsWith('skip') && !src.endsWith('.txt');
  },
});
console.log(seen.sort());
console.log(fs.readdirSync('dst', { recursive: true }).sort());
console.log((fs.statSync('dst').mode & 0o777).toString(8));
try {
  fs.cpSync('src', 'dst2', { recursive: true, filter: async () => true });
} catch (e) {
  console.log(e.name, e.code, e.message);
}
fs.cpSync('src', 'none', { recursive: true, filter: () => false });
console.log(fs.existsSync('none'));
