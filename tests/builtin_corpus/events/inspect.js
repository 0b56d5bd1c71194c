const EventEmitter = require('events');
const e = new EventEmitter();
const handler = () => {};
e.on('x', handler);
console.log(e);
console.log(require('util').inspect(e, { showHidden: true }));
class Custom extends EventEmitter {}
console.log(new Custom({ captureRejections: true }));
console.log(Object.getOwnPropertyNames(EventEmitter.prototype).join(' '));
console.log(EventEmitter.prototype.emit.name, EventEmitter.prototype.on === EventEmitter.prototype.addListener);
console.log(EventEmitter.errorMonitor.toString(), EventEmitter.captureRejectionSymbol.toString());
