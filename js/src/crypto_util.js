// What every part of node:crypto shares: byte conversion of the guest's
// arguments, output encoding, the lazily-initialised Transform Node's Hash and
// Cipher are built on, and the async-callback helper.

import { Buffer } from 'buffer';
import Stream from 'readable-stream/lib/stream.js';

const { Transform } = Stream;
import { libCall as rawLibCall } from './dispatch.js';
import { setImmediate } from './loop.js';
import { invalidArgType, nodeError, outOfRange } from './errors.js';

export { Buffer, invalidArgType, nodeError, outOfRange };

export const kHandle = Symbol('kHandle');

const OSSL_MESSAGE = /^error:[0-9A-F]+:([^:]*)::(.*)$/;

// A library call whose OpenSSL-style errors carry Node's `library` and `reason`.
export function libCall(name, ...args) {
  try {
    return rawLibCall(name, ...args);
  } catch (err) {
    const match = typeof err?.code === 'string' && err.code.startsWith('ERR_OSSL_') ? OSSL_MESSAGE.exec(err.message) : null;
    if (match === null) throw err;
    const shaped = new Error(err.message);
    if (match[1] !== '' && match[1] !== 'lib(0)') shaped.library = match[1];
    shaped.reason = match[2];
    shaped.code = err.code;
    throw shaped;
  }
}

// A Uint8Array over the bytes of a view (any TypedArray, DataView or Buffer), no copy.
export function viewBytes(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// Node's 'base64url', whatever the Buffer in use knows.
function isBase64url(encoding) {
  return typeof encoding === 'string' && encoding.toLowerCase() === 'base64url';
}

export function stringBytes(text, encoding) {
  if (encoding === undefined || encoding === null || encoding === 'buffer') return Buffer.from(text, 'utf8');
  if (isBase64url(encoding)) return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return Buffer.from(text, encoding);
}

export function bufferToString(buf, encoding) {
  if (isBase64url(encoding)) return buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return buf.toString(encoding);
}

// `data` for update()/sign(): a string in `encoding`, or any ArrayBufferView.
export function dataBytes(data, encoding, name = 'data') {
  if (typeof data === 'string') return stringBytes(data, encoding);
  if (ArrayBuffer.isView(data)) return viewBytes(data);
  throw invalidArgType(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// Node's getArrayBufferOrView: string, ArrayBuffer, SharedArrayBuffer or a view.
export function bufferSource(value, name, encoding = 'utf8') {
  if (typeof value === 'string') return stringBytes(value, encoding);
  if (ArrayBuffer.isView(value)) return viewBytes(value);
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)) {
    return new Uint8Array(value);
  }
  throw invalidArgType(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
}

// A Buffer over the bytes a library call returned.
export function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

export function encodeOut(u8, encoding) {
  const buf = toBuffer(u8);
  return encoding && encoding !== 'buffer' ? bufferToString(buf, encoding) : buf;
}

export function concatBytes(chunks, total) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

// Node's async crypto jobs call back from the thread pool, after the current
// tick: the work runs now (it blocks like the sync form), the callback later.
export function later(callback, ...args) {
  setImmediate(() => callback(...args));
}

// ---------------------------------------------------------------- LazyTransform

// Node's lib/internal/streams/lazy_transform: the Transform state is only built
// the first time a stream member is touched, so createHash() stays cheap.
export function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);

function makeGetter(name) {
  return function() {
    Transform.call(this, this._options);
    this._writableState.decodeStrings = false;
    return this[name];
  };
}

function makeSetter(name) {
  return function(value) {
    Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true });
  };
}

for (const name of ['_readableState', '_writableState', '_transformState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    get: makeGetter(name),
    set: makeSetter(name),
    configurable: true,
    enumerable: true,
  });
}
