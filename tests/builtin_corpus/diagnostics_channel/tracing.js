const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');
const tc = dc.tracingChannel('op');
console.log(tc.hasSubscribers, Object.keys(tc).join(','), tc.start.name, tc.asyncEnd.name);
const events = [];
const handlers = {};
for (const ev of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
  handlers[ev] = (ctx) => events.push(`${ev}:${ctx.label}:${'result' in ctx ? ctx.result : '-'}:${ctx.error ? ctx.error.message : '-'}`);
}
console.log(tc.traceSync(() => 'untraced'), events.length);
tc.subscribe(handlers);
console.log(tc.hasSubscribers);

console.log(tc.traceSync(function (a) { return a * this.k; }, { label: 'sync' }, { k: 3 }, 5));
try {
  tc.traceSync(() => { throw new Error('sync fail'); }, { label: 'syncerr' });
} catch (e) {
  console.log('caught', e.message);
}
console.log(events.splice(0).join('\n'));

const als = new AsyncLocalStorage();
tc.start.bindStore(als, (ctx) => `store-${ctx.label}`);

(async () => {
  const v = await tc.tracePromise(async (x) => {
    await null;
    events.push(`in promise store=${als.getStore()}`);
    return x + 1;
  }, { label: 'promise' }, undefined, 41);
  console.log('promise result', v);
  try {
    await tc.tracePromise(() => Promise.reject(new Error('async fail')), { label: 'promiseerr' });
  } catch (e) {
    console.log('promise caught', e.message);
  }
  console.log(await tc.tracePromise(() => 'not a promise', { label: 'plain' }));
  console.log(events.splice(0).join('\n'));

  await new Promise((resolve) => {
    tc.traceCallback((a, cb) => {
      events.push(`fn store=${als.getStore()}`);
      setTimeout(() => cb(null, a * 2), 1);
    }, -1, { label: 'cb' }, undefined, 21, (err, res) => {
      events.push(`callback ${err} ${res} store=${als.getStore()}`);
      resolve();
    });
  });
  await new Promise((resolve) => {
    tc.traceCallback((cb) => cb(new Error('cb fail')), 0, { label: 'cberr' }, undefined, (err) => {
      events.push(`callback error ${err.message}`);
      resolve();
    });
  });
  console.log(events.splice(0).join('\n'));
  try {
    tc.traceCallback(() => {}, 0, {}, undefined, 'not a function');
  } catch (e) {
    console.log(e.code, e.message);
  }
  console.log(tc.unsubscribe(handlers), tc.unsubscribe(handlers));
  tc.start.unbindStore(als);
  console.log(tc.hasSubscribers);
  const custom = dc.tracingChannel({
    start: dc.channel('c:start'), end: dc.channel('c:end'), asyncStart: dc.channel('c:as'),
    asyncEnd: dc.channel('c:ae'), error: dc.channel('c:err'),
  });
  console.log(custom.start.name, custom.error.name);
})();
