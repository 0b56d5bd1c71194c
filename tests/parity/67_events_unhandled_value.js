// An 'error' event with a non-Error value and no listener: ERR_UNHANDLED_ERROR.
// parity: uncaught
const { EventEmitter } = require('node:events');
const emitter = new EventEmitter();
setTimeout(() => emitter.emit('error', { code: 42, nested: { deep: true } }), 1);
