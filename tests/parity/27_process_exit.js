// process.exit() stops at once: nothing scheduled runs, 'exit' listeners do.
process.on('exit', (code) => {
  console.log('exit listener', code);
  setTimeout(() => console.log('never: timer in exit'), 0);
  process.nextTick(() => console.log('never: tick in exit'));
});
setTimeout(() => console.log('never: timer'), 0);
Promise.resolve().then(() => console.log('never: microtask'));
process.nextTick(() => console.log('never: tick'));
console.log('before exit');
process.exit(4);
console.log('never: after exit');
