// Readable lifecycle: event order in paused and flowing modes, highWaterMark,
// objectMode, push after EOF, destroy with an error.
const { Readable } = require('stream');
const log = (...a) => console.log(...a);

function trace(name, stream) {
  for (const ev of ['readable', 'end', 'close', 'error', 'pause', 'resume']) {
    stream.on(ev, (arg) => log(name, ev, arg instanceof Error ? `${arg.code} ${arg.message}` : ''));
  }
}

// flowing
const a = new Readable({ read() {} });
trace('a', a);
a.on('data', (d) => log('a data', d.toString()));
a.push('one');
a.push('two');
a.push(null);

// paused, read() by hand
const b = new Readable({ read() {}, highWaterMark: 4 });
log('b hwm', b.readableHighWaterMark, b.readableFlowing, b.readableLength);
log('b push', b.push('abcdef'), b.readableLength);
b.once('readable', () => {
  log('b read', String(b.read(2)), String(b.read()), b.read());
  b.push(null);
});
b.on('end', () => log('b end'));

// objectMode
const c = new Readable({ objectMode: true, read() {} });
log('c hwm', c.readableHighWaterMark, c.readableObjectMode);
c.push({ x: 1 });
c.push(2);
c.push(null);
c.on('data', (d) => log('c data', d));
c.on('end', () => log('c end'));

// push after EOF
const d = new Readable({ read() {} });
d.on('error', (err) => log('d error', err.code, err.name, err.message));
d.push(null);
d.push('late');

// destroy with error
const e = new Readable({ read() {} });
trace('e', e);
e.destroy(new Error('boom'));
log('e destroyed', e.destroyed, e.readableAborted);

// default highWaterMark
log('default', new Readable().readableHighWaterMark, new Readable({ objectMode: true }).readableHighWaterMark);

// read(n) larger than buffer, setEncoding
const f = new Readable({ read() {} });
f.setEncoding('hex');
f.push(Buffer.from([1, 2, 3]));
f.push(null);
f.on('data', (x) => log('f', x));
f.on('end', () => log('f end'));

// invalid highWaterMark
try {
  new Readable({ highWaterMark: -1 });
} catch (err) {
  log(err.code, err.name, err.message);
}
const g = new Readable({ read() {} });
g.on('error', (err) => log('g error', err.code, err.name, err.message));
g.push(42);
const h = new Readable({ read() {} });
h.push(new Uint16Array([1, 2]));
h.push(new DataView(new ArrayBuffer(2)));
log('views', h.read());
