// A tick that throws between immediates: the next immediate still runs in the
// same turn, and the leftover ticks and microtasks run after it.
process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
setImmediate(() => {
  process.nextTick(() => {
    throw new Error('tick');
  });
  process.nextTick(() => console.log('second tick'));
  Promise.resolve().then(() => console.log('micro'));
  setImmediate(() => console.log('immediate'));
});
setImmediate(() => console.log('sibling immediate'));
