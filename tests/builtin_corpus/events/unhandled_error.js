const EventEmitter = require('events');
Error.stackTraceLimit = 1;
class Thing extends EventEmitter {}
const t = new Thing();
console.log('before');
t.emit('error', new Error('nobody listens'));
