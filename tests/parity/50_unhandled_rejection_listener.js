// An 'unhandledRejection' listener receives reason and promise; no crash.
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandled:', reason instanceof Error ? reason.message : reason, promise instanceof Promise);
});
Promise.reject(new Error('first'));
Promise.reject(undefined);
Promise.reject(7);
const late = Promise.reject(new Error('handled later in same tick'));
late.catch(() => console.log('caught late'));
(async () => {
  throw new Error('async throw');
})();
setTimeout(() => console.log('still running', process.exitCode), 1);
