const { inspect } = require('util');
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
const e = new MyError('custom');
e.stack = 'MyError: custom\n    at somewhere (x.js:1:1)';
console.log(inspect(e));
const noStack = new RangeError('nostack');
noStack.stack = undefined;
console.log(inspect(noStack));
const agg = new AggregateError([new Error('a')], 'many');
agg.stack = 'AggregateError: many';
agg.errors[0].stack = 'Error: a';
console.log(inspect(agg));
const loop = new Error('loop');
loop.stack = 'Error: loop';
loop.cause = loop;
console.log(inspect(loop));
console.log(inspect(Object.create(Array.prototype)), inspect(Object.create(Point.prototype)));
function Point() {}
console.log(inspect(new (class { constructor() { this[Symbol.toStringTag] = 'Tagged'; } })()));
console.log(inspect(Object.setPrototypeOf({ a: 1 }, null)), inspect(Object.setPrototypeOf([1], null)));
console.log(inspect({ a: 1, b: 'two', c: [3] }, { colors: true }));
console.log(inspect(new Map([[{ a: 1 }, [1, 2]]]), { compact: false, breakLength: 10 }));
