// ES module entry: top-level await and a named import from node:events.
import { EventEmitter, once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import process from 'node:process';

const emitter = new EventEmitter();
setTimeout(() => emitter.emit('ready', 'payload', 2), 1);
const args = await once(emitter, 'ready');
console.log('awaited', args);
console.log(await sleep(1, 'slept'));
console.log(typeof require, typeof module, typeof __filename, import.meta.url.endsWith('55_esm_tla.mjs'));
console.log(process.argv.length, this);
class Child extends EventEmitter {}
const c = new Child();
c.on('x', (v) => console.log('x event', v));
c.emit('x', { ok: true });
console.log(c.listenerCount('x'), EventEmitter.defaultMaxListeners);
