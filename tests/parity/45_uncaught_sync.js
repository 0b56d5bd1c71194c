// A synchronous throw from the main module: source line header and report.
// parity: uncaught
console.log('before');
function fail() {
  if (true) { throw new TypeError('sync failure', { cause: 'E_SYNC' }); }
}
fail();
