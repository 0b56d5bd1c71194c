// node:crypto Cipheriv/Decipheriv: Transform streams over a Python cipher
// context kept in the handle table between update() calls.

import { StringDecoder } from 'string_decoder';
import { validateObject, validateString } from './fs_common.js';
import {
  Buffer, LazyTransform, bufferSource, dataBytes, invalidArgType, kHandle, libCall, nodeError, toBuffer,
} from './crypto_util.js';
import { prepareSecretKey } from './crypto_keys.js';

function invalidState(op) {
  return nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', `Invalid state for operation ${op}`);
}

function output(cipher, u8, encoding) {
  const buf = toBuffer(u8);
  if (!encoding || encoding === 'buffer') return buf;
  const state = cipher[kHandle];
  if (state.decoder === null) {
    state.decoder = new StringDecoder(encoding);
    state.encoding = encoding;
  } else if (state.encoding !== encoding) {
    throw new Error('Cannot change encoding');
  }
  return state.decoder.write(buf);
}

function setup(self, cipher, key, iv, options, encrypt) {
  validateString(cipher, 'cipher');
  const secret = prepareSecretKey(key, options?.encoding);
  if (iv !== null) iv = bufferSource(iv, 'iv');
  let authTagLength = null;
  if (options !== undefined && options !== null) {
    validateObject(options, 'options');
    if (options.authTagLength !== undefined) {
      const n = options.authTagLength;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
        throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${n}`);
      }
      authTagLength = n;
    }
  }
  const handle = libCall('crypto.cipherNew', cipher, secret, iv, encrypt, authTagLength);
  self[kHandle] = { handle, done: false, tag: null, decoder: null, encoding: null, encrypt };
  LazyTransform.call(self, options);
}

export function Cipheriv(cipher, key, iv, options) {
  if (!new.target) return new Cipheriv(cipher, key, iv, options);
  setup(this, cipher, key, iv, options, true);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);

export function Decipheriv(cipher, key, iv, options) {
  if (!new.target) return new Decipheriv(cipher, key, iv, options);
  setup(this, cipher, key, iv, options, false);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);

const methods = {
  _transform(chunk, encoding, callback) {
    this.push(this.update(chunk, encoding));
    callback();
  },

  _flush(callback) {
    try {
      this.push(this.final());
    } catch (err) {
      callback(err);
      return;
    }
    callback();
  },

  update(data, inputEncoding, outputEncoding) {
    const state = this[kHandle];
    if (typeof data === 'string') {
      if (inputEncoding !== undefined && inputEncoding !== null) validateString(inputEncoding, 'inputEncoding');
    } else if (!ArrayBuffer.isView(data)) {
      throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    if (state.done) throw new Error('Trying to add data in unsupported state');
    const bytes = dataBytes(data, inputEncoding ?? 'utf8');
    return output(this, libCall('crypto.cipherUpdate', state.handle, bytes), outputEncoding);
  },

  final(outputEncoding) {
    const state = this[kHandle];
    if (state.done) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    state.done = true;
    const [out, tag] = libCall('crypto.cipherFinal', state.handle);
    state.tag = tag;
    if (outputEncoding && outputEncoding !== 'buffer') {
      const buf = toBuffer(out);
      if (state.decoder === null) return buf.toString(outputEncoding);
      return state.decoder.end(buf);
    }
    return toBuffer(out);
  },

  setAutoPadding(autoPadding) {
    const state = this[kHandle];
    if (state.done) throw invalidState('setAutoPadding');
    libCall('crypto.cipherSetAutoPadding', state.handle, autoPadding === undefined ? true : !!autoPadding);
    return this;
  },

  setAAD(buffer, options) {
    const state = this[kHandle];
    if (options !== undefined) validateObject(options, 'options');
    const bytes = bufferSource(buffer, 'buffer', options?.encoding);
    if (state.done) throw invalidState('setAAD');
    try {
      libCall('crypto.cipherSetAAD', state.handle, bytes);
    } catch (err) {
      if (err.code === 'ERR_CRYPTO_INVALID_STATE') throw invalidState('setAAD');
      throw err;
    }
    return this;
  },
};

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Cipheriv.prototype, name, { value: fn, writable: true, configurable: true });
  Object.defineProperty(Decipheriv.prototype, name, { value: fn, writable: true, configurable: true });
}

Cipheriv.prototype.getAuthTag = function getAuthTag() {
  const state = this[kHandle];
  if (!state.done || state.tag === null) throw invalidState('getAuthTag');
  return Buffer.from(toBuffer(state.tag));
};

Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
  const state = this[kHandle];
  const tag = bufferSource(tagbuf, 'buffer', encoding);
  if (state.done) throw invalidState('setAuthTag');
  libCall('crypto.cipherSetAuthTag', state.handle, tag);
  return this;
};

export function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

export function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}
