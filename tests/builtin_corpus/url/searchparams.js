// URLSearchParams: construction forms, ops, sort, iteration, errors.
const forms = [
  '', '?', '?a=1', 'a=1&a=2&b', '&&a=b=c&', 'a+b=c+d', '%zz=%41%', 'ü=😀', 'a=%F0%9F%98%80',
  [['x', '1'], ['y', '2']], new Map([['m', 'n']]), { k: 'v', n: 1, u: undefined }, null, undefined, 42,
];
for (const init of forms) {
  const p = new URLSearchParams(init);
  console.log(JSON.stringify(String(init)), '->', p.toString(), p.size, [...p]);
}
const p = new URLSearchParams('z=1&a=2&z=3&b=4&a=5');
p.sort();
console.log(p.toString());
p.set('z', 'last');
console.log(p.toString(), p.getAll('a'), p.get('nope'), p.has('a'), p.has('a', '5'), p.has('a', '9'));
p.delete('a', '2');
console.log(p.toString());
p.delete('a');
console.log(p.toString());
p.append('sp ace', 'a&b=c/d?e#f~!*()\'');
console.log(p.toString());
const seen = [];
p.forEach(function (value, key, self) { seen.push([key, value, self === p, this.t]); }, { t: 1 });
console.log(seen);
console.log([...p.keys()], [...p.values()], [...p.entries()], typeof p[Symbol.iterator]);
const sortMe = new URLSearchParams('\uFFFD=x&\uD83D\uDE00=y&\u00E9=z&e=w');
sortMe.sort();
console.log([...sortMe.keys()]);
console.log(new URLSearchParams({ '\uD800': '\uDC00' }).toString());
const errs = [
  () => new URLSearchParams([[1]]),
  () => new URLSearchParams([1]),
  () => new URLSearchParams({ [Symbol.iterator]: 42 }),
  () => new URLSearchParams([['a', 'b', 'c']]),
  () => p.append('a'),
  () => p.get(),
  () => p.set('x'),
  () => p.forEach(42),
  () => URLSearchParams.prototype.get.call({}, 'a'),
  () => URLSearchParams.prototype.keys.call(1),
];
for (const fn of errs) {
  try {
    fn();
    console.log('no throw');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
console.log(Object.getOwnPropertyNames(URLSearchParams.prototype), Object.prototype.toString.call(p), Object.prototype.toString.call(p.keys()));
