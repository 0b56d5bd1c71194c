// timers/promises: values, ordering, AbortSignal, validation errors.
const tp = require('timers/promises');
const { promisify } = require('util');
const show = (err) => console.log(err.name, err.code, err.message, err.cause === undefined ? 'no cause' : String(err.cause?.name ?? err.cause));
(async () => {
  console.log(await tp.setTimeout(2, 'value'), await tp.setImmediate('imm'), await tp.setTimeout());
  const order = [];
  await Promise.all([
    tp.setTimeout(5).then(() => order.push('t5')),
    tp.setImmediate().then(() => order.push('imm')),
    tp.setTimeout(1).then(() => order.push('t1')),
  ]);
  console.log(order);
  const ac = new AbortController();
  const p = tp.setTimeout(1000, 'never', { signal: ac.signal });
  ac.abort();
  await p.catch(show);
  const ac2 = new AbortController();
  const p2 = tp.setImmediate('x', { signal: ac2.signal });
  ac2.abort(new Error('custom reason'));
  await p2.catch(show);
  await tp.setTimeout(1, 'x', { signal: AbortSignal.abort('pre') }).catch(show);
  await tp.setImmediate('x', { signal: AbortSignal.abort() }).catch(show);
  const timeoutSignal = AbortSignal.timeout(3);
  await tp.setTimeout(10000, 'x', { signal: timeoutSignal }).catch(show);
  for (const args of [['1'], [1, 'v', null], [1, 'v', { signal: {} }], [1, 'v', { ref: 'no' }], [1, 'v', 'opts']]) {
    await tp.setTimeout(...args).then((v) => console.log('resolved', v), show);
  }
  await tp.setImmediate('v', { ref: 1 }).catch(show);
  console.log(await promisify(setTimeout)(1, 'promisified'), await promisify(setImmediate)('pimm'));
  console.log(await tp.scheduler.wait(1), await tp.scheduler.yield());
  try { tp.scheduler.wait.call({}, 1); } catch (err) { show(err); }
  try { new tp.scheduler.constructor(); } catch (err) { show(err); }
  let n = 0;
  for await (const v of tp.setInterval(2, 'tick')) {
    console.log(v, ++n);
    if (n === 3) break;
  }
  const ac3 = new AbortController();
  try {
    for await (const v of tp.setInterval(2, 'x', { signal: ac3.signal })) {
      console.log('interval', v);
      ac3.abort();
    }
  } catch (err) {
    show(err);
  }
  try {
    for await (const v of tp.setInterval('2')) console.log(v);
  } catch (err) {
    show(err);
  }
  const unref = tp.setTimeout(100000, 'x', { ref: false });
  unref.then(() => console.log('never'));
  console.log(Object.keys(tp), typeof require('timers').promises, require('timers').promises === tp);
})();
