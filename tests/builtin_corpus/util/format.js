const util = require('util');
const cases = [
  ['%s', 'str'], ['%s', 42], ['%s', -0], ['%s', 10n], ['%s', Symbol('s')], ['%s', null], ['%s', undefined],
  ['%s', { a: { b: { c: 1 } } }], ['%s', [1, [2, [3, [4]]]]], ['%s', Object.assign(new Error('e1'), { stack: 'Error: e1\n    at here (x.js:1:1)' })], ['%s', function foo() {}],
  ['%d', '42'], ['%d', 1.5], ['%d', 10n], ['%d', {}], ['%d', Symbol('x')],
  ['%i', 42.9], ['%i', '-7.5'], ['%i', 10n], ['%f', '1.25'], ['%f', Symbol('y')],
  ['%j', { a: [1, 2] }], ['%j', 'x'],
  ['%o', { f() {}, a: [1, 2, { b: 3 }] }], ['%O', { a: { b: { c: { d: 1 } } } }], ['%c', 'color: red'],
  ['%%s %s', 'x'], ['%s %s', 'only-one'], ['no placeholders', 1, 'two', { three: 3 }], ['%x %s', 'a'],
];
for (const [fmt, ...args] of cases) console.log(JSON.stringify(util.format(fmt, ...args)));
const circular = { name: 'c' };
circular.self = circular;
console.log(util.format('%j', circular));
console.log(util.format(1, 2, '3'), util.format(), util.format('%s'));
console.log(util.formatWithOptions({ colors: true }, '%O and %s', { a: 1 }, 'text'));
console.log(util.formatWithOptions({ compact: false }, { a: [1, 2] }));
try { util.formatWithOptions(null, 'x'); } catch (e) { console.log(e.code, e.message); }
