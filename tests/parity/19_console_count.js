// console.count, countReset and the warning for an unknown label.
console.count();
console.count();
console.count('x');
console.count('default');
console.countReset();
console.count();
console.countReset('nope');
console.count({ toString() { return 'obj'; } });
console.count('obj');
console.count(undefined);
console.count(null);
console.count(1);
console.countReset('x');
console.count('x');
setTimeout(() => console.log('after warnings'), 1);
