const { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId } = require('async_hooks');
const fs = require('fs');
const als = new AsyncLocalStorage();
const log = (label) => console.log(label, JSON.stringify(als.getStore()));
// Requests interleave in an order that depends on timing: each keeps its own trace.
const traces = { 1: [], 2: [] };
const rlog = (id, label) => traces[id].push(`${label} ${JSON.stringify(als.getStore())}`);

log('top');
console.log('top ids', executionAsyncId(), triggerAsyncId());
setTimeout(() => log('timer outside'), 0);

async function request(id, delay) {
  return als.run({ id }, async () => {
    rlog(id, `start`);
    await null;
    rlog(id, `after await`);
    await new Promise((r) => setTimeout(r, delay));
    rlog(id, `after timer`);
    await new Promise((r) => setImmediate(r));
    rlog(id, `after immediate`);
    await new Promise((r) => process.nextTick(r));
    rlog(id, `after tick`);
    await new Promise((r) => queueMicrotask(r));
    rlog(id, `after microtask`);
    await fs.promises.readFile(__filename);
    rlog(id, `after fs.promises`);
    await new Promise((r) => fs.stat(__filename, () => { rlog(id, `fs callback`); r(); }));
    setTimeout(() => rlog(id, `nested timer`), 1);
    process.nextTick(() => rlog(id, `nested tick`));
    setImmediate(() => rlog(id, `nested immediate`));
    return id;
  });
}

Promise.all([request(1, 20), request(2, 5)]).then((ids) => {
  log(`all done ${ids}`);
  setTimeout(() => {
    for (const id of [1, 2]) console.log(traces[id].join('\n'));
  }, 50);
});

als.run('outer', () => {
  log('outer');
  als.run('inner', () => log('inner'));
  log('outer again');
  als.exit(() => log('exited'));
  log('outer after exit');
  try {
    als.run('throws', () => { throw new Error('boom'); });
  } catch (e) {
    log(`caught ${e.message}`);
  }
});
log('top again');

const other = new AsyncLocalStorage();
other.run('o', () => {
  als.run('a', () => {
    console.log('two stores', other.getStore(), als.getStore());
    const bound = AsyncLocalStorage.bind(() => [other.getStore(), als.getStore()]);
    const snap = AsyncLocalStorage.snapshot();
    als.run('b', () => {
      console.log('bound', bound());
      console.log('snapshot', snap(() => als.getStore()));
      console.log('in b', als.getStore());
    });
  });
});

const ar = als.run('resource', () => new AsyncResource('MyRes'));
console.log('resource', typeof ar.asyncId(), typeof ar.triggerAsyncId(), ar.asyncId() > 1);
console.log('runInAsyncScope', ar.runInAsyncScope(function (a, b) { return [this.x, a, b, als.getStore()]; }, { x: 1 }, 2, 3));
const boundFn = ar.bind(() => als.getStore());
console.log('ar.bind', boundFn(), boundFn.asyncResource === ar);
ar.emitDestroy();

const third = new AsyncLocalStorage();
setTimeout(() => console.log('third before enterWith', third.getStore()), 2);
third.enterWith('entered');
console.log('after enterWith', third.getStore());
setTimeout(() => {
  console.log('timer after enterWith', third.getStore());
  third.disable();
  console.log('after disable', third.getStore());
  third.run('again', () => console.log('run after disable', third.getStore()));
}, 2);
