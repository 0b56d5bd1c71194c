// node:crypto keys and signatures: KeyObject over a key in the execution's
// handle table (a `cryptography` key object, or bytes for a secret key),
// key generation, import/export, Sign/Verify, sign()/verify(), RSA
// encryption and diffieHellman().

import Stream from 'readable-stream/lib/stream.js';
import { validateBoolean, validateObject, validateString, validateUint32, validateInt32 } from './fs_common.js';
import { validateFunction, validateInteger, unsupportedError } from './errors.js';
import {
  Buffer, bufferSource, concatBytes, dataBytes, encodeOut, invalidArgType, kHandle, later, libCall, nodeError, stringBytes,
  toBuffer,
} from './crypto_util.js';
import * as web from './webcrypto.js';

const { Writable } = Stream;
const keyHandles = new WeakMap();   // KeyObject -> handle
const keyInfos = new WeakMap();    // KeyObject -> { type, asymmetricKeyType, details, size }
const kKeyType = Symbol('kKeyType');

// Only this module makes KeyObjects: the guest cannot name a handle.
class HandleBox {
  constructor(handle, info) {
    this.handle = handle;
    this.info = info;
  }
}

function invalidKeyType(actual, expected) {
  return nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${actual}, expected ${expected}.`);
}

function invalidArgValue(name, value, reason = 'is invalid') {
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  const kind = name.includes('.') ? 'property' : 'argument';
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${kind} '${name}' ${reason}. Received ${shown}`);
}

function handleOfThis(self) {
  const handle = keyHandles.get(self);
  if (handle === undefined) throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type KeyObject');
  return handle;
}

export class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') throw invalidArgValue('type', type);
    if (!(handle instanceof HandleBox)) throw invalidArgType('handle', 'object', handle);
    keyHandles.set(this, handle.handle);
    keyInfos.set(this, handle.info);
    Object.defineProperty(this, kKeyType, { value: type, enumerable: true, configurable: false, writable: false });
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    const handle = handleOfCryptoKey(key);
    if (handle === undefined) throw invalidArgType('key', 'CryptoKey', key);
    return keyObjectFromHandle(handle);
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) throw invalidArgType('otherKeyObject', 'KeyObject', otherKeyObject);
    return otherKeyObject.type === this.type &&
      libCall('crypto.keyEquals', handleOfThis(this), keyHandles.get(otherKeyObject));
  }
}

Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() {
    return keyInfos.get(this).size;
  }

  get asymmetricKeyType() {
    return undefined;
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      const { format } = options;
      if (format === 'jwk') return libCall('crypto.keyExport', handleOfThis(this), 'jwk', null, null, null);
      if (format !== undefined && format !== 'buffer') {
        throw invalidArgValue('options.format', format, "must be one of: undefined, 'buffer', 'jwk'");
      }
    }
    return toBuffer(libCall('crypto.keyExport', handleOfThis(this), 'buffer', null, null, null));
  }
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return keyInfos.get(this).asymmetricKeyType;
  }

  get asymmetricKeyDetails() {
    const details = keyInfos.get(this).details;
    if (keyInfos.get(this).asymmetricKeyType === 'rsa') {
      return { modulusLength: details.modulusLength, publicExponent: BigInt(details.publicExponent) };
    }
    return { ...details };
  }
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    return exportAsymmetric(this, options, 'public');
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    return exportAsymmetric(this, options, 'private');
  }
}

function exportAsymmetric(key, options, kind) {
  validateObject(options, 'options');
  const { format, type } = options;
  if (format === 'jwk') {
    return libCall('crypto.keyExport', handleOfThis(key), 'jwk', null, null, null);
  }
  if (format !== 'pem' && format !== 'der') throw invalidArgValue('options.format', format);
  const allowed = kind === 'public' ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!allowed.includes(type)) throw invalidArgValue('options.type', type);
  const asym = key.asymmetricKeyType;
  if (type === 'pkcs1' && asym !== 'rsa') {
    throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding pkcs1 can only be used for RSA keys.');
  }
  if (type === 'sec1' && asym !== 'ec') {
    throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding sec1 can only be used for EC keys.');
  }
  let cipher = null;
  let passphrase = null;
  if (kind === 'private' && options.cipher !== undefined) {
    validateString(options.cipher, 'options.cipher');
    if (format === 'der' && type !== 'pkcs8') {
      throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
        `The selected key encoding ${type} does not support encryption.`);
    }
    if (options.passphrase === undefined) throw invalidArgValue('options.passphrase', undefined);
    cipher = options.cipher;
    passphrase = bufferSource(options.passphrase, 'options.passphrase');
  }
  const out = libCall('crypto.keyExport', handleOfThis(key), format, type, cipher, passphrase);
  return format === 'pem' ? toBuffer(out).toString('utf8') : toBuffer(out);
}

