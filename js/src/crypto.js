// node:crypto, backed by the worker's Python (hashlib, hmac, os.urandom and
// `cryptography`) through libCall: see src/secure_exec/_engine/_lib/_crypto*.py.
// Hashes and HMAC live in crypto_hash.js, ciphers in crypto_cipher.js, keys
// and signatures in crypto_keys.js; entropy, KDFs and the module live here.

import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { validateFunction, validateInteger, unsupportedError } from './errors.js';
import { validateBoolean, validateInt32, validateObject, validateString, validateUint32 } from './fs_common.js';
import { DOMException } from './dom_exception.js';
import {
  Buffer, bufferSource, invalidArgType, later, libCall, nodeError, outOfRange, toBuffer, viewBytes,
} from './crypto_util.js';
import { Hash, Hmac, createHash, createHmac, hash } from './crypto_hash.js';
import { Cipheriv, Decipheriv, createCipheriv, createDecipheriv } from './crypto_cipher.js';
import {
  KeyObject, Sign, Verify, createPrivateKey, createPublicKey, createSecretKey, createSign, createVerify,
  diffieHellman, generateKey, generateKeyPair, generateKeyPairSync, generateKeySync, handleOfKeyObject,
  keyObjectFromHandle, prepareSecretKey, privateDecrypt, publicEncrypt, sign, verify,
} from './crypto_keys.js';
import * as web from './webcrypto.js';

export { keyObjectFromHandle, handleOfKeyObject };

const kMaxLength = 2 ** 31 - 1;
const kMaxUint32 = 2 ** 32 - 1;

// ---------------------------------------------------------------- entropy

function entropy(size) {
  return libCall('crypto.randomBytes', size);
}

function validateNumber(value, name) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
}

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw outOfRange('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxLength || size < 0) {
    throw outOfRange('size', `>= 0 && <= ${kMaxLength}`, size);
  }
  if (size + offset > length) throw outOfRange('size + offset', `<= ${length}`, size + offset);
  return size >>> 0;
}

function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = toBuffer(entropy(size));
  if (callback === undefined) return buf;
  later(callback, null, buf);
}

function fillTarget(buf) {
  if (ArrayBuffer.isView(buf)) return { bytes: viewBytes(buf), elementSize: buf.BYTES_PER_ELEMENT ?? 1 };
  if (buf instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && buf instanceof SharedArrayBuffer)) {
    return { bytes: new Uint8Array(buf), elementSize: 1 };
  }
  throw invalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
}

function fill(target, offset, size) {
  if (size > 0) target.bytes.set(entropy(size), offset);
}

function randomFillSync(buf, offset = 0, size) {
  const target = fillTarget(buf);
  const length = target.bytes.byteLength;
  offset = assertOffset(offset, target.elementSize, length);
  size = size === undefined ? length - offset : assertSize(size, target.elementSize, offset, length);
  fill(target, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  const target = fillTarget(buf);
  const length = target.bytes.byteLength;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = length;
  } else if (typeof size === 'function') {
    validateFunction(size, 'callback');
    callback = size;
    offset = assertOffset(offset, target.elementSize, length);
    size = length - offset;
  } else {
    validateFunction(callback, 'callback');
    offset = assertOffset(offset, target.elementSize, length);
    if (size === undefined) size = length - offset;
    else size = assertSize(size, target.elementSize, offset, length);
  }
  fill(target, offset, size);
  later(callback, null, buf);
}

