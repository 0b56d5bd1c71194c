// statfs: the StatFs shape (values depend on the machine, types do not).
const fs = require('fs');
const s = fs.statfsSync('.');
console.log(s.constructor.name, Object.keys(s), Object.values(s).map((v) => typeof v));
const b = fs.statfsSync('.', { bigint: true });
console.log(Object.values(b).map((v) => typeof v));
try {
  fs.statfsSync('missing');
} catch (e) {
  console.log(e.code, e.syscall, e.path, e.message);
}
fs.statfs('.', (err, st) => {
  console.log('cb', err, typeof st.bsize);
  fs.promises.statfs('.').then((st2) => console.log('promise', st2.constructor.name));
});
