// An 'error' event without a listener: the Error is thrown from emit(), and
// the report says where it was emitted.
// parity: uncaught
const EventEmitter = require('events');
class Database extends EventEmitter {}
const db = new Database();
db.on('data', () => {});
console.log('emitting');
db.emit('error', new Error('connection refused'));
