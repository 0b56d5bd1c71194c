// setInterval runs until clearInterval; arguments are passed; timer objects.
let n = 0;
const iv = setInterval((label) => {
  n++;
  console.log(label, n);
  if (n === 3) {
    clearInterval(iv);
    console.log('cleared');
    setTimeout((a, b, c) => console.log('args', a, b, c), 1, 1, 'two', [3]);
  }
}, 1, 'tick');
const t = setTimeout(() => {}, 1);
console.log(typeof t, typeof t.ref, typeof t.unref, t.hasRef(), typeof t[Symbol.toPrimitive]);
clearTimeout(t);
const cleared = setInterval(() => console.log('never'), 1);
clearInterval(cleared);
const byId = setTimeout(() => console.log('never by id'), 1);
clearTimeout(+byId);
setImmediate((x) => console.log('immediate arg', x), 'imm');
const imm = setImmediate(() => console.log('never immediate'));
clearImmediate(imm);
clearTimeout(undefined);
clearTimeout(null);
clearTimeout({});
clearInterval('nothing');
try {
  setTimeout('not a function', 1);
} catch (err) {
  console.log(err.name, err.code, err.message);
}
