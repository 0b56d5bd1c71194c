import EventEmitter, { once, on, errorMonitor, EventEmitter as EE2, getEventListeners, setMaxListeners } from 'node:events';
console.log(EventEmitter === EE2, typeof once, typeof on, typeof errorMonitor, typeof getEventListeners, typeof setMaxListeners);
const e = new EventEmitter();
queueMicrotask(() => e.emit('ready', 'yes'));
console.log(await once(e, 'ready'));
