// An unhandled rejection with an Error reason and no listener: exit 1.
// parity: uncaught
process.on('exit', (c) => console.log('exit', c));
const err = new Error('rejected with error');
err.status = 500;
Promise.reject(err);
setTimeout(() => console.log('never: timer'), 10);
console.log('sync end');
