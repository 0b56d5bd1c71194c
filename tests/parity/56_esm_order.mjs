// In an ES module, promise microtasks run before nextTicks queued from the
// module body (the body itself runs inside a microtask).
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise'));
queueMicrotask(() => console.log('microtask'));
setTimeout(() => {
  console.log('timeout');
  process.nextTick(() => console.log('tick in timeout'));
  Promise.resolve().then(() => console.log('promise in timeout'));
}, 0);
await null;
console.log('after top-level await');
