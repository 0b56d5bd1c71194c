// An unhandled rejection from an async function with a string reason.
// parity: uncaught
async function f() {
  await null;
  throw 'string reason';
}
f();
process.nextTick(() => console.log('tick runs first'));
