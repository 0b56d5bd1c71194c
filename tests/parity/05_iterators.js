// Map and Set iterators, entries(), partially consumed iterators, and that
// inspecting an iterator does not change what it yields afterwards.
const m = new Map([['a', 1], ['b', { deep: { er: { est: 1 } } }], ['c', 3]]);
console.log(m.entries());
console.log(m.keys());
console.log(m.values());
console.log(m[Symbol.iterator]());
const s = new Set(['x', 'y', 'z']);
console.log(s.values(), s.keys(), s.entries());
const it = m.keys();
it.next();
console.log(it);
console.log([...it]);
console.log(it);
const it2 = s.values();
console.log(it2);
console.log(it2.next(), [...it2]);
console.log(new Map().entries(), new Set().values());
console.log({ iter: m.values() });
console.log([1, 2][Symbol.iterator](), 'ab'[Symbol.iterator](), [1].entries());
function* gen() { yield 1; }
console.log(gen());
const big = new Set(Array.from({ length: 120 }, (_, i) => i));
console.log(big.values());
// A previewed iterator stays live: later changes to its collection show up.
const live = new Map([['k1', 1], ['k2', 2], ['k3', 3]]);
const liveKeys = live.keys();
liveKeys.next();
console.log(liveKeys);
live.set('k4', 4);
live.delete('k2');
console.log(liveKeys);
console.log(liveKeys.next(), [...liveKeys], liveKeys.next());
const liveSet = new Set([1, 2]);
const setEntries = liveSet.entries();
console.log(setEntries);
liveSet.add(3);
console.log([...setEntries], setEntries);
console.log(Object.prototype.toString.call(setEntries), typeof setEntries.next, Object.keys(setEntries));
