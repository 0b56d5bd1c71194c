// console.table with arrays of objects, primitives, nested values and columns.
console.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }]);
console.table([1, 'two', { three: 3 }]);
console.table(['apples', 'oranges', 'bananas']);
console.table([{ name: 'x', nested: { deep: { deeper: 1 } } }, { name: 'y', list: [1, 2, 3, 4, 5] }]);
console.table({ row1: { c1: 1, c2: 2 }, row2: { c1: 3, c3: 4 } });
console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['a']);
console.table([{ a: 1, b: 2 }], ['b', 'missing']);
console.table([]);
console.table({});
console.table('not tabular');
console.table(42);
console.table(null);
console.table([[1, 2], [3, 4, 5]]);
console.table([{ 'unicode ✓': '漢字', emoji: '😀' }]);
console.table([{ s: 'multi\nline' }, { s: "quote'd" }]);
console.table([{ f() {}, sym: Symbol('s'), u: undefined, n: null, big: 10n }]);
console.table([1, 2], ['x']);