export function isKeyObject(value) {
  return value !== null && typeof value === 'object' && keyHandles.has(value);
}

// For KeyObject.from(cryptoKey) and the WebCrypto half.
export function keyObjectFromHandle(handle, info = libCall('crypto.keyDescribe', handle)) {
  const box = new HandleBox(handle, info);
  if (info.type === 'secret') return new SecretKeyObject(box);
  return info.type === 'public' ? new PublicKeyObject(box) : new PrivateKeyObject(box);
}

export function handleOfKeyObject(keyObject) {
  return keyHandles.get(keyObject);
}

function handleOfCryptoKey(key) {
  const get = web.handleOfCryptoKey;
  return typeof get === 'function' && key !== null && typeof key === 'object' ? get(key) : undefined;
}

// ---------------------------------------------------------------- key preparation

const keyTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'];

// A secret key for Hmac/ciphers/KDFs: a handle (an integer) or the key's bytes.
export function prepareSecretKey(key, encoding) {
  if (isKeyObject(key)) {
    if (key.type !== 'secret') throw invalidKeyType(key.type, 'secret');
    return keyHandles.get(key);
  }
  const cryptoHandle = handleOfCryptoKey(key);
  if (cryptoHandle !== undefined) return cryptoHandle;
  if (typeof key === 'string') return stringBytes(key, encoding);
  if (ArrayBuffer.isView(key) || key instanceof ArrayBuffer) return bufferSource(key, 'key');
  throw invalidArgType('key', keyTypes, key);
}

