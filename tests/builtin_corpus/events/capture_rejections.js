const EventEmitter = require('events');
const e = new EventEmitter({ captureRejections: true });
e.on('go', async () => { throw new Error('async boom'); });
e.on('error', (err) => console.log('captured', err.message));
e.emit('go');
const custom = new EventEmitter({ captureRejections: true });
custom[EventEmitter.captureRejectionSymbol] = (err, name, ...args) => console.log('symbol handler', err.message, name, args);
custom.on('evt', async (x) => { throw new Error('custom ' + x); });
custom.emit('evt', 7);
try { new EventEmitter({ captureRejections: 'yes' }); } catch (err) { console.log(err.code, err.message); }
console.log(EventEmitter.captureRejections);
