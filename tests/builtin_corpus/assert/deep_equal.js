const assert = require('assert');
const { isDeepStrictEqual } = require('util');
const pairs = [
  [1, 1], [1, '1'], [NaN, NaN], [0, -0], [[1, 2], [1, 2]], [{ a: 1 }, { a: 1, b: undefined }],
  [new Date(0), new Date(0)], [new Date(0), new Date(1)], [/a/g, /a/g], [/a/g, /a/i],
  [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])], [new Set([{ a: 1 }]), new Set([{ a: 1 }])],
  [Buffer.from('ab'), Buffer.from('ab')], [Buffer.from('ab'), Buffer.from('ac')], [new Uint8Array([1]), new Int8Array([1])],
  [new Error('x'), new Error('x')], [new Error('x'), new TypeError('x')], [Object(1), Object(1)], [Object(1), 1],
  [[1, , 3], [1, undefined, 3]], [{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 1 }], [{ [Symbol.for('s')]: 1 }, {}],
];
for (const [a, b] of pairs) {
  let loose = true;
  try { assert.deepEqual(a, b); } catch { loose = false; }
  console.log(isDeepStrictEqual(a, b), loose);
}
const a = { x: 1 }; a.self = a;
const b = { x: 1 }; b.self = b;
console.log(isDeepStrictEqual(a, b));
