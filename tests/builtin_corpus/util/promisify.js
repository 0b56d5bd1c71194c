const util = require('util');
const custom = util.promisify.custom;
console.log(custom === Symbol.for('nodejs.util.promisify.custom'));
function withCustom() {}
withCustom[custom] = () => Promise.resolve('custom!');
console.log(util.promisify(withCustom) === withCustom[custom]);
const p = util.promisify(function named(a, b, cb) { cb(null, a + b); });
console.log(p.name, typeof p, util.promisify(p) === p);
(async () => {
  console.log(await p(1, 2));
  const failing = util.promisify((cb) => cb(Object.assign(new Error('nope'), { code: 'EX' })));
  try { await failing(); } catch (e) { console.log(e.message, e.code); }
  for (const bad of [null, 1, 'x', {}]) {
    try { util.promisify(bad); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  const badCustom = () => {};
  badCustom[custom] = 5;
  try { util.promisify(badCustom); } catch (e) { console.log(e.code, e.message); }
  const cb = util.callbackify(async (x) => x * 2);
  console.log(cb.name, cb.length);
  cb(21, (err, v) => console.log('callbackified', err, v));
  util.callbackify(async () => { throw new Error('rej'); })((err) => console.log('rejected', err.message));
  util.callbackify(async () => { throw undefined; })((err) => console.log(err.code, err.reason));
  try { util.callbackify('x'); } catch (e) { console.log(e.code, e.message); }
})();
