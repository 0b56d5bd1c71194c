// Nested objects and arrays past the default depth of 2.
const deep = { a: { b: { c: { d: { e: 1 } } } }, arr: [[[[1, [2]]]]], s: 'x' };
console.log(deep);
console.log([deep, [deep]]);
console.log({ level1: { level2: { level3: 'visible?' }, list: [{ x: { y: 1 } }] } });
console.log(JSON.stringify(deep));
const wide = {};
for (let i = 0; i < 30; i++) wide[`key${i}`] = i % 3 === 0 ? { n: i } : i;
console.log(wide);
console.log({ fn() {}, arrow: () => 1, nested: { inner: [1, 2, 3] } });
