const util = require('util');
const fn = util.deprecate(function original(a) { return a * 2; }, 'original() is old', 'DEP_T1');
console.log(fn(2), fn(3), fn.name, fn.length);
const again = util.deprecate(() => 0, 'same code again', 'DEP_T1');
again();
const noCode = util.deprecate(() => 1, 'no code here');
noCode(); noCode();
try { util.deprecate(() => 0, 'x', 5); } catch (e) { console.log(e.code, e.message); }
console.log(util.isArray([1]), util.isBoolean(true), util.isBuffer(Buffer.alloc(1)), util.isNull(null));
console.log(util.isNullOrUndefined(undefined), util.isNumber(1), util.isString('s'), util.isSymbol(Symbol()));
console.log(util.isUndefined(undefined), util.isRegExp(/x/), util.isObject({}), util.isDate(new Date(0)));
console.log(util.isError(new Error()), util.isFunction(() => {}), util.isPrimitive(1));
console.log(util._extend({ a: 1 }, { b: 2 }));
const sys = require('sys');
console.log(sys === util);
