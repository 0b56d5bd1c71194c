const assert = require('assert');
const show = (label, fn) => {
  try { fn(); console.log(label, 'passed'); } catch (e) { console.log(`--- ${label}: ${e.name} ${e.code}`); console.log(e.message); }
};
show('throws none', () => assert.throws(() => {}));
show('throws none msg', () => assert.throws(() => {}, 'should throw'));
show('throws class', () => assert.throws(() => { throw new TypeError('t'); }, TypeError));
show('throws wrong class', () => assert.throws(() => { throw new TypeError('t'); }, RangeError));
show('throws regexp', () => assert.throws(() => { throw new Error('hello'); }, /hell/));
show('throws regexp miss', () => assert.throws(() => { throw new Error('hello'); }, /bye/));
show('throws object', () => assert.throws(() => { throw new Error('x'); }, { message: 'x', name: 'Error' }));
show('throws object miss', () => assert.throws(() => { throw Object.assign(new Error('x'), { code: 'A' }); }, { message: 'x', code: 'B' }));
show('throws validator', () => assert.throws(() => { throw new Error('v'); }, (e) => e.message === 'v'));
show('throws validator false', () => assert.throws(() => { throw new Error('v'); }, () => false));
show('throws bad arg', () => assert.throws('not fn'));
show('throws ambiguous', () => assert.throws(() => { throw new Error('same'); }, 'same'));
show('throws empty obj', () => assert.throws(() => { throw new Error('e'); }, {}));
show('doesNotThrow', () => assert.doesNotThrow(() => { throw new Error('oops'); }));
show('doesNotThrow msg', () => assert.doesNotThrow(() => { throw new Error('oops'); }, 'extra'));
show('doesNotThrow other', () => assert.doesNotThrow(() => { throw new TypeError('t'); }, RangeError));
(async () => {
  const showAsync = async (label, p) => {
    try { await p(); console.log(label, 'passed'); } catch (e) { console.log(`--- ${label}: ${e.name} ${e.code}`); console.log(e.message); }
  };
  await showAsync('rejects ok', () => assert.rejects(Promise.reject(new Error('r')), /r/));
  await showAsync('rejects resolved', () => assert.rejects(Promise.resolve(1)));
  await showAsync('rejects fn', () => assert.rejects(async () => { throw new TypeError('x'); }, RangeError));
  await showAsync('rejects not promise', () => assert.rejects(() => 1));
  await showAsync('doesNotReject', () => assert.doesNotReject(Promise.reject(new Error('dnr'))));
  await showAsync('doesNotReject ok', () => assert.doesNotReject(Promise.resolve(1)));
})();
