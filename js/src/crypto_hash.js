// node:crypto Hash and Hmac: Transform streams over a Python hashlib/hmac object.
// Small inputs are buffered here and hashed in one library call at digest();
// only a hash fed more than kBufferLimit bytes keeps a Python handle.

import { validateString, validateObject, validateUint32 } from './fs_common.js';
import {
  Buffer, LazyTransform, concatBytes, dataBytes, encodeOut, invalidArgType, kHandle, libCall, nodeError, toBuffer,
} from './crypto_util.js';
import { prepareSecretKey } from './crypto_keys.js';
import { named } from './native.js';

const kBufferLimit = 64 * 1024;
const kState = Symbol('kState');
const kFinalized = Symbol('kFinalized');
const states = new WeakMap();   // Hash/Hmac -> Pending

// What inspect() shows of Node's native handles: `Hash {}`, `Hmac {}`.
const HashHandle = named(class {}, 'Hash');
const HmacHandle = named(class {}, 'Hmac');

function stateOf(self) {
  const state = states.get(self);
  if (state === undefined) throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Hash');
  return state;
}

function attach(self, state, Handle) {
  states.set(self, state);
  self[kHandle] = new Handle();
  self[kState] = { [kFinalized]: false };
}

function finalize(self, state) {
  state.finalized = true;
  self[kState][kFinalized] = true;
}

function finalizedError() {
  return nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
}

// The state shared by Hash and Hmac: pending bytes, or a handle once they grew.
class Pending {
  constructor(start) {
    this.start = start;     // (bytes) => handle: creates the Python object with the first bytes
    this.chunks = [];
    this.total = 0;
    this.handle = 0;
    this.finalized = false;
  }

  add(bytes, copy) {
    if (this.handle !== 0) {
      libCall(this.kind === 'hash' ? 'crypto.hashUpdate' : 'crypto.hmacUpdate', this.handle, bytes);
      return;
    }
    // Node hashes the bytes at update(): a later change to the caller's buffer must not count.
    this.chunks.push(copy ? bytes.slice() : bytes);
    this.total += bytes.byteLength;
    if (this.total > kBufferLimit) {
      this.handle = this.start(concatBytes(this.chunks, this.total));
      this.chunks = [];
      this.total = 0;
    }
  }

  take() {
    const bytes = concatBytes(this.chunks, this.total);
    this.chunks = [];
    this.total = 0;
    return bytes;
  }
}

export function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  const xofLen = typeof options === 'object' && options !== null ? options.outputLength : undefined;
  if (!(algorithm instanceof Hash)) {
    validateString(algorithm, 'algorithm');
    if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
    try {
      libCall('crypto.hashCheck', algorithm, xofLen ?? null);
    } catch (err) {
      if (err.code === 'ERR_CRYPTO_INVALID_DIGEST') throw new Error('Digest method not supported');
      throw err;
    }
  }
  const state = new Pending((bytes) => libCall('crypto.hashNew', algorithm, xofLen ?? null, bytes));
  state.kind = 'hash';
  state.algorithm = algorithm;
  state.xofLen = xofLen ?? null;
  attach(this, state, HashHandle);
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  const state = stateOf(this);
  if (state.finalized) throw finalizedError();
  const xofLen = typeof options === 'object' && options !== null ? options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  const clone = new Hash(this, options);
  const target = stateOf(clone);
  target.algorithm = state.algorithm;
  target.xofLen = xofLen ?? state.xofLen;
  target.start = (bytes) => libCall('crypto.hashNew', target.algorithm, target.xofLen, bytes);
  if (state.handle !== 0) {
    target.handle = libCall('crypto.hashCopy', state.handle, xofLen ?? null);
  } else {
    if (xofLen !== undefined) libCall('crypto.hashCheck', state.algorithm, xofLen);
    target.chunks = state.chunks.slice();
    target.total = state.total;
  }
  return clone;
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(this.digest());
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  const state = stateOf(this);
  if (state.finalized) throw finalizedError();
  const copy = typeof data !== 'string';
  state.add(dataBytes(data, encoding), copy);
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  const state = stateOf(this);
  if (state.finalized) throw finalizedError();
  finalize(this, state);
  const rest = state.take();
  const out = state.handle !== 0
    ? libCall('crypto.hashDigest', state.handle, rest)
    : libCall('crypto.hashOnce', state.algorithm, state.xofLen, rest);
  state.handle = 0;
  return encodeOut(out, outputEncoding);
};

export function Hmac(hmac, key, options) {
  if (!new.target) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const secret = prepareSecretKey(key, options?.encoding);
  libCall('crypto.hmacCheck', hmac);
  const state = new Pending((bytes) => libCall('crypto.hmacNew', hmac, secret, bytes));
  state.kind = 'hmac';
  state.algorithm = hmac;
  state.secret = secret;
  attach(this, state, HmacHandle);
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;

Hmac.prototype.digest = function digest(outputEncoding) {
  const state = stateOf(this);
  if (state.finalized) {
    // Node answers a second digest() with empty output.
    const empty = Buffer.alloc(0);
    return outputEncoding && outputEncoding !== 'buffer' ? empty.toString(outputEncoding) : empty;
  }
  finalize(this, state);
  const rest = state.take();
  const out = state.handle !== 0
    ? libCall('crypto.hmacDigest', state.handle, rest)
    : libCall('crypto.hmacOnce', state.algorithm, state.secret, rest);
  state.handle = 0;
  return encodeOut(out, outputEncoding);
};

export function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

export function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

// crypto.hash(algorithm, data[, outputEncoding]): Node 22's one-shot digest.
export function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw invalidArgType('input', ['string', 'Buffer', 'TypedArray', 'DataView'], input);
  }
  if (outputEncoding !== undefined) validateString(outputEncoding, 'outputEncoding');
  let out;
  try {
    out = libCall('crypto.hashOnce', algorithm, null, dataBytes(input, 'utf8', 'input'));
  } catch (err) {
    if (err.code === 'ERR_CRYPTO_INVALID_DIGEST') throw new Error(`Digest method ${algorithm} is not supported`);
    throw err;
  }
  return encodeOut(out, outputEncoding === 'buffer' ? 'buffer' : outputEncoding);
}

export { toBuffer };
