// Descriptor positions: sequential I/O moves the position, positional I/O does not;
// append mode writes at the end; a descriptor opened twice has two positions.
const fs = require('fs');
fs.writeFileSync('p.txt', 'abcdefghij');
const a = fs.openSync('p.txt', 'r');
const b = fs.openSync('p.txt', 'r');
const one = () => { const x = Buffer.alloc(1); const n = fs.readSync(a, x, 0, 1, null); return n ? x.toString() : '<eof>'; };
console.log(one(), one(), one());
const y = Buffer.alloc(2);
fs.readSync(a, y, 0, 2, 7);
console.log('positional', y.toString(), 'next', one());
fs.readSync(b, y, 0, 2, null);
console.log('second descriptor', y.toString());
fs.closeSync(a);
fs.closeSync(b);

const ap = fs.openSync('p.txt', 'a');
fs.writeSync(ap, 'K');
fs.writeSync(ap, 'L', 0);
fs.closeSync(ap);
console.log('append', fs.readFileSync('p.txt', 'utf8'));

const aplus = fs.openSync('p.txt', 'a+');
const z = Buffer.alloc(3);
console.log('a+ read', fs.readSync(aplus, z, 0, 3, 0), z.toString());
fs.writeSync(aplus, 'M');
fs.closeSync(aplus);
console.log('a+ after', fs.readFileSync('p.txt', 'utf8'));

const w = fs.openSync('gap.txt', 'w');
fs.writeSync(w, 'end', 5);
fs.closeSync(w);
console.log('gap', JSON.stringify(fs.readFileSync('gap.txt', 'latin1')));

const r = fs.openSync('p.txt', 'r');
console.log('bigint position', fs.readSync(r, z, 0, 2, 1n), z.subarray(0, 2).toString());
console.log('position -1', fs.readSync(r, z, 0, 2, -1), z.subarray(0, 2).toString());
fs.closeSync(r);
