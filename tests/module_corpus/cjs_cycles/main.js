const a = require('./a');
const b = require('./b');
console.log(a.done, b.done, a.sawB, b.sawA);
