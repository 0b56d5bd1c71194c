// process.emitWarning with a type, a code, an options object and Error objects.
process.emitWarning('plain warning');
process.emitWarning('typed warning', 'CustomWarning');
process.emitWarning('coded warning', 'CustomWarning', 'CODE001');
process.emitWarning('options warning', { type: 'OptWarning', code: 'OPT01', detail: 'some detail\nmore' });
const err = new Error('error object warning');
err.name = 'ErrWarning';
process.emitWarning(err);
process.emitWarning('deprecated thing', 'DeprecationWarning', 'DEP0999');
console.log('sync end');
