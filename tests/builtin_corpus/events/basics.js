const EventEmitter = require('events');
const { once, on, errorMonitor, getEventListeners, getMaxListeners, setMaxListeners, listenerCount, captureRejectionSymbol } = EventEmitter;
console.log(EventEmitter.EventEmitter === EventEmitter, EventEmitter.name, EventEmitter.defaultMaxListeners, typeof captureRejectionSymbol);
console.log(Object.keys(EventEmitter).join(' '));
const e = new EventEmitter();
const order = [];
e.on('a', () => order.push('on1'));
e.prependListener('a', () => order.push('prepend'));
e.once('a', () => order.push('once'));
e.prependOnceListener('a', () => order.push('prependOnce'));
e.emit('a'); e.emit('a');
console.log(order.join(','));
console.log(e.listenerCount('a'), listenerCount(e, 'a'), e.eventNames(), e.rawListeners('a').length);
const h = () => {};
e.on('b', h); e.on('b', h);
e.removeListener('b', h);
console.log(e.listenerCount('b'), e.listeners('b').length);
e.on('removeListener', (name) => console.log('removed', name));
e.on('newListener', (name) => console.log('new', name));
e.on('c', h);
e.removeAllListeners('c');
console.log(e.emit('nothing'), e.emit('a'));
e.setMaxListeners(1);
console.log(e.getMaxListeners(), getMaxListeners(e), getEventListeners(e, 'a').length);
setMaxListeners(5, e);
console.log(e.getMaxListeners());
for (const bad of [-1, 'x', NaN]) {
  try { e.setMaxListeners(bad); } catch (err) { console.log(err.name, err.code, err.message); }
}
try { EventEmitter.defaultMaxListeners = -1; } catch (err) { console.log(err.code, err.message); }
try { e.on('x', 'notfn'); } catch (err) { console.log(err.code, err.message); }
e.on(errorMonitor, (err) => console.log('monitor saw', err.message));
e.on('error', (err) => console.log('handled', err.message));
e.emit('error', new Error('first'));
const plain = new EventEmitter();
try { plain.emit('error', 'a string'); } catch (err) { console.log(err.name, err.code, err.message, err.context); }
try { plain.emit('error', { message: 'obj' }); } catch (err) { console.log(err.code, err.message); }
try { plain.emit('error'); } catch (err) { console.log(err.code, err.message); }
class Sub extends EventEmitter {}
const s = new Sub();
for (let i = 0; i < 11; i++) s.on('leak', h);
for (let i = 0; i < 11; i++) s.on(Symbol('sym'), h);
const sym = Symbol('many');
for (let i = 0; i < 12; i++) e.on(sym, h);
(async () => {
  setTimeout(() => e.emit('later', 1, 2), 1);
  console.log('once got', await once(e, 'later'));
  setTimeout(() => e.emit('error', new Error('via once')), 1);
  try { await once(new EventEmitter(), 'never', { signal: 'bad' }); } catch (err) { console.log(err.code, err.message); }
  const src = new EventEmitter();
  setTimeout(() => { src.emit('data', 1); src.emit('data', 2); src.emit('end'); }, 1);
  const got = [];
  for await (const [v] of on(src, 'data', { close: ['end'] })) got.push(v);
  console.log('on got', got);
  const errSrc = new EventEmitter();
  setTimeout(() => errSrc.emit('error', new Error('iter err')), 1);
  try { for await (const x of on(errSrc, 'data')) console.log(x); } catch (err) { console.log('iterator threw', err.message); }
})();
