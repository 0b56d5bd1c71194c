// console.assert in its forms: passing, failing with format, objects and no message.
console.assert(true, 'never printed');
console.assert(1 === 1);
console.assert(false, 'failed: %s is %d', 'x', 5);
console.assert(0);
console.assert(null, { obj: 1 });
console.assert('', 'empty string is falsy', 'extra');
console.assert(false, { first: 'object' }, 'then string');
console.assert(false, 42);
console.log('done');
