// Stream errors have Node's shape: own `code`, name, toString, inspect
// (printed without stack frames, which are Node-internal).
const { Readable, Writable, finished } = require('stream');
const show = (err) => {
  console.log(err.name, err.code, Object.keys(err), String(err), err instanceof Error);
  const { stack, ...rest } = err;
  console.log(err.stack.split('\n')[0], rest);
};

const r = new Readable({ read() {} });
r.on('error', show);
r.push(null);
r.push('x');

const w = new Writable({ write(c, e, cb) { cb(); } });
w.on('error', show);
w.end();
w.write('late');

finished(new Readable({ read() {} }).on('error', () => {}).destroy(), (err) => show(err));
try {
  new Writable().write(null);
} catch (err) {
  show(err);
}
try {
  require('stream').setDefaultHighWaterMark(false, 'x');
} catch (err) {
  show(err);
}
