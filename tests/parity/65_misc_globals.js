// Globals a program commonly touches, printed through inspect.
console.log(typeof globalThis, global === globalThis, typeof structuredClone, typeof queueMicrotask);
console.log(structuredClone({ a: [1, new Date(0), new Map([[1, 2]])] }));
console.log([typeof setTimeout, typeof setImmediate, typeof clearImmediate, typeof Buffer]);
console.log(Buffer.from('abc'), Buffer.byteLength('ünï'), Buffer.isBuffer(new Uint8Array(1)));
console.log(typeof require, typeof module, typeof exports, module.exports === exports);
console.log(this === module.exports, typeof __filename);
console.log(Object.prototype.toString.call(null), Object.prototype.toString.call([]));
console.log(JSON.stringify({ u: undefined, f() {}, s: Symbol('x'), n: null, d: new Date(0) }));
console.log(Array.isArray([]), Number.MAX_SAFE_INTEGER, Math.max());
