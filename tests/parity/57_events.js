// EventEmitter basics and how emitters and listeners are inspected.
const EventEmitter = require('events');
const { once } = require('events');
const e = new EventEmitter();
e.on('a', function (x) { console.log('a1', x, this === e); });
e.prependListener('a', () => console.log('a0'));
e.once('a', () => console.log('a once'));
e.emit('a', 1);
e.emit('a', 2);
console.log(e.eventNames(), e.listenerCount('a'), e.emit('none'));
e.removeAllListeners('a');
console.log(e.listenerCount('a'));
try {
  e.emit('error', new Error('unhandled error event'));
} catch (err) {
  console.log('threw', err.message);
}
try {
  e.emit('error', 'not an error');
} catch (err) {
  console.log('threw', err.message, err.code);
}
once(e, 'later').then((v) => console.log('once resolved', v));
e.emit('later', 'value');
class Sub extends EventEmitter {}
console.log(new Sub() instanceof EventEmitter, typeof EventEmitter.EventEmitter);
