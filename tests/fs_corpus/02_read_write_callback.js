// readFile / writeFile / appendFile with callbacks, run one after another.
const fs = require('fs');
const steps = [
  (next) => fs.writeFile('a.txt', 'one', (err) => { console.log('write', err); next(); }),
  (next) => fs.readFile('a.txt', 'utf8', (err, data) => { console.log('read', err, data); next(); }),
  (next) => fs.appendFile('a.txt', '+two', (err) => { console.log('append', err); next(); }),
  (next) => fs.readFile('a.txt', (err, data) => { console.log('read-buf', err, data); next(); }),
  (next) => fs.readFile('missing.txt', (err, data) => {
    console.log('missing', err.code, err.errno, err.syscall, err.path, err.message, data);
    next();
  }),
  (next) => fs.mkdir('d', () => fs.readFile('d', (err) => { console.log('dir', err.code, err.syscall, err.path, err.message); next(); })),
  (next) => fs.writeFile('nodir/x', 'x', (err) => { console.log('nodir', err.code, err.message); next(); }),
  (next) => fs.writeFile('b.txt', Buffer.from('buf'), { mode: 0o640 }, (err) => {
    console.log('mode', err, (fs.statSync('b.txt').mode & 0o777).toString(8));
    next();
  }),
  (next) => fs.appendFile('c.txt', 'created', 'utf8', (err) => { console.log('append-new', err, fs.readFileSync('c.txt', 'utf8')); next(); }),
  (next) => fs.writeFile('a.txt', 'x', { flag: 'wx' }, (err) => { console.log('wx', err.code, err.message); next(); }),
  (next) => fs.readFile('a.txt', { encoding: 'base64' }, (err, data) => { console.log('b64', err, data); next(); }),
];
let i = 0;
const next = () => { if (i < steps.length) steps[i++](next); else console.log('done'); };
next();
try {
  fs.readFile('a.txt');
} catch (e) {
  console.log('no-callback', e.code, e.message);
}
try {
  fs.writeFile('a.txt', 'x', 'utf8');
} catch (e) {
  console.log('no-callback-write', e.code, e.message);
}
