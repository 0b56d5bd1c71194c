// Buffer behaviour as Node 22's: base64url, errors and their codes, BigInt
// reads/writes, copyBytesFrom, toJSON, inspect.
const log = (...a) => console.log(...a);
const attempt = (label, f) => {
  try {
    log(label, f());
  } catch (err) {
    log(label, err.name, err.code, err.message);
  }
};

const b = Buffer.from([0xfb, 0xff, 0xfe, 0x01]);
log(b.toString('base64url'), b.toString('base64'), Buffer.from('-__-AQ', 'base64url'), Buffer.isEncoding('base64url'), Buffer.byteLength('-__-AQ', 'base64url'));
const w = Buffer.alloc(4);
log(w.write('-__-', 'base64url'), w);
log(Buffer.from('hello').toJSON(), JSON.stringify(Buffer.from([1, 2])));
log(Buffer.from([1, 2, 3]), Buffer.alloc(60), Buffer.from('abc').subarray(1));
const big = Buffer.alloc(8);
big.writeBigInt64LE(-5n);
log(big.readBigInt64LE(), big.readBigUInt64LE(), big.readBigInt64BE());
big.writeBigUInt64BE(2n ** 63n);
log(big, big.readBigUInt64BE());
log(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1), Buffer.copyBytesFrom(new Uint8Array([5, 6, 7]), 1));
log(Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.concat([Buffer.from('x'), new Uint8Array([0x79])]).toString());
log(Buffer.from('€').toString('latin1').length, Buffer.from('hi', 'utf16le'), Buffer.from('ff00', 'hex'), Buffer.from('zz', 'hex'));
attempt('alloc -1', () => Buffer.alloc(-1));
attempt('alloc str', () => Buffer.alloc('5'));
attempt('from number', () => Buffer.from(5));
attempt('from null', () => Buffer.from(null));
attempt('bad encoding', () => Buffer.from('x', 'nope'));
attempt('toString enc', () => Buffer.from('x').toString('nope'));
attempt('readUInt8 oob', () => Buffer.alloc(2).readUInt8(5));
attempt('readUInt32LE oob', () => Buffer.alloc(2).readUInt32LE(0));
attempt('writeUInt8 range', () => Buffer.alloc(2).writeUInt8(300));
attempt('writeInt16LE range', () => Buffer.alloc(2).writeInt16LE(40000));
attempt('readInt8 float', () => Buffer.alloc(2).readInt8(0.5));
attempt('write offset', () => Buffer.alloc(2).write('a', 5));
attempt('copy', () => Buffer.from('abc').copy(Buffer.alloc(2), 0, 1));
attempt('fill', () => Buffer.alloc(3).fill('ab'));
attempt('equals', () => Buffer.alloc(1).equals('a'));
attempt('concat', () => Buffer.concat('x'));
attempt('compare', () => Buffer.compare(1, 2));
attempt('indexOf', () => Buffer.from('hello').indexOf('l', -2));
attempt('includes', () => Buffer.from('hello').includes(Buffer.from('ell')));
attempt('swap16', () => Buffer.from([1, 2, 3]).swap16());
attempt('readBigInt64LE oob', () => Buffer.alloc(4).readBigInt64LE());
attempt('slice', () => Buffer.from('hello').slice(-3, -1).toString());
attempt('isBuffer', () => [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1))]);
attempt('byteLength', () => Buffer.byteLength(5));
