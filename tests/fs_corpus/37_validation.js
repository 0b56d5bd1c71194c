// Argument validation: Node's ERR_INVALID_ARG_TYPE / ERR_INVALID_ARG_VALUE / ERR_OUT_OF_RANGE texts.
const fs = require('fs');
const cases = [
  ['readFileSync-number', () => fs.readFileSync(1.5)],
  ['readFileSync-object', () => fs.readFileSync({})],
  ['readFileSync-null', () => fs.readFileSync(null)],
  ['readFileSync-undefined', () => fs.readFileSync()],
  ['null-byte', () => fs.readFileSync('a\0b')],
  ['null-byte-buffer', () => fs.statSync(Buffer.from([97, 0, 98]))],
  ['options-number', () => fs.readFileSync('x', 42)],
  ['encoding', () => fs.readFileSync('x', { encoding: 'klingon' })],
  ['flag', () => fs.openSync('x', 'rw')],
  ['flag-type', () => fs.openSync('x', true)],
  ['mode-string', () => fs.openSync('x', 'w', '9')],
  ['mode-float', () => fs.mkdirSync('x', 1.5)],
  ['write-data', () => fs.writeFileSync('x', { a: 1 })],
  ['writeSync-type', () => fs.writeSync(1, 123)],
  ['writeSync-offset', () => fs.writeSync(1, Buffer.alloc(2), 5)],
  ['writeSync-length', () => fs.writeSync(1, Buffer.alloc(2), 0, 9)],
  ['readSync-buffer', () => fs.readSync(0, 'nope')],
  ['readSync-offset', () => fs.readSync(0, Buffer.alloc(2), -1, 1, 0)],
  ['readSync-position', () => fs.readSync(0, Buffer.alloc(2), 0, 1, 'x')],
  ['readSync-position-range', () => fs.readSync(0, Buffer.alloc(2), 0, 1, -2)],
  ['callback-missing', () => fs.stat('.')],
  ['callback-type', () => fs.mkdir('x', {}, 'cb')],
  ['uid', () => fs.chownSync('.', 1.5, 0)],
  ['uid-range', () => fs.chownSync('.', 2 ** 32, 0)],
  ['rm-options', () => fs.rmSync('x', 'opts')],
  ['rmdir-recursive', () => fs.rmdirSync('x', { recursive: 'yes' })],
  ['readdir-options', () => fs.readdirSync('.', 5)],
  ['copyFile-src', () => fs.copyFileSync(null, 'x')],
  ['symlink-path', () => fs.symlinkSync('x', null)],
  ['ftruncate-len', () => fs.ftruncateSync(0, '1')],
  ['writeFile-flush', () => fs.writeFileSync('x', 'y', { flush: 'yes' })],
  ['cp-options', () => fs.cpSync('a', 'b', 5)],
  ['glob-options', () => fs.globSync('*', 5)],
  ['read-options', () => fs.readSync(0, Buffer.alloc(2), 'x')],
  ['futimes-fd', () => fs.futimesSync(-1, 0, 0)],
  ['hex-odd', () => fs.writeSync(1, 'abc', null, 'hex')],
  ['long-string', () => fs.readFileSync('x'.repeat(40) + '\0')],
];
for (const [label, fn] of cases) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
fs.promises.readFile({}).catch((e) => console.log('promise-type', e.code, e.message));
fs.promises.mkdir('x', { recursive: 'x' }).catch((e) => console.log('promise-mkdir', e.code, e.message));
