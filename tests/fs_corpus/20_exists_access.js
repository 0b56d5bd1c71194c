// exists / existsSync / access / accessSync, including invalid arguments.
const fs = require('fs');
const util = require('util');
fs.writeFileSync('f.txt', 'x');
fs.mkdirSync('d');
fs.writeFileSync('run.sh', '#!/bin/sh');
fs.chmodSync('run.sh', 0o755);
fs.chmodSync('f.txt', 0o644);
console.log(fs.existsSync('f.txt'), fs.existsSync('d'), fs.existsSync('missing'), fs.existsSync('f.txt/x'));
console.log(fs.existsSync(), fs.existsSync(null), fs.existsSync(42), fs.existsSync('a\0b'), fs.existsSync(''));
console.log(fs.existsSync(Buffer.from('f.txt')), fs.existsSync(Buffer.from('missing')));
const modes = { F_OK: fs.constants.F_OK, R_OK: fs.constants.R_OK, W_OK: fs.constants.W_OK, X_OK: fs.constants.X_OK, RW: fs.constants.R_OK | fs.constants.W_OK };
for (const target of ['f.txt', 'd', 'run.sh', 'missing']) {
  const results = [];
  for (const [name, mode] of Object.entries(modes)) {
    try {
      fs.accessSync(target, mode);
      results.push(`${name}:ok`);
    } catch (e) {
      results.push(`${name}:${e.code}`);
    }
  }
  console.log(target, results.join(' '));
}
try {
  fs.accessSync('missing');
} catch (e) {
  console.log(e.code, e.errno, e.syscall, e.path, e.message);
}
console.log(fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK);
fs.exists('f.txt', (found) => {
  console.log('exists-cb', found);
  fs.exists('missing', (found2) => {
    console.log('exists-cb-missing', found2);
    util.promisify(fs.exists)('f.txt').then((v) => {
      console.log('promisified', v);
      fs.access('missing', fs.constants.R_OK, (err) => {
        console.log('access-cb', err.code, err.message);
        fs.access('f.txt', (err) => {
          console.log('access-cb-ok', err);
          fs.promises.access('missing').catch((e) => console.log('access-promise', e.code, e.message));
        });
      });
    });
  });
});
try {
  fs.exists('f.txt');
} catch (e) {
  console.log('exists-no-cb', e.code, e.message);
}
fs.exists(12, (v) => console.log('exists-bad-path', v));
