// ESM imports of node:zlib: named exports and the default.
import zlib, { gzipSync, gunzipSync, constants, crc32, createDeflate, brotliCompressSync } from 'node:zlib';
import { promisify } from 'node:util';

console.log(gunzipSync(gzipSync('esm')).toString(), constants.Z_BEST_COMPRESSION, crc32('esm'));
console.log(typeof createDeflate, brotliCompressSync('esm').toString('base64'), zlib.gzipSync === gzipSync);
const inflate = promisify(zlib.inflate);
console.log((await inflate(zlib.deflateSync('top-level await'))).toString());
