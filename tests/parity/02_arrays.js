// Long arrays (more than 100 items), sparse arrays, arrays with extra properties.
console.log(Array.from({ length: 150 }, (_, i) => i));
console.log(Array.from({ length: 101 }, (_, i) => `item${i}`));
console.log(new Array(5));
console.log([1, , 3, , , 6]);
const sparse = [];
sparse[2] = 'two';
sparse[10] = 'ten';
console.log(sparse, sparse.length);
const extra = [1, 2, 3];
extra.label = 'tagged';
extra[-1] = 'neg';
console.log(extra);
console.log([[]], [{}], [[1, [2, [3, [4, [5]]]]]]);
console.log(Array.from({ length: 27 }, (_, i) => i * 1000));
console.log(Array.from({ length: 8 }, (_, i) => 'abcdefghijklmnop'.slice(0, i + 1)));
console.log([undefined, null, NaN, -0, 0, Infinity]);
