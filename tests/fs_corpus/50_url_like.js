// file: URL objects as paths. Node recognises a URL by its shape (href, protocol, no auth or
// path), so plain objects shaped like URLs exercise the same conversion without a URL class.
const fs = require('fs');
const url = (pathname, protocol = 'file:', hostname = '') => ({ href: `${protocol}//${hostname}${pathname}`, protocol, hostname, pathname });
fs.writeFileSync('u r l.txt', 'via url');
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.name, e.code, e.message.split(process.cwd()).join('<cwd>'));
  }
};
const here = process.cwd();
show('read', () => fs.readFileSync(url(`${here}/u%20r%20l.txt`), 'utf8'));
show('exists', () => fs.existsSync(url(`${here}/u%20r%20l.txt`)));
show('stat', () => fs.statSync(url(`${here}/`)).isDirectory());
show('missing', () => fs.readFileSync(url(`${here}/missing.txt`)));
show('http', () => fs.readFileSync(url('/x', 'http:', 'example.com')));
show('host', () => fs.readFileSync(url('/x', 'file:', 'remote')));
show('encoded-slash', () => fs.readFileSync(url(`${here}/a%2Fb`)));
show('not-a-url', () => fs.readFileSync({ href: 'file:///x', protocol: 'file:', path: '/x' }));
show('string-is-not-url', () => fs.existsSync(`file://${here}/u r l.txt`));
fs.promises.readFile(url(`${here}/u%20r%20l.txt`), 'utf8').then((t) => console.log('promise', t));
