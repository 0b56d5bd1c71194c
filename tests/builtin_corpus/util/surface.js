const util = require('util');
console.log(Object.keys(util).join(' '));
console.log(Object.keys(util.types).join(' '));
console.log(util.format('%s %d %i %f %j %o %O %c %%', 'a', 1.5, 2.7, '3.5', { x: 1 }, [1], { y: 2 }, 'css'));
console.log(util.types.isProxy(new Proxy({}, {})), util.types.isGeneratorObject((function* () {})()), util.types.isUint8Array(Buffer.alloc(1)), util.types.isSharedArrayBuffer(new ArrayBuffer(1)));
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']));
console.log(util.parseArgs({ args: ['-f', '--bar', 'b', 'pos'], options: { foo: { type: 'boolean', short: 'f' }, bar: { type: 'string' } }, allowPositionals: true }));
try { util.parseArgs({ args: ['--nope'], options: {} }); } catch (e) { console.log(e.code, e.message); }
const m = new util.MIMEType('text/html; charset=utf-8');
console.log(m, String(m), m.essence, m.params.get('charset'));
console.log(util.styleText('red', 'x'), util.styleText(['bold', 'underline'], 'y', { validateStream: false }));
try { util.styleText('nope', 'x'); } catch (e) { console.log(e.code, e.message); }
console.log(util.stripVTControlCharacters('\u001b[31mhi\u001b[39m'), util.toUSVString('a\ud800b'));
console.log(util.getSystemErrorName(-2), util.getSystemErrorMessage(-13), util.getSystemErrorMap().size);
try { util.getSystemErrorName(2); } catch (e) { console.log(e.code, e.message); }
function Old(cb) { cb(null, 5); }
util.promisify(Old)().then((v) => console.log('promisified', v));
try { util.promisify(5); } catch (e) { console.log(e.code, e.message); }
util.callbackify(async () => null)((err, v) => console.log('cbify', err, v));
util.callbackify(() => Promise.reject(null))((err) => console.log('cbify rej', err.code, err.message, err.reason));
function A() {} function B() {}
util.inherits(A, B); console.log(Object.getPrototypeOf(A.prototype) === B.prototype, A.super_ === B);
try { util.inherits(A, null); } catch (e) { console.log(e.code, e.message); }
console.log(util.parseEnv('A=1\nB="x\\ny"\n#c\nexport C = 3 # hi\nD=\'q\'\nE=\nF = `bt` \n G=unterminated "q'));
const d = util.deprecate(() => 1, 'dep msg', 'DEP0999'); d(); d();
util.isArray([]); util.isArray([]);
console.log(util.inspect.custom, typeof util.inspect.defaultOptions, util.TextEncoder === TextEncoder, util.TextDecoder === TextDecoder);
console.log(util.types === require('util/types'));
console.log(util.diff ? util.diff('abc', 'abd') : 'nodiff');
