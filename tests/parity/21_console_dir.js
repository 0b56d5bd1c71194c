// console.dir options, and console.dirxml.
const deep = { a: { b: { c: { d: { e: 'deep' } } } } };
console.dir(deep);
console.dir(deep, { depth: 0 });
console.dir(deep, { depth: null });
console.dir(deep, { depth: Infinity });
console.dir({ s: 'str', n: 1 }, { colors: false });
console.dir({ custom: { [Symbol.for('nodejs.util.inspect.custom')]() { return 'IGNORED?'; } } });
console.dir([1, 2, 3], { compact: false });
console.dir('a string');
console.dir(Array.from({ length: 10 }, (_, i) => i), { maxArrayLength: 3 });
console.dir({ b: 1, a: 2, c: { z: 1, y: 2 } }, { sorted: true });
console.dir({ long: 'x'.repeat(30) }, { maxStringLength: 5, breakLength: 20 });
console.dirxml({ x: 1 }, [2], 'three');
console.dir(new Map([[1, { a: 1 }]]), { showHidden: true });
