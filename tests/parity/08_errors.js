// Errors with extra properties, causes, AggregateError and custom classes.
// Stack traces hold host paths and internal frames, so they are disabled here.
Error.stackTraceLimit = 0;
const e = new Error('with props');
e.code = 'E_CODE';
e.details = { a: 1 };
console.log(e);
console.log(new Error('outer', { cause: new Error('inner', { cause: 'root cause string' }) }));
console.log(new AggregateError([new Error('a'), new TypeError('b')], 'many'));
class ValidationError extends Error {
  constructor(message) { super(message); this.name = 'ValidationError'; this.field = 'email'; }
}
console.log(new ValidationError('bad email'));
console.log([new RangeError('in array')], { err: new SyntaxError('in object') });
const noMessage = new Error();
console.log(noMessage);
const renamed = new TypeError('renamed');
renamed.name = 'CustomName';
console.log(renamed);
const stackless = new Error('stackless');
delete stackless.stack;
console.log(stackless);
const custom = new Error('custom stack');
custom.stack = 'Error: custom stack\n    at fake (/root/fake.js:1:1)';
console.log(custom);
const replaced = new Error('msg');
replaced.stack = 'totally different';
console.log(replaced);
console.log(Object.assign(new Error('x'), { name: 'Other' }));
console.log(String(new Error('to string')), `${new TypeError('tmpl')}`);
console.log(new Error('cause undefined', { cause: undefined }));
const circularCause = new Error('self');
circularCause.cause = circularCause;
console.log(circularCause);
console.log({ nested: { deeper: { error: new Error('deep') } } });