// An asymmetric key for sign/verify/encrypt: { handle, temp } (a temporary import is released after use).
function prepareAsymmetricKey(key, ctx) {
  if (isKeyObject(key)) return fromKeyObject(key, ctx);
  const cryptoHandle = handleOfCryptoKey(key);
  if (cryptoHandle !== undefined) return { handle: cryptoHandle, temp: false };
  if (typeof key === 'string' || ArrayBuffer.isView(key) || key instanceof ArrayBuffer) {
    return importKey(ctx, bufferSource(key, 'key'), 'pem', null);
  }
  if (key !== null && typeof key === 'object') {
    const { key: data, format = 'pem', passphrase, encoding } = key;
    if (isKeyObject(data)) return fromKeyObject(data, ctx);
    const nested = handleOfCryptoKey(data);
    if (nested !== undefined) return { handle: nested, temp: false };
    if (format === 'jwk') {
      validateObject(data, 'key.key');
      return importKey(ctx, data, 'jwk', null);
    }
    if (format !== 'pem' && format !== 'der') throw invalidArgValue('key.format', format);
    if (typeof data !== 'string' && !ArrayBuffer.isView(data) && !(data instanceof ArrayBuffer)) {
      throw invalidArgType('key.key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    const pass = passphrase === undefined || passphrase === null ? null : bufferSource(passphrase, 'key.passphrase');
    return importKey(ctx, bufferSource(data, 'key.key', encoding), format, pass);
  }
  throw invalidArgType('key', keyTypes, key);
}

function fromKeyObject(key, ctx) {
  if (ctx === 'private' && key.type !== 'private') throw invalidKeyType(key.type, 'private');
  if (ctx === 'public' && key.type === 'secret') throw invalidKeyType('secret', 'private');
  return { handle: keyHandles.get(key), temp: false };
}

function importKey(ctx, data, format, passphrase) {
  const [handle, info] = libCall('crypto.keyImport', ctx, data, format, passphrase);
  return { handle, temp: true, info };
}

function withKey(key, ctx, fn) {
  const prepared = prepareAsymmetricKey(key, ctx);
  try {
    return fn(prepared.handle);
  } finally {
    if (prepared.temp) libCall('crypto.keyRelease', prepared.handle);
  }
}

export function createSecretKey(key, encoding) {
  if (typeof key === 'string') key = stringBytes(key, encoding);
  else if (!ArrayBuffer.isView(key) && !(key instanceof ArrayBuffer)) {
    throw invalidArgType('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  }
  const [handle, info] = libCall('crypto.keyImport', 'secret', bufferSource(key, 'key'), 'raw', null);
  return keyObjectFromHandle(handle, info);
}

function createAsymmetric(key, kind) {
  if (isKeyObject(key)) {
    if (kind === 'public' && key.type === 'private') {
      const [handle, info] = libCall('crypto.keyPublicOf', keyHandles.get(key));
      return keyObjectFromHandle(handle, info);
    }
    throw invalidKeyType(key.type, 'private');
  }
  if (typeof key !== 'string' && !ArrayBuffer.isView(key) && !(key instanceof ArrayBuffer) &&
      (key === null || typeof key !== 'object')) {
    throw invalidArgType('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'Object'], key);
  }
  const prepared = prepareAsymmetricKey(key, kind);
  if (!prepared.temp) {
    const [handle, info] = libCall(kind === 'public' ? 'crypto.keyPublicOf' : 'crypto.keyCopy', prepared.handle);
    return keyObjectFromHandle(handle, info);
  }
  return keyObjectFromHandle(prepared.handle, prepared.info);
}

export function createPublicKey(key) {
  return createAsymmetric(key, 'public');
}

export function createPrivateKey(key) {
  return createAsymmetric(key, 'private');
}

// ---------------------------------------------------------------- generation

const unsupportedPairs = new Set(['rsa-pss', 'dsa', 'dh']);

function parseEncoding(enc, name) {
  if (enc === undefined) return undefined;
  validateObject(enc, name);
  return enc;
}

function generatePair(type, options) {
  validateString(type, 'type');
  const lib = {};
  switch (type) {
    case 'rsa': {
      validateObject(options, 'options');
      const { modulusLength, publicExponent = 0x10001 } = options;
      validateUint32(modulusLength, 'options.modulusLength');
      validateUint32(publicExponent, 'options.publicExponent');
      lib.modulusLength = modulusLength;
      lib.publicExponent = publicExponent;
      break;
    }
    case 'ec': {
      validateObject(options, 'options');
      validateString(options.namedCurve, 'options.namedCurve');
      lib.namedCurve = options.namedCurve;
      break;
    }
    case 'ed25519': case 'ed448': case 'x25519': case 'x448':
      if (options !== undefined) validateObject(options, 'options');
      break;
    default:
      if (unsupportedPairs.has(type)) throw unsupportedError(`crypto.generateKeyPair type '${type}'`);
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'type' must be a supported key type. Received '${type}'`);
  }
  const publicEncoding = parseEncoding(options?.publicKeyEncoding, 'options.publicKeyEncoding');
  const privateEncoding = parseEncoding(options?.privateKeyEncoding, 'options.privateKeyEncoding');
  const [pubHandle, pubInfo, privHandle, privInfo] = libCall('crypto.keyGenerate', type, lib);
  let publicKey = keyObjectFromHandle(pubHandle, pubInfo);
  let privateKey = keyObjectFromHandle(privHandle, privInfo);
  if (publicEncoding !== undefined) {
    publicKey = publicKey.export(publicEncoding);
    libCall('crypto.keyRelease', pubHandle);
  }
  if (privateEncoding !== undefined) {
    privateKey = privateKey.export(privateEncoding);
    libCall('crypto.keyRelease', privHandle);
  }
  return { publicKey, privateKey };
}

export function generateKeyPairSync(type, options) {
  return generatePair(type, options);
}

export function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { publicKey, privateKey } = generatePair(type, options);
  later(callback, null, publicKey, privateKey);
}

function generateSecret(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  let bytes;
  if (type === 'hmac') {
    validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
    bytes = Math.floor(length / 8);
  } else if (type === 'aes') {
    if (length !== 128 && length !== 192 && length !== 256) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The property 'options.length' must be one of: 128, 192, 256. Received ${typeof length === 'string' ? `'${length}'` : length}`);
    }
    bytes = length / 8;
  } else {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'type' must be a supported key type. Received '${type}'`);
  }
  const [handle, info] = libCall('crypto.keyImport', 'secret', libCall('crypto.randomBytes', bytes), 'raw', null);
  return keyObjectFromHandle(handle, info);
}

export function generateKeySync(type, options) {
  return generateSecret(type, options);
}

export function generateKey(type, options, callback) {
  validateFunction(callback, 'callback');
  const key = generateSecret(type, options);
  later(callback, null, key);
}

// ---------------------------------------------------------------- signatures

function signOptions(key) {
  const out = { padding: null, saltLength: null, dsaEncoding: 'der' };
  if (key === null || typeof key !== 'object' || isKeyObject(key) || ArrayBuffer.isView(key) || key instanceof ArrayBuffer) {
    return out;
  }
  if (key.padding !== undefined) {
    if (!Number.isInteger(key.padding) || key.padding !== (key.padding | 0)) throw invalidArgValue('options.padding', key.padding);
    out.padding = key.padding;
  }
  if (key.saltLength !== undefined) {
    if (!Number.isInteger(key.saltLength) || key.saltLength !== (key.saltLength | 0)) {
      throw invalidArgValue('options.saltLength', key.saltLength);
    }
    out.saltLength = key.saltLength;
  }
  if (key.dsaEncoding !== undefined) {
    if (key.dsaEncoding !== 'der' && key.dsaEncoding !== 'ieee-p1363') throw invalidArgValue('options.dsaEncoding', key.dsaEncoding);
    out.dsaEncoding = key.dsaEncoding;
  }
  return out;
}

function checkDigest(algorithm) {
  try {
    libCall('crypto.hashCheck', algorithm, null);
  } catch (err) {
    if (err.code === 'ERR_CRYPTO_INVALID_DIGEST') throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
    throw err;
  }
}

export function Sign(algorithm, options) {
  if (!new.target) return new Sign(algorithm, options);
  validateString(algorithm, 'algorithm');
  checkDigest(algorithm);
  this[kHandle] = { algorithm, chunks: [], total: 0 };
  Writable.call(this, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);

Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Sign.prototype.update = function update(data, encoding) {
  const state = this[kHandle];
  const bytes = dataBytes(data, encoding);
  state.chunks.push(typeof data === 'string' ? bytes : bytes.slice());
  state.total += bytes.byteLength;
  return this;
};

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  const state = this[kHandle];
  const opts = signOptions(options);
  const data = concatBytes(state.chunks, state.total);
  const out = withKey(options, 'private', (handle) =>
    libCall('crypto.sign', state.algorithm, handle, data, opts.padding, opts.saltLength, opts.dsaEncoding, false));
  return encodeOut(out, encoding);
};

export function Verify(algorithm, options) {
  if (!new.target) return new Verify(algorithm, options);
  validateString(algorithm, 'algorithm');
  checkDigest(algorithm);
  this[kHandle] = { algorithm, chunks: [], total: 0 };
  Writable.call(this, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);

Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const state = this[kHandle];
  const opts = signOptions(options);
  const sig = bufferSource(signature, 'signature', sigEncoding);
  const data = concatBytes(state.chunks, state.total);
  return withKey(options, 'public', (handle) =>
    libCall('crypto.verify', state.algorithm, handle, data, sig, opts.padding, opts.saltLength, opts.dsaEncoding, false));
};

export function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

export function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

function oneShotAlgorithm(algorithm) {
  if (algorithm !== null && algorithm !== undefined) validateString(algorithm, 'algorithm');
  return algorithm ?? null;
}

export function sign(algorithm, data, key, callback) {
  algorithm = oneShotAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const bytes = bufferSource(data, 'data');
  if (!key) throw nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  const opts = signOptions(key);
  const out = toBuffer(withKey(key, 'private', (handle) =>
    libCall('crypto.sign', algorithm, handle, bytes, opts.padding, opts.saltLength, opts.dsaEncoding)));
  if (callback === undefined) return out;
  later(callback, null, out);
}

export function verify(algorithm, data, key, signature, callback) {
  algorithm = oneShotAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const bytes = bufferSource(data, 'data');
  const opts = signOptions(key);
  if (!ArrayBuffer.isView(signature)) throw invalidArgType('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  const sig = bufferSource(signature, 'signature');
  const ok = withKey(key, 'public', (handle) =>
    libCall('crypto.verify', algorithm, handle, bytes, sig, opts.padding, opts.saltLength, opts.dsaEncoding));
  if (callback === undefined) return ok;
  later(callback, null, ok);
}

// ---------------------------------------------------------------- RSA encryption, key agreement

function rsaCipher(name, ctx, defaultPadding) {
  return function(key, buffer) {
    const options = key !== null && typeof key === 'object' && !isKeyObject(key) && !ArrayBuffer.isView(key) ? key : {};
    const padding = options.padding ?? defaultPadding;
    const oaepHash = options.oaepHash ?? null;
    if (oaepHash !== null) validateString(oaepHash, 'key.oaepHash');
    const label = options.oaepLabel === undefined ? null : bufferSource(options.oaepLabel, 'key.oaepLabel');
    const data = bufferSource(buffer, 'buffer', options.encoding);
    return toBuffer(withKey(key, ctx, (handle) => libCall(name, handle, data, padding, oaepHash, label)));
  };
}

export const publicEncrypt = rsaCipher('crypto.publicEncrypt', 'public', 4);
export const privateDecrypt = rsaCipher('crypto.privateDecrypt', 'private', 4);

export function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!isKeyObject(privateKey)) throw invalidArgValue('options.privateKey', privateKey);
  if (!isKeyObject(publicKey)) throw invalidArgValue('options.publicKey', publicKey);
  if (privateKey.type !== 'private') throw invalidKeyType(privateKey.type, 'private');
  if (publicKey.type !== 'public' && publicKey.type !== 'private') throw invalidKeyType(publicKey.type, 'public or private');
  return toBuffer(libCall('crypto.diffieHellman', keyHandles.get(privateKey), keyHandles.get(publicKey)));
}

export { validateBoolean, validateInt32 };
