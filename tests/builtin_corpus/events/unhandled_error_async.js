const EventEmitter = require('events');
Error.stackTraceLimit = 1;
const e = new EventEmitter();
(async () => {
  await null;
  e.emit('error', new Error('async nobody'));
})();
