// What descriptors 0-2 refuse, as pipes do: positions, fsync, truncation, the wrong direction.
const fs = require('fs');
function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (err) {
    console.log(label, err.name, err.code, err.errno, err.syscall, err.message);
  }
}
attempt('write at position', () => fs.writeSync(1, 'x', 3));
attempt('write buffer at position', () => fs.writeSync(2, Buffer.from('x'), 0, 1, 0));
attempt('write bigint position', () => fs.writeSync(1, Buffer.from('x'), 0, 1, 0n));
attempt('writev at position', () => fs.writevSync(1, [Buffer.from('x')], 1));
attempt('read stdin at position', () => fs.readSync(0, Buffer.alloc(2), 0, 2, 0));
attempt('read stdin position -1', () => fs.readSync(0, Buffer.alloc(2), 0, 2, -1));
attempt('read stdout', () => fs.readSync(1, Buffer.alloc(2)));
attempt('read stderr', () => fs.readSync(2, Buffer.alloc(2), 0, 2, null));
attempt('write stdin', () => fs.writeSync(0, 'x'));
attempt('fsync', () => fs.fsyncSync(1));
attempt('fdatasync', () => fs.fdatasyncSync(2));
attempt('fsync stdin', () => fs.fsyncSync(0));
attempt('ftruncate', () => fs.ftruncateSync(1, 0));
attempt('fchmod', () => fs.fchmodSync(2, 0o600));
attempt('offset out of range', () => fs.writeSync(1, Buffer.from('ab'), 5));
attempt('length out of range', () => fs.writeSync(1, Buffer.from('ab'), 0, 5));
attempt('bad data', () => fs.writeSync(1, 42));
attempt('bad fd', () => fs.writeSync(-1, 'x'));
attempt('unopened fd', () => fs.writeSync(1234, 'x'));
attempt('writeFile flush', () => fs.writeFileSync('/dev/stdout', '', { flag: 'a' }));
const st = fs.fstatSync(2, { bigint: true });
console.log('bigint fstat', typeof st.size, st.isFIFO(), st.isCharacterDevice(), st.isSocket());
