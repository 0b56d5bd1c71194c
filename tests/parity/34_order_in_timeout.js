// Inside a timer callback (no I/O), setImmediate runs before setTimeout(0).
setTimeout(() => {
  setTimeout(() => console.log('timeout 0'), 0);
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('tick'));
  Promise.resolve().then(() => console.log('promise'));
  console.log('in timeout');
}, 0);
