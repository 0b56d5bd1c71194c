const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');
console.log(Object.keys(dc).join(','));
const ch = dc.channel('my-channel');
console.log(ch === dc.channel('my-channel'), ch instanceof dc.Channel, ch.name, ch.hasSubscribers, dc.hasSubscribers('my-channel'));
const seen = [];
const sub = (msg, name) => seen.push([msg, name]);
ch.subscribe(sub);
console.log(ch.hasSubscribers, dc.hasSubscribers('my-channel'), dc.hasSubscribers('nobody'));
ch.publish({ n: 1 });
dc.subscribe('my-channel', (msg) => seen.push(['second', msg.n]));
ch.publish({ n: 2 });
console.log(JSON.stringify(seen));
console.log(ch.unsubscribe(sub), ch.unsubscribe(sub), dc.unsubscribe('my-channel', () => {}));
const sym = Symbol('sym-channel');
const symCh = dc.channel(sym);
symCh.subscribe((m, name) => console.log('symbol channel', m, typeof name, name === sym));
symCh.publish('hi');
for (const bad of [() => dc.channel(1), () => ch.subscribe('x'), () => dc.tracingChannel(5)]) {
  try { bad(); } catch (e) { console.log(e.code, e.name, e.message); }
}

// Stores
const als = new AsyncLocalStorage();
const storeCh = dc.channel('store-channel');
storeCh.bindStore(als, (data) => ({ wrapped: data.id }));
console.log(storeCh.hasSubscribers);
storeCh.subscribe((msg) => console.log('store subscriber sees', JSON.stringify(als.getStore()), msg.id));
const r = storeCh.runStores({ id: 7 }, function (a, b) {
  console.log('inside runStores', JSON.stringify(als.getStore()), this.t, a, b);
  return 'ret';
}, { t: 'this' }, 1, 2);
console.log(r, als.getStore());
console.log(storeCh.unbindStore(als), storeCh.unbindStore(als));
storeCh.runStores({ id: 8 }, () => console.log('unbound', als.getStore()));

// Errors in subscribers become uncaught exceptions on the next tick.
process.on('uncaughtException', (err) => console.log('uncaught:', err.message));
const errCh = dc.channel('err');
errCh.subscribe(() => { throw new Error('subscriber failed'); });
errCh.subscribe(() => console.log('next subscriber still runs'));
errCh.publish(1);
console.log('publish returned');
