// The `buffer` module: the npm `buffer` package, with the parts a guest sees
// through console.log made Node's (lib/buffer.js): Buffer's inspect output
// and its name, which the bundler may rename; and the rest of Node's module
// (buffer_extras.js): Blob, File, atob/btoa, transcode, isUtf8/isAscii, ...

import * as bufferModule from 'buffer';
import { utilBinding } from './inspect_bindings.js';
import { defineBuiltin } from './modules.js';
import { named } from './native.js';
import { invalidArgType, validateInteger } from './errors.js';
import { installBufferErrors } from './buffer_errors.js';
import { utf8Decode } from './string_decoder_impl.js';
import { buildBufferModule, Blob, File, atob, btoa } from './buffer_extras.js';

export { Blob, File };

const { Buffer } = bufferModule;
const { getOwnNonIndexProperties, constants: { ALL_PROPERTIES, ONLY_ENUMERABLE } } = utilBinding;
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

installBufferErrors(Buffer);

// UTF-8 decoding as V8 does it under Node (the WHATWG decoder: a maximal
// invalid subpart is one U+FFFD); the npm package replaces byte by byte.
{
  const { toString } = Buffer.prototype;
  const isUtf8Name = (encoding) => encoding === undefined || (typeof encoding === 'string'
    && (encoding === 'utf8' || encoding.toLowerCase() === 'utf8' || encoding.toLowerCase() === 'utf-8'));
  Buffer.prototype.toString = named(function toString_(encoding, start, end) {
    if (!isUtf8Name(encoding)) return Reflect.apply(toString, this, arguments);
    const length = this.length;
    if (length === 0) return '';
    if (start === undefined || start < 0) start = 0;
    if (start > length) return '';
    if (end === undefined || end > length) end = length;
    if (end <= 0) return '';
    end >>>= 0;
    start >>>= 0;
    if (end <= start) return '';
    return utf8Decode(this.subarray(start, end));
  }, 'toString');
  Buffer.prototype.utf8Slice = function utf8Slice(start, end) {
    return utf8Decode(this.subarray(start, end));
  };
}

// Node's 'base64url' encoding, which the npm package lacks: decoding is
// base64's (its decoder takes '-' and '_'), encoding is base64 with the URL
// alphabet and no padding.
function isBase64url(encoding) {
  return typeof encoding === 'string' && encoding.length === 9 && encoding.toLowerCase() === 'base64url';
}

function toBase64url(base64) {
  return base64.replace(/[+/=]/g, (ch) => (ch === '+' ? '-' : ch === '/' ? '_' : ''));
}

{
  const { isEncoding, byteLength, from } = Buffer;
  const { toString, write, fill } = Buffer.prototype;
  Buffer.isEncoding = named(function isEncoding_(encoding) {
    return isBase64url(encoding) || isEncoding(encoding);
  }, 'isEncoding');
  Buffer.byteLength = named(function byteLength_(string, encoding) {
    return byteLength(string, isBase64url(encoding) ? 'base64' : encoding);
  }, 'byteLength');
  Buffer.from = named(function from_(value, encodingOrOffset, length) {
    return from(value, isBase64url(encodingOrOffset) ? 'base64' : encodingOrOffset, length);
  }, 'from');
  Buffer.prototype.toString = named(function toString_(encoding, start, end) {
    if (isBase64url(encoding)) return toBase64url(Reflect.apply(toString, this, ['base64', start, end]));
    return Reflect.apply(toString, this, arguments);
  }, 'toString');
  Buffer.prototype.write = named(function write_(string, offset, length, encoding) {
    const args = Array.from(arguments, (arg) => (isBase64url(arg) ? 'base64' : arg));
    return Reflect.apply(write, this, args);
  }, 'write');
  Buffer.prototype.fill = named(function fill_(value, offset, end, encoding) {
    const args = Array.from(arguments, (arg) => (isBase64url(arg) ? 'base64' : arg));
    return Reflect.apply(fill, this, args);
  }, 'fill');
  Buffer.prototype.base64urlSlice = function base64urlSlice(start, end) {
    return toBase64url(Reflect.apply(toString, this, ['base64', start, end]));
  };
}

// Buffer.copyBytesFrom (Node 19.8): a copy of part of a TypedArray's memory.
if (typeof Buffer.copyBytesFrom !== 'function') {
  const isTypedArray = (value) => ArrayBuffer.isView(value) && !(value instanceof DataView);
  Buffer.copyBytesFrom = named(function copyBytesFrom(view, offset, length) {
    if (!isTypedArray(view)) throw invalidArgType('view', ['TypedArray'], view);
    const viewLength = view.length;
    if (viewLength === 0) return Buffer.alloc(0);
    let start = 0;
    let end = viewLength;
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
      start = offset;
    }
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = Math.min(start + length, viewLength);
    }
    const size = view.BYTES_PER_ELEMENT;
    const bytes = new Uint8Array(view.buffer, view.byteOffset + start * size, (end - start) * size);
    return Buffer.from(bytes);
  }, 'copyBytesFrom');
}

// buffer.INSPECT_MAX_BYTES is settable, and inspect reads the current value.
let inspectMaxBytes = 50;

export function installBuffer(inspect) {
  named(Buffer, 'Buffer');
  Buffer.prototype[customInspectSymbol] = function inspectBuffer(recurseTimes, ctx) {
    const max = inspectMaxBytes;
    const actualMax = Math.min(max, this.length);
    const remaining = this.length - max;
    let str = this.toString('hex', 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    // Inspect special properties as well, if possible.
    if (ctx) {
      let extras = false;
      const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
      const obj = { __proto__: null };
      for (const key of getOwnNonIndexProperties(this, filter)) {
        extras = true;
        obj[key] = this[key];
      }
      if (extras) {
        if (this.length !== 0) str += ', ';
        // '[Object: null prototype] {'.length === 26
        str += inspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
      }
    }
    let constructorName = 'Buffer';
    try {
      const { constructor } = this;
      if (typeof constructor === 'function' && Object.prototype.hasOwnProperty.call(constructor, 'name')) constructorName = constructor.name;
    } catch {
      // Ignore error and use default name
    }
    return `<${constructorName} ${str}>`;
  };
  named(Buffer.prototype[customInspectSymbol], 'inspect');
  Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];
}

// The guest's `buffer` module and the globals it adds (Blob, File, atob, btoa).
export function installBufferModule(context) {
  const mod = buildBufferModule({
    getInspectMaxBytes: () => inspectMaxBytes,
    setInspectMaxBytes: (value) => {
      inspectMaxBytes = value;
    },
  });
  defineBuiltin('buffer', () => mod);
  context.defineGlobal('Blob', Blob);
  context.defineGlobal('File', File);
  context.defineGlobal('atob', atob);
  context.defineGlobal('btoa', btoa);
}
