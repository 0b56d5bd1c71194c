// An uncaught exception from a timer without a listener: report and exit 1.
// parity: uncaught
process.on('exit', (code) => console.log('exit listener sees', code));
setTimeout(() => {
  console.log('in timer');
  throw Object.assign(new Error('timer failure'), { extra: { info: [1, 2] } });
}, 1);
setTimeout(() => console.log('never: later timer'), 50);