const RAND_MAX = 0xFFFFFFFFFFFF;

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw invalidArgType('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw invalidArgType('max', 'a safe integer', max);
  if (max <= min) throw outOfRange('max', `greater than the value of "min" (${min})`, max);
  const range = max - min;
  if (!(range <= RAND_MAX)) throw outOfRange(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  const randLimit = RAND_MAX - (RAND_MAX % range);
  let n;
  do {
    n = toBuffer(entropy(6)).readUIntBE(0, 6);
  } while (n >= randLimit);
  const value = min + (n % range);
  if (isSync) return value;
  later(callback, undefined, value);
}

const hex = [];
for (let i = 0; i < 256; i++) hex.push((i + 0x100).toString(16).slice(1));

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  if (options?.disableEntropyCache !== undefined) validateBoolean(options.disableEntropyCache, 'options.disableEntropyCache');
  const b = entropy(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return `${hex[b[0]]}${hex[b[1]]}${hex[b[2]]}${hex[b[3]]}-${hex[b[4]]}${hex[b[5]]}-${hex[b[6]]}${hex[b[7]]}-` +
    `${hex[b[8]]}${hex[b[9]]}-${hex[b[10]]}${hex[b[11]]}${hex[b[12]]}${hex[b[13]]}${hex[b[14]]}${hex[b[15]]}`;
}

const integerArrays = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'BigInt64Array', 'BigUint64Array'];

