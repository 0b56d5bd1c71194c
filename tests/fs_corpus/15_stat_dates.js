// Stats times: Dates from the *Ms fields, BigInt nanoseconds, utimes round trips.
const fs = require('fs');
fs.writeFileSync('t.txt', 'x');
fs.utimesSync('t.txt', 1500000000.5, 1600000000.25);
const s = fs.statSync('t.txt');
console.log(s.atimeMs, s.mtimeMs, typeof s.ctimeMs, typeof s.birthtimeMs);
console.log(s.atime instanceof Date, s.atime.toISOString(), s.mtime.toISOString());
console.log(s.ctime instanceof Date, s.birthtime instanceof Date);
console.log(Object.keys(s).includes('atime'), 'atime' in s);
s.mtime = 'custom';
console.log(s.mtime);
const b = fs.statSync('t.txt', { bigint: true });
console.log(b.atimeNs, b.mtimeNs, b.atimeMs, b.mtimeMs);
console.log(b.mtime.toISOString(), typeof b.ctimeNs, typeof b.birthtimeNs);
fs.utimesSync('t.txt', new Date('2020-01-02T03:04:05.678Z'), '1234567890');
const s2 = fs.statSync('t.txt');
console.log(s2.atime.toISOString(), s2.mtimeMs);
fs.utimesSync('t.txt', 0, 0);
console.log(fs.statSync('t.txt').mtimeMs, fs.statSync('t.txt', { bigint: true }).mtimeNs);
try {
  fs.utimesSync('t.txt', 'soon', 0);
} catch (e) {
  console.log(e.code, e.message);
}
try {
  fs.utimesSync('missing', 0, 0);
} catch (e) {
  console.log(e.code, e.syscall, e.message);
}
