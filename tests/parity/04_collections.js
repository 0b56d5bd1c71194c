// Map, Set, WeakMap, WeakSet, including nesting and extra properties.
const m = new Map([[1, 'one'], ['two', 2], [{ k: 1 }, [1, 2]], [null, undefined]]);
console.log(m);
console.log(new Set([1, 'a', { b: 2 }, [3], new Set([4])]));
console.log(new Map([[new Map([[1, 2]]), new Set([new Map()])]]));
console.log(new Map(), new Set());
const wm = new WeakMap([[{}, 1]]);
const ws = new WeakSet([{}]);
console.log(wm, ws);
const tagged = new Map([['a', 1]]);
tagged.extra = true;
console.log(tagged);
console.log({ nested: { deeper: { map: new Map([['k', { v: 1 }]]), set: new Set([1]) } } });
console.log(new Map(Array.from({ length: 120 }, (_, i) => [i, i])).size);
console.log(new Set(Array.from({ length: 105 }, (_, i) => i)));
class MyMap extends Map {}
console.log(new MyMap([[1, 2]]));