function ownGetRandomValues(data) {
  const tag = ArrayBuffer.isView(data) && !(data instanceof DataView) ? Object.prototype.toString.call(data).slice(8, -1) : '';
  if (!integerArrays.includes(tag)) {
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  randomFillSync(data, 0);
  return data;
}

function getRandomValues(data) {
  const webcrypto = web.webcrypto;
  if (webcrypto !== undefined && typeof webcrypto.getRandomValues === 'function') {
    return webcrypto.getRandomValues(data);
  }
  return ownGetRandomValues(data);
}

function timingSafeEqual(buf1, buf2) {
  const left = buf1 instanceof ArrayBuffer ? new Uint8Array(buf1) : ArrayBuffer.isView(buf1) ? viewBytes(buf1) : null;
  const notView = (name) => nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
  if (left === null) throw notView('buf1');
  const right = buf2 instanceof ArrayBuffer ? new Uint8Array(buf2) : ArrayBuffer.isView(buf2) ? viewBytes(buf2) : null;
  if (right === null) throw notView('buf2');
  if (left.byteLength !== right.byteLength) {
    throw nodeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  }
  return libCall('crypto.timingSafeEqual', left, right);
}

// ---------------------------------------------------------------- key derivation

function pbkdf2Derive(password, salt, iterations, keylen, digest) {
  password = bufferSource(password, 'password');
  salt = bufferSource(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  validateString(digest, 'digest');
  return toBuffer(libCall('crypto.pbkdf2', password, salt, iterations, keylen, digest));
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return pbkdf2Derive(password, salt, iterations, keylen, digest);
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  validateFunction(callback, 'callback');
  const out = pbkdf2Derive(password, salt, iterations, keylen, digest);
  later(callback, null, out);
}

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function incompatiblePair() {
  return nodeError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
}

function scryptDerive(password, salt, keylen, options) {
  password = bufferSource(password, 'password');
  salt = bufferSource(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options !== undefined && options !== null) {
    const pick = (short, long, cur) => {
      let value = cur;
      const hasShort = options[short] !== undefined;
      if (hasShort) {
        value = options[short];
        validateUint32(value, short);
      }
      if (options[long] !== undefined) {
        if (hasShort) throw incompatiblePair(short, long);
        value = options[long];
        validateUint32(value, long);
      }
      return value;
    };
    N = pick('N', 'cost', N);
    r = pick('r', 'blockSize', r);
    p = pick('p', 'parallelization', p);
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
  }
  return toBuffer(libCall('crypto.scrypt', password, salt, keylen, N, r, p, maxmem));
}

function scryptSync(password, salt, keylen, options) {
  return scryptDerive(password, salt, keylen, options);
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const out = scryptDerive(password, salt, keylen, options);
  later(callback, null, out);
}

function hkdfDerive(digest, ikm, salt, info, keylen) {
  validateString(digest, 'digest');
  let key;
  try {
    key = prepareSecretKey(ikm);
  } catch (err) {
    if (err.code !== 'ERR_INVALID_ARG_TYPE') throw err;
    throw invalidArgType('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], ikm);
  }
  salt = bufferSource(salt, 'salt');
  info = bufferSource(info, 'info');
  validateInteger(keylen, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw outOfRange('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const out = libCall('crypto.hkdf', digest, key, salt, info, keylen);
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  return hkdfDerive(digest, ikm, salt, info, keylen);
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  validateFunction(callback, 'callback');
  const out = hkdfDerive(digest, ikm, salt, info, keylen);
  later(callback, null, out);
}

// ---------------------------------------------------------------- lists and constants

const HASHES = [
  'RSA-MD5', 'RSA-RIPEMD160', 'RSA-SHA1', 'RSA-SHA1-2', 'RSA-SHA224', 'RSA-SHA256', 'RSA-SHA3-224', 'RSA-SHA3-256',
  'RSA-SHA3-384', 'RSA-SHA3-512', 'RSA-SHA384', 'RSA-SHA512', 'RSA-SHA512/224', 'RSA-SHA512/256', 'RSA-SM3',
  'blake2b512', 'blake2s256', 'id-rsassa-pkcs1-v1_5-with-sha3-224', 'id-rsassa-pkcs1-v1_5-with-sha3-256',
  'id-rsassa-pkcs1-v1_5-with-sha3-384', 'id-rsassa-pkcs1-v1_5-with-sha3-512', 'md5', 'md5-sha1',
  'md5WithRSAEncryption', 'ripemd', 'ripemd160', 'ripemd160WithRSA', 'rmd160', 'sha1', 'sha1WithRSAEncryption',
  'sha224', 'sha224WithRSAEncryption', 'sha256', 'sha256WithRSAEncryption', 'sha3-224', 'sha3-256', 'sha3-384',
  'sha3-512', 'sha384', 'sha384WithRSAEncryption', 'sha512', 'sha512-224', 'sha512-224WithRSAEncryption',
  'sha512-256', 'sha512-256WithRSAEncryption', 'sha512WithRSAEncryption', 'shake128', 'shake256', 'sm3',
  'sm3WithRSAEncryption', 'ssl3-md5', 'ssl3-sha1',
];

const CIPHERS = [];
for (const bits of [128, 192, 256]) {
  for (const mode of ['cbc', 'cfb', 'cfb8', 'ctr', 'ecb', 'gcm', 'ofb']) CIPHERS.push(`aes-${bits}-${mode}`);
}
CIPHERS.push('aes128', 'aes192', 'aes256', 'chacha20', 'chacha20-poly1305', 'id-aes128-GCM', 'id-aes192-GCM', 'id-aes256-GCM');

const CURVES = ['prime256v1', 'secp256k1', 'secp384r1', 'secp521r1'];

const CONSTANTS = {
  OPENSSL_VERSION_NUMBER: 810549280, SSL_OP_ALL: 2147485776, SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144, SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768, SSL_OP_COOKIE_EXCHANGE: 8192, SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048, SSL_OP_LEGACY_SERVER_CONNECT: 4, SSL_OP_NO_COMPRESSION: 131072,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 524288, SSL_OP_NO_QUERY_MTU: 4096, SSL_OP_NO_RENEGOTIATION: 1073741824,
  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536, SSL_OP_NO_SSLv2: 0, SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TICKET: 16384, SSL_OP_NO_TLSv1: 67108864, SSL_OP_NO_TLSv1_1: 268435456, SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912, SSL_OP_PRIORITIZE_CHACHA: 2097152, SSL_OP_TLS_ROLLBACK_BUG: 8388608,
  ENGINE_METHOD_RSA: 1, ENGINE_METHOD_DSA: 2, ENGINE_METHOD_DH: 4, ENGINE_METHOD_RAND: 8, ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64, ENGINE_METHOD_DIGESTS: 128, ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024, ENGINE_METHOD_ALL: 65535, ENGINE_METHOD_NONE: 0,
  DH_CHECK_P_NOT_SAFE_PRIME: 2, DH_CHECK_P_NOT_PRIME: 1, DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8, RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5, RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:' +
    'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:' +
    '!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  TLS1_VERSION: 769, TLS1_1_VERSION: 770, TLS1_2_VERSION: 771, TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4, POINT_CONVERSION_HYBRID: 6,
};
CONSTANTS.defaultCipherList = CONSTANTS.defaultCoreCipherList;

// ---------------------------------------------------------------- the module

function unsupported(name) {
  const fn = function() {
    throw unsupportedError(`crypto.${name}`);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

const UNSUPPORTED = [
  'checkPrime', 'checkPrimeSync', 'createDiffieHellman', 'createDiffieHellmanGroup', 'createECDH', 'generatePrime',
  'generatePrimeSync', 'getCipherInfo', 'getDiffieHellman', 'privateEncrypt', 'publicDecrypt', 'setEngine',
  'secureHeapUsed', 'Certificate', 'DiffieHellman', 'DiffieHellmanGroup', 'ECDH', 'X509Certificate',
];

function createCrypto() {
  const crypto = {
    checkPrime: null, checkPrimeSync: null,
    createCipheriv, createDecipheriv,
    createDiffieHellman: null, createDiffieHellmanGroup: null, createECDH: null,
    createHash, createHmac, createPrivateKey, createPublicKey, createSecretKey, createSign, createVerify,
    diffieHellman,
    generatePrime: null, generatePrimeSync: null,
    getCiphers: () => CIPHERS.slice().sort(),
    getCipherInfo: null,
    getCurves: () => CURVES.slice(),
    getDiffieHellman: null,
    getHashes: () => HASHES.slice(),
    hkdf, hkdfSync, pbkdf2, pbkdf2Sync,
    generateKeyPair, generateKeyPairSync, generateKey, generateKeySync,
    privateDecrypt, privateEncrypt: null, publicDecrypt: null, publicEncrypt,
    randomBytes, randomFill, randomFillSync, randomInt, randomUUID,
    scrypt, scryptSync, sign, setEngine: null, timingSafeEqual,
    getFips: () => 0,
    setFips(value) {
      if (value) throw unsupportedError('crypto.setFips');
    },
    verify, hash,
    Certificate: null,
    Cipher: Cipheriv, Cipheriv, Decipher: Decipheriv, Decipheriv,
    DiffieHellman: null, DiffieHellmanGroup: null, ECDH: null,
    Hash: deprecatedClass(Hash, 'crypto.Hash constructor is deprecated.', 'DEP0179'),
    Hmac: deprecatedClass(Hmac, 'crypto.Hmac constructor is deprecated.', 'DEP0181'),
    KeyObject, Sign, Verify,
    X509Certificate: null,
    secureHeapUsed: null,
    constants: Object.freeze({ ...CONSTANTS }),
  };
  for (const name of UNSUPPORTED) crypto[name] = unsupported(name);
  Object.defineProperty(crypto, 'pseudoRandomBytes', { value: randomBytes, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(crypto, 'prng', { value: randomBytes, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(crypto, 'rng', { value: randomBytes, enumerable: false, writable: true, configurable: true });
  for (const name of ['webcrypto', 'subtle']) {
    Object.defineProperty(crypto, name, {
      get() {
        const webcrypto = web.webcrypto;
        return name === 'webcrypto' ? webcrypto : webcrypto?.subtle ?? web.subtle;
      },
      enumerable: true,
      configurable: false,
    });
  }
  Object.defineProperty(crypto, 'getRandomValues', { value: getRandomValues, enumerable: true, writable: true, configurable: true });
  return crypto;
}

// Node 22 deprecates calling the Hash and Hmac constructors directly
// (createHash/createHmac are the API); the wrapper keeps `instanceof` working.
function deprecatedClass(Class, message, code) {
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      ctx.process.emitWarning(message, 'DeprecationWarning', code);
    }
    return new.target ? Reflect.construct(Class, args, new.target) : Reflect.apply(Class, this, args);
  }
  Object.setPrototypeOf(deprecated, Class);
  Object.defineProperty(deprecated, 'length', { value: Class.length });
  deprecated.prototype = Class.prototype;
  return deprecated;
}

let cryptoModule = null;

export function install() {
  defineBuiltin('crypto', () => (cryptoModule ??= createCrypto()));
}

export { randomFillSync, ownGetRandomValues, Buffer };
