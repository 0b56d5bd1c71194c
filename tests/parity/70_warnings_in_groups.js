// Warnings print through the global console, so group indentation applies,
// and the "--trace-warnings" hint appears once.
console.group('outer');
process.emitWarning('first warning');
console.countReset('missing');
setTimeout(() => {
  console.group('inner');
  process.emitWarning('later warning', { type: 'LateWarning', code: 'L1', detail: 'line one\nline two' });
  process.emitWarning(new RangeError('error instance as warning'));
  setTimeout(() => {
    console.groupEnd();
    console.groupEnd();
    console.time('t');
    console.time('t');
    process.emitWarning('deprecated', 'DeprecationWarning', 'DEP0001');
  }, 1);
}, 1);
