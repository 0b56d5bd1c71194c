// A 'warning' listener sees the Error object; the default report still prints.
process.on('warning', (w) => {
  console.log('listener:', w.name, w.message, w.code, w instanceof Error);
});
process.emitWarning('watched', 'WatchWarning', 'W1');
process.emitWarning('second');
process.nextTick(() => console.log('tick after emitWarning'));
console.log('end of main');
