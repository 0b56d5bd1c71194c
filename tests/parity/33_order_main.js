// Ordering from the main CommonJS module: sync code, then nextTicks, then
// promise microtasks, then timers/immediates (only orders Node guarantees).
const log = (m) => console.log(m);
setTimeout(() => log('timeout 1'), 1);
Promise.resolve().then(() => log('promise 1'));
process.nextTick(() => log('tick 1'));
queueMicrotask(() => log('microtask 1'));
Promise.resolve().then(() => {
  log('promise 2');
  process.nextTick(() => log('tick from promise'));
  Promise.resolve().then(() => log('promise from promise'));
});
process.nextTick(() => {
  log('tick 2');
  Promise.resolve().then(() => log('promise from tick'));
  process.nextTick(() => log('tick from tick'));
});
log('sync');
