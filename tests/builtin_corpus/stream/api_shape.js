// The stream classes' shapes: prototype members, statics, names.
const s = require('stream');
for (const C of [s.Readable, s.Writable, s.Duplex, s.Transform, s.PassThrough]) {
  console.log(C.name, Object.getOwnPropertyNames(C.prototype).sort().join(','));
  console.log(' static', Object.getOwnPropertyNames(C).sort().join(','));
}
console.log(s.Readable, s.finished.name, s.pipeline.name, typeof s.promises.finished);
console.log(typeof s.Readable.prototype[Symbol.for('nodejs.rejection')], typeof s.Readable.prototype[Symbol.asyncDispose], typeof s.Readable.prototype[Symbol.asyncIterator]);
