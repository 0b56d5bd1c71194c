// Transform and Duplex lifecycles: flush, event order through 'close',
// allowHalfOpen, destroy with an error on either side, pipe() backpressure.
const { Transform, Duplex, PassThrough, Readable, Writable } = require('stream');
const log = (...a) => console.log(...a);
const trace = (name, s) => {
  for (const ev of ['finish', 'prefinish', 'end', 'close', 'error', 'unpipe', 'pipe', 'drain']) {
    s.on(ev, (arg) => log(name, ev, arg && arg.message ? arg.message : ''));
  }
};

const t = new Transform({
  transform(chunk, enc, cb) {
    log('transform', chunk.toString(), enc);
    cb(null, chunk.toString().split('').reverse().join(''));
  },
  flush(cb) {
    log('flush');
    this.push('<flushed>');
    cb();
  },
});
trace('t', t);
t.on('data', (d) => log('t data', d.toString()));
t.write('abc');
t.end('xyz');

const d = new Duplex({
  allowHalfOpen: false,
  read() {},
  write(chunk, enc, cb) {
    log('duplex write', chunk.toString());
    cb();
  },
});
trace('d', d);
d.push('from duplex');
d.push(null);
d.on('data', (x) => log('d data', x.toString()));

const e = new PassThrough();
trace('e', e);
e.write('x');
e.destroy(new Error('pt boom'));

const src = new Readable({ read() {} });
const slow = new Writable({
  highWaterMark: 2,
  write(chunk, enc, cb) {
    log('slow write', chunk.toString());
    setTimeout(cb, 2);
  },
});
trace('slow', slow);
src.pipe(slow);
src.push('aa');
src.push('bb');
src.push('cc');
src.push(null);

const bad = new Transform({ transform(c, e, cb) { cb(new Error('transform failed')); } });
trace('bad', bad);
bad.write('q');

const objT = new Transform({
  readableObjectMode: true,
  transform(chunk, enc, cb) { cb(null, { len: chunk.length }); },
});
objT.on('data', (o) => log('obj', o));
objT.end('hello');
log('modes', objT.readableObjectMode, objT.writableObjectMode, t.readableHighWaterMark, t.writableHighWaterMark);
