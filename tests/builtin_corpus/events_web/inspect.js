// Inspect output of the web event classes (timeStamp is not printed by value).
const util = require('util');
const shape = (s) => s.replace(/timeStamp: [\d.e+-]+/g, 'timeStamp: N');
console.log(shape(util.inspect(new Event('foo'))));
console.log(shape(util.inspect(new CustomEvent('bar', { detail: 1, cancelable: true }))));
console.log(util.inspect(new EventTarget()));
console.log(shape(util.inspect({ deep: { deeper: { e: new Event('x') } } })));
console.log(util.inspect({ deep: { deeper: { t: new EventTarget() } } }));
const ac = new AbortController();
console.log(ac, ac.signal, [ac.signal]);
ac.abort('why');
console.log(ac.signal, util.inspect({ a: { b: { c: ac } } }));
console.log(AbortSignal.abort(), typeof AbortSignal.abort().reason);
class MyTarget extends EventTarget {}
console.log(new MyTarget());
