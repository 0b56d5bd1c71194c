// Node's own argument errors: class, code, message and how they print.
const show = (fn) => {
  try {
    fn();
  } catch (err) {
    console.log(err.name, err.code, err instanceof TypeError || err instanceof RangeError);
    console.log(' ', err.message);
    console.log(' ', String(err), '|', err.stack.split('\n')[0]);
    console.log(' ', Object.keys(err), err.constructor.name);
  }
};
show(() => process.nextTick(42));
show(() => setTimeout('string callback'));
show(() => setImmediate({ an: 'object' }));
show(() => queueMicrotask(null));
show(() => process.emitWarning(5));
show(() => process.emitWarning('x', 5));
show(() => process.emitWarning('x', 'Type', 5));
show(() => { process.exitCode = 'abc'; });
show(() => { process.exitCode = 1.5; });
show(() => { process.exitCode = 2 ** 60; });
show(() => { process.exitCode = true; });
show(() => process.chdir(7));
show(() => console.table([], 'not an array'));
show(() => require(5));
show(() => process.nextTick(new (class Named {})()));
show(() => setInterval(Symbol('sym')));
show(() => setTimeout(10n));
show(() => setTimeout('a string that is much longer than twenty-eight characters'));
show(() => setTimeout("it's quoted"));
show(() => setTimeout(Object.create(null)));
console.log(process.exitCode);
