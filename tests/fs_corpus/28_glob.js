// globSync / glob / promises.glob: wildcards, globstar, braces, classes, dot files, exclude.
const fs = require('fs');
for (const f of ['a.js', 'b.js', 'c.txt', '.hidden.js', 'src/x.js', 'src/y.ts', 'src/deep/z.js', 'src/deep/w.md', 'lib/one.js', '.git/config', 'src/.dot/q.js']) {
  fs.mkdirSync(f.split('/').slice(0, -1).join('/') || '.', { recursive: true });
  fs.writeFileSync(f, '');
}
const show = (pattern, options) => {
  try {
    console.log(JSON.stringify(pattern), fs.globSync(pattern, options).sort());
  } catch (e) {
    console.log(JSON.stringify(pattern), e.code, e.message);
  }
};
show('*.js');
show('*');
show('src/*');
show('**/*.js');
show('src/**');
show('src/**/*.md');
show('{a,b}.js');
show('[ab].js');
show('?.js');
show('.*');
show('**/.dot/*.js');
show('src/');
show('nomatch/*');
show('a.js');
show('missing.js');
show(['*.txt', 'lib/*']);
show('**/*.js', { exclude: ['src/**'] });
show('*.js', { exclude: (p) => p.startsWith('b') });
show('*.js', { cwd: 'src' });
show('**/*.js', { cwd: 'src' });
show(42);
show('*.js', { exclude: 'x' });
console.log(fs.globSync('*.js', { withFileTypes: true }).map((d) => `${d.name}:${d.isFile()}:${d.constructor.name}`).sort());
fs.glob('src/**/*.js', (err, matches) => {
  console.log('cb', err, matches.sort());
  (async () => {
    const out = [];
    for await (const m of fs.promises.glob('**/*.md')) out.push(m);
    console.log('promise', out.sort());
  })();
});
