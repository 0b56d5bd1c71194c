const util = require('util');
const { inspect } = util;
class Point { constructor() { this.x = 1; this.y = 2; } get sum() { return this.x + this.y; } }
class Empty {}
const circular = { name: 'root', list: [] };
circular.list.push(circular);
circular.self = circular;
const err = new Error('outer', { cause: new TypeError('inner') });
err.extra = { code: 42 };
err.stack = 'Error: outer\n    at fake (file.js:1:1)';
err.cause.stack = 'TypeError: inner\n    at fake2 (file.js:2:2)';
const nullProto = Object.create(null);
nullProto.a = 1;
const withGetter = { get g() { return 5; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} };
const sym = Symbol('tag');
const values = [
  new Proxy({ a: 1 }, {}), new Proxy(function f() {}, {}), circular, new Map([[1, { a: [1, 2] }], ['k', new Set([1])]]),
  new Set(['a', { b: 2 }]), new Map([[1, 2]]).entries(), new Set([1, 2]).values(), new Map([[1, 2], [3, 4]]).keys(),
  new Uint8Array([1, 2, 3]), new Float64Array(2), new BigInt64Array(1), Buffer.from('hi'), new ArrayBuffer(3),
  new DataView(new ArrayBuffer(2)), new Point(), new Empty(), err, { [sym]: 1, 'a-b': 2, 3: 4 }, nullProto, withGetter,
  [1, , 3, , , 6], Object.assign([1, 2], { extra: true }), -0, 10n, Symbol('s'), 'str\n\'"', () => {}, async function af() {},
  function* gen() {}, class A extends Empty {}, Promise.resolve(4), Promise.reject(new Error('r')).catch(() => {}) && 1,
  new WeakMap(), new WeakSet(), /re/gi, new Date(0), new Date(NaN), Object(1), Object('str'), Object(Symbol('b')),
  Object(5n), Object(true), [undefined, null], { a: { b: { c: { d: { e: 1 } } } } }, Array.from({ length: 120 }, (_, i) => i),
  'x'.repeat(200), { f: function named() {} }, Object.assign(() => {}, { prop: 1 }), new (class extends Map {})(),
  globalThis.Symbol, Math, JSON, (function () { return arguments; })(1, 2),
];
for (const v of values) console.log(inspect(v));
const opts = [
  { depth: 0 }, { depth: Infinity }, { colors: true }, { compact: false }, { compact: 1 }, { breakLength: 20 },
  { sorted: true }, { showHidden: true }, { maxArrayLength: 2 }, { maxStringLength: 5 }, { getters: true },
  { numericSeparator: true }, { showProxy: true },
];
const sample = { z: 1, a: [1, 2, 3, 'long string here'], m: new Map([['k', 'v']]), n: 1234567.891, get g() { return 'got'; },
  p: new Proxy({}, {}), s: 'abcdefghij', nested: { deeper: { deepest: {} } } };
for (const o of opts) console.log(JSON.stringify(o), inspect(sample, o));
console.log(inspect({ [inspect.custom]: (depth, options, insp) => `custom(${depth},${typeof options.stylize},${insp === inspect})` }));
console.log(inspect.defaultOptions);
