const EventEmitter = require('events');
Error.stackTraceLimit = 0;
new EventEmitter().emit('error', { reason: 42 });
