// console.time warnings (elapsed times are not printed: they vary).
console.time('a');
console.time('a');
console.timeEnd('missing');
console.timeLog('missing too');
console.time();
console.time();
console.countReset('unknown count');
setTimeout(() => console.log('warnings are printed on the next tick'), 0);
console.log('sync');
