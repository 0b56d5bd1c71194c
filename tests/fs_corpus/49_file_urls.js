// file: URLs as paths: converted with fileURLToPath's rules; other schemes and hosts are refused.
const fs = require('fs');
fs.writeFileSync('u r l.txt', 'via url');
const base = `file://${process.cwd()}/`;
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.name, e.code, e.message.split(process.cwd()).join('<cwd>'));
  }
};
show('read', () => fs.readFileSync(new URL('u%20r%20l.txt', base), 'utf8'));
show('exists', () => fs.existsSync(new URL('u%20r%20l.txt', base)));
show('stat', () => fs.statSync(new URL(base)).isDirectory());
show('missing', () => fs.readFileSync(new URL('missing.txt', base)));
show('http', () => fs.readFileSync(new URL('http://example.com/x')));
show('host', () => fs.readFileSync(new URL('file://remote/x')));
show('encoded-slash', () => fs.readFileSync(new URL(`${base}a%2Fb`)));
show('string-is-not-url', () => fs.existsSync(`${base}u r l.txt`));
fs.promises.readFile(new URL('u%20r%20l.txt', base), 'utf8').then((t) => console.log('promise', t));
