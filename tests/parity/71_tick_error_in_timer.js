// A tick that throws after a timer callback: with a listener, the remaining
// ticks and microtasks run before the check phase's immediates.
process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
setTimeout(() => {
  process.nextTick(() => {
    throw new Error('tick');
  });
  process.nextTick(() => console.log('second tick'));
  Promise.resolve().then(() => console.log('micro'));
  setImmediate(() => console.log('immediate'));
  setTimeout(() => console.log('timeout'), 0);
}, 1);
