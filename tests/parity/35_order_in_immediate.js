// From the check phase: immediates queued by an immediate wait for the next
// turn; ticks and microtasks run after each immediate. (Everything starts in a
// timer callback, where Node guarantees immediates come before new timers.)
setTimeout(() => {
  setImmediate(() => {
    console.log('immediate 1');
    setImmediate(() => {
      console.log('immediate 3 (next turn)');
      process.nextTick(() => console.log('tick after immediate 3'));
    });
    process.nextTick(() => console.log('tick after immediate 1'));
    Promise.resolve().then(() => console.log('promise after immediate 1'));
  });
  setImmediate(() => {
    console.log('immediate 2');
    Promise.resolve().then(() => {
      console.log('promise after immediate 2');
      process.nextTick(() => console.log('tick from that promise'));
    });
  });
  console.log('timer callback');
}, 0);
