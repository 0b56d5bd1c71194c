// Unref'd timers do not keep the process alive; ref() restores them.
const unrefed = setTimeout(() => console.log('never: unref timer'), 50);
unrefed.unref();
console.log('hasRef after unref', unrefed.hasRef());
const reref = setTimeout(() => console.log('reref timer fires'), 2);
reref.unref();
reref.ref();
const imm = setImmediate(() => console.log('never: unref immediate'));
imm.unref();
const iv = setInterval(() => console.log('never: unref interval'), 100);
iv.unref();
process.on('exit', () => console.log('exit', unrefed.hasRef(), reref.hasRef()));
