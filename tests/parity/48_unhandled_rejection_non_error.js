// An unhandled rejection with a non-Error reason and no listener.
// parity: uncaught
console.log('start');
Promise.reject({ reason: 'object', code: 42 });
