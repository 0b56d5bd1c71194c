// Writable lifecycle: backpressure and 'drain', cork/uncork, writev, final,
// 'finish' before 'close', write after end, multiple callbacks.
const { Writable } = require('stream');
const log = (...a) => console.log(...a);

const w = new Writable({
  highWaterMark: 3,
  write(chunk, enc, cb) {
    log('write', chunk.toString(), enc);
    setTimeout(cb, 1);
  },
  final(cb) {
    log('final');
    cb();
  },
});
for (const ev of ['drain', 'finish', 'close', 'prefinish', 'error', 'pipe']) w.on(ev, () => log('event', ev));
log('w1', w.write('ab'), w.writableLength, w.writableNeedDrain);
log('w2', w.write('cd'), w.writableLength, w.writableNeedDrain);
w.once('drain', () => {
  log('drained');
  w.end('ef', () => log('end cb'));
  w.write('x', (err) => log('write after end cb', err.code, err.message));
});
w.on('error', (err) => log('w error', err.code, err.name, err.message));

const v = new Writable({
  writev(chunks, cb) {
    log('writev', chunks.map((c) => `${c.chunk}:${c.encoding}`).join(' '));
    cb();
  },
});
v.cork();
v.write('a');
v.write(Buffer.from('b'));
v.write('c', 'latin1');
process.nextTick(() => v.uncork());
v.on('finish', () => log('v finish'));
v.end();

const m = new Writable({
  write(chunk, enc, cb) {
    cb();
    cb();
  },
});
m.on('error', (err) => log('m error', err.code, err.name, err.message));
m.write('x');

const o = new Writable({ objectMode: true, write(c, e, cb) { log('o', c); cb(); } });
o.write({ a: 1 });
o.write(null === null ? 0 : 1);
try {
  o.write(null);
} catch (err) {
  log('null write', err.code, err.name, err.message);
}
const s = new Writable({ write(c, e, cb) { cb(); } });
try {
  s.write(5);
} catch (err) {
  log('bad chunk', err.code, err.name, err.message);
}
s.write(new Float32Array([1]), (err) => log('float32 ok', err));
s.destroy();
s.write('z', (err) => log('after destroy', err.code, err.message));
s.on('error', (err) => log('s error', err.code));
log('s', s.destroyed, s.writable, s.writableEnded);
