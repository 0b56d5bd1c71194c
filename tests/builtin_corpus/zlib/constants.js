// zlib.constants, codes, the legacy top-level constants and the module's shape.
const zlib = require('zlib');

console.log(zlib.constants);
console.log(zlib.codes);
console.log(Object.keys(zlib));
console.log(Object.isFrozen(zlib.codes), Object.getPrototypeOf(zlib.constants));
console.log(zlib.Z_OK, zlib.Z_FINISH, zlib.Z_DEFAULT_CHUNK, zlib.Z_MAX_CHUNK, zlib.DEFLATE, zlib.BROTLI_PARAM_QUALITY);
const legacy = Object.getOwnPropertyNames(zlib).filter((k) => !Object.keys(zlib).includes(k));
console.log(legacy.length, legacy.slice(0, 8), Object.getOwnPropertyDescriptor(zlib, 'Z_OK'));
console.log(Object.getOwnPropertyDescriptor(zlib, 'constants').writable, Object.getOwnPropertyDescriptor(zlib, 'createGzip'));
console.log(zlib.Deflate.name, zlib.deflateSync.name, zlib.deflate.name, zlib.crc32.name, zlib.Gzip.length);
console.log(require('node:zlib') === zlib, zlib.createGzip() instanceof zlib.Gzip, zlib.Gunzip() instanceof zlib.Gunzip);

// crc32
console.log(zlib.crc32(''), zlib.crc32('hello'), zlib.crc32(Buffer.from('hello')), zlib.crc32('héllo ✓'));
console.log(zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32('hello world'));
console.log(zlib.crc32(new Uint16Array([1, 2, 3])), zlib.crc32(new DataView(new ArrayBuffer(8))), zlib.crc32('x', 4294967295));
for (const args of [[1], [null], [{}], ['a', 'b'], ['a', -1], ['a', 2 ** 32], ['a', 1.5], [new ArrayBuffer(2)]]) {
  try {
    zlib.crc32(...args);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
