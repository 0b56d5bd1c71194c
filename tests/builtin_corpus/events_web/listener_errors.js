// A throwing listener is reported as an uncaught exception on the next tick,
// after the other listeners ran; async listener rejections as well.
process.on('uncaughtException', (err, origin) => console.log('uncaught', err.message, origin));
const et = new EventTarget();
et.addEventListener('boom', () => { throw new Error('first'); });
et.addEventListener('boom', () => console.log('second still runs'));
et.addEventListener('boom', async () => { throw new Error('async one'); });
et.addEventListener('boom', { async handleEvent() { throw new Error('handleEvent one'); } });
console.log('dispatch returned', et.dispatchEvent(new Event('boom')));
console.log('after dispatch');
