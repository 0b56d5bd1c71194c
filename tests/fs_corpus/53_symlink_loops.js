// Symlink loops and chains: ELOOP for following calls, lstat and readlink still work.
const fs = require('fs');
fs.symlinkSync('b', 'a');
fs.symlinkSync('a', 'b');
fs.symlinkSync('self', 'self');
fs.writeFileSync('target.txt', 'end of chain');
let prev = 'target.txt';
for (let i = 0; i < 10; i++) {
  fs.symlinkSync(prev, `chain${i}`);
  prev = `chain${i}`;
}
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'ERR', e.code, e.errno, e.syscall, e.path, e.message);
  }
};
show('stat-loop', () => fs.statSync('a'));
show('read-loop', () => fs.readFileSync('self'));
show('write-loop', () => fs.writeFileSync('a', 'x'));
show('mkdir-through-loop', () => fs.mkdirSync('a/x'));
show('exists-loop', () => fs.existsSync('a'));
show('lstat-loop', () => fs.lstatSync('a').isSymbolicLink());
show('readlink-loop', () => fs.readlinkSync('a'));
show('chain', () => fs.readFileSync(prev, 'utf8'));
show('realpath-chain', () => fs.realpathSync(prev).endsWith('/target.txt'));
show('open-nofollow', () => fs.openSync('chain0', fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW));
show('unlink-loop', () => { fs.unlinkSync('self'); return fs.existsSync('self'); });
