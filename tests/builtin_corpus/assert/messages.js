const assert = require('assert');
const tries = {
  strictEqual: () => assert.strictEqual(1, 2),
  strictEqualStrings: () => assert.strictEqual('hello world', 'hello there'),
  strictEqualMultiline: () => assert.strictEqual('a\nb\nc', 'a\nB\nc'),
  strictEqualSameLook: () => assert.strictEqual({ a: 1 }, { a: 1 }),
  notStrictEqual: () => assert.notStrictEqual(1, 1),
  equal: () => assert.equal(1, 2),
  notEqual: () => assert.notEqual('1', 1),
  deepEqual: () => assert.deepEqual({ a: [1, 2] }, { a: [1, 3] }),
  deepStrictEqual: () => assert.deepStrictEqual({ a: 1, b: { c: [1, 2, 3] } }, { a: 1, b: { c: [1, 2, 4] } }),
  deepStrictEqualTypes: () => assert.deepStrictEqual([1, 2], ['1', 2]),
  deepStrictEqualMap: () => assert.deepStrictEqual(new Map([['k', 1]]), new Map([['k', 2]])),
  deepStrictEqualSet: () => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])),
  deepStrictEqualProto: () => assert.deepStrictEqual(Object.create(null), {}),
  deepStrictEqualLong: () => assert.deepStrictEqual(Array.from({ length: 40 }, (_, i) => i), Array.from({ length: 40 }, (_, i) => (i === 20 ? -1 : i))),
  notDeepStrictEqual: () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }),
  notDeepEqual: () => assert.notDeepEqual([1], ['1']),
  ok: () => assert.ok(0),
  okExpression: () => assert.ok(typeof 123 === 'string'),
  okMultiline: () => assert(
    [1, 2].includes(3),
  ),
  okNoArgs: () => assert.ok(),
  okMessage: () => assert.ok(false, 'custom message'),
  okError: () => assert.ok(false, new TypeError('own error')),
  fail: () => assert.fail(),
  failMessage: () => assert.fail('failing'),
  failError: () => assert.fail(new RangeError('range')),
  match: () => assert.match('abc', /^x/),
  matchNotString: () => assert.match(123, /x/),
  doesNotMatch: () => assert.doesNotMatch('abc', /b/),
  ifError: () => assert.ifError(new Error('inner')),
  ifErrorValue: () => assert.ifError('not an error'),
  strictMode: () => assert.strict.equal(1, '1'),
  strictDeep: () => assert.strict.deepEqual([1], ['1']),
  missingArgs: () => assert.strictEqual(1),
};
for (const [name, fn] of Object.entries(tries)) {
  try {
    fn();
    console.log(name, 'did not throw');
  } catch (e) {
    console.log(`--- ${name}: ${e.name} ${e.code} generated=${e.generatedMessage} operator=${e.operator}`);
    console.log(e.message);
  }
}
const err = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(err.name, err.code, err.actual, err.expected, err.operator, err.generatedMessage);
console.log(Object.keys(assert).join(' '));
console.log(assert.strict.strict === assert.strict, require('assert/strict') === assert.strict);
