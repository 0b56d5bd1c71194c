// Node 22's argument checks and error codes in front of the npm `buffer`
// package's Buffer (whose errors carry no code and older wording): sizes,
// sources, encodings, and the offsets and values of the integer and float
// readers and writers. Applied once, at snapshot time.

import { invalidArgType, nodeError, outOfRange } from './errors.js';
import { named } from './native.js';

const ENCODINGS = new Set(['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'ascii', 'latin1', 'binary',
  'ucs2', 'ucs-2', 'utf16le', 'utf-16le']);

function checkEncoding(encoding) {
  if (encoding === undefined || encoding === null || encoding === '') return;
  if (typeof encoding !== 'string' || !ENCODINGS.has(encoding.toLowerCase())) {
    throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
  }
}

const MAX_LENGTH = 2 ** 53 - 1;

function checkSize(size) {
  if (typeof size !== 'number') throw invalidArgType('size', 'number', size);
  if (!(size >= 0 && size <= MAX_LENGTH)) throw outOfRange('size', `>= 0 && <= ${MAX_LENGTH}`, size);
}

function boundsError(value, length) {
  if (Math.floor(value) !== value) {
    if (typeof value !== 'number') throw invalidArgType('offset', 'number', value);
    throw outOfRange('offset', 'an integer', value);
  }
  if (length < 0) throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
  throw outOfRange('offset', `>= 0 and <= ${length}`, value);
}

function checkOffset(buf, offset, size) {
  if (typeof offset !== 'number') throw invalidArgType('offset', 'number', offset);
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) boundsError(offset, buf.length - size);
}

function intRange(size, signed) {
  const bits = size * 8;
  if (size > 3) {
    return signed ? `>= -(2 ** ${bits - 1}) and < 2 ** ${bits - 1}` : `>= 0 and < 2 ** ${bits}`;
  }
  return signed ? `>= ${-(2 ** (bits - 1))} and <= ${2 ** (bits - 1) - 1}` : `>= 0 and <= ${2 ** bits - 1}`;
}

export function installBufferErrors(Buffer) {
  const proto = Buffer.prototype;
  for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow']) {
    const original = Buffer[name];
    Buffer[name] = named(function allocChecked(size, fill, encoding) {
      checkSize(size);
      if (name === 'alloc' && typeof fill === 'string') checkEncoding(encoding);
      return Reflect.apply(original, this, arguments);
    }, name);
  }
  const { from, concat, compare, byteLength } = Buffer;
  Buffer.from = named(function from_(value, encodingOrOffset, length) {
    if (typeof value === 'string') {
      checkEncoding(encodingOrOffset);
    } else if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      throw invalidArgType('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
    }
    return Reflect.apply(from, this, arguments);
  }, 'from');
  Buffer.concat = named(function concat_(list, totalLength) {
    if (!Array.isArray(list)) throw invalidArgType('list', 'Array', list);
    for (let i = 0; i < list.length; i++) {
      if (!(list[i] instanceof Uint8Array)) throw invalidArgType(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    return Reflect.apply(concat, this, arguments);
  }, 'concat');
  Buffer.compare = named(function compare_(buf1, buf2) {
    if (!(buf1 instanceof Uint8Array)) throw invalidArgType('buf1', ['Buffer', 'Uint8Array'], buf1);
    if (!(buf2 instanceof Uint8Array)) throw invalidArgType('buf2', ['Buffer', 'Uint8Array'], buf2);
    return Reflect.apply(compare, this, arguments);
  }, 'compare');
  Buffer.byteLength = named(function byteLength_(string, encoding) {
    if (typeof string !== 'string' && !ArrayBuffer.isView(string) && !(string instanceof ArrayBuffer)
      && !(typeof SharedArrayBuffer === 'function' && string instanceof SharedArrayBuffer)) {
      throw invalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], string);
    }
    return Reflect.apply(byteLength, this, arguments);
  }, 'byteLength');

  const { toString, equals, write, swap16, swap32, swap64 } = proto;
  proto.toString = named(function toString_(encoding) {
    // Only `undefined` means UTF-8 here (null and '' are unknown encodings).
    if (encoding === null || encoding === '') throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
    if (arguments.length > 0) checkEncoding(encoding);
    return Reflect.apply(toString, this, arguments);
  }, 'toString');
  proto.equals = named(function equals_(otherBuffer) {
    if (!(otherBuffer instanceof Uint8Array)) throw invalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
    return Reflect.apply(equals, this, arguments);
  }, 'equals');
  proto.write = named(function write_(string, offset, length, encoding) {
    if (typeof string !== 'string') throw invalidArgType('argument', 'string', string);
    if (typeof offset === 'number' && (offset < 0 || offset > this.length || !Number.isInteger(offset))) {
      if (!Number.isInteger(offset)) throw outOfRange('offset', 'an integer', offset);
      throw outOfRange('offset', `>= 0 && <= ${this.length}`, offset);
    }
    const enc = typeof offset === 'string' ? offset : typeof length === 'string' ? length : encoding;
    checkEncoding(enc);
    return Reflect.apply(write, this, arguments);
  }, 'write');
  for (const [name, original, size] of [['swap16', swap16, 2], ['swap32', swap32, 4], ['swap64', swap64, 8]]) {
    proto[name] = named(function swap() {
      if (this.length % size !== 0) {
        throw nodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${size * 8}-bits`);
      }
      return Reflect.apply(original, this, arguments);
    }, name);
  }

  // Fixed-size readers and writers: [name suffix, size, signed, integer].
  const kinds = [
    ['UInt8', 1, false, true], ['UInt16LE', 2, false, true], ['UInt16BE', 2, false, true],
    ['UInt32LE', 4, false, true], ['UInt32BE', 4, false, true], ['Int8', 1, true, true],
    ['Int16LE', 2, true, true], ['Int16BE', 2, true, true], ['Int32LE', 4, true, true], ['Int32BE', 4, true, true],
    ['FloatLE', 4, false, false], ['FloatBE', 4, false, false], ['DoubleLE', 8, false, false], ['DoubleBE', 8, false, false],
  ];
  for (const [suffix, size, signed, integer] of kinds) {
    const names = [suffix];
    if (suffix.startsWith('UInt')) names.push(`Uint${suffix.slice(4)}`);
    for (const n of names) {
      const read = proto[`read${n}`];
      if (typeof read === 'function') {
        proto[`read${n}`] = named(function readChecked(offset = 0) {
          checkOffset(this, offset, size);
          return Reflect.apply(read, this, [offset]);
        }, `read${n}`);
      }
      const writeFn = proto[`write${n}`];
      if (typeof writeFn === 'function') {
        proto[`write${n}`] = named(function writeChecked(value, offset = 0) {
          if (integer) {
            const min = signed ? -(2 ** (size * 8 - 1)) : 0;
            const max = signed ? 2 ** (size * 8 - 1) - 1 : 2 ** (size * 8) - 1;
            if (value > max || value < min) throw outOfRange('value', intRange(size, signed), value);
          }
          checkOffset(this, offset, size);
          return Reflect.apply(writeFn, this, [value, offset]);
        }, `write${n}`);
      }
    }
  }
}
