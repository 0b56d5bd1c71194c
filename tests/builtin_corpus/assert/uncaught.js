const assert = require('assert');
Error.stackTraceLimit = 1;
console.log('start');
assert.deepStrictEqual({ list: [1, 2, 3], name: 'x' }, { list: [1, 2, 4], name: 'x' });
