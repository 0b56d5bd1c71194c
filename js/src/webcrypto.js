// Web Crypto as Node 22 exposes it: globalThis.crypto (a Crypto), crypto.subtle
// (a SubtleCrypto), CryptoKey. This file does the WebIDL conversions, algorithm
// normalisation and the usage/extractable checks with Node's messages; the
// cryptography runs in Python (src/secure_exec/_engine/_lib/_webcrypto.py),
// where the key material lives in the execution's handle table.

import { op, makeError } from './dispatch.js';
import { DOMException } from './dom_exception.js';
import { nodeError } from './errors.js';
import { Buffer } from './fs_common.js';
import { named } from './native.js';

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const ArrayBufferIsView = ArrayBuffer.isView;
const isArrayBuffer = (v) => {
  try {
    Reflect.apply(Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get, v, []);
    return true;
  } catch {
    return false;
  }
};
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

// ---------------------------------------------------------------- calling Python

// A library call whose errors may be DOMExceptions (the Python side names them in `dom`).
function call(name, ...args) {
  const reply = op('lib', name, args);
  if (reply.err) {
    if (reply.err.dom) throw new DOMException(reply.err.message, reply.err.dom);
    throw makeError(reply.err);
  }
  return reply.ok;
}

function toArrayBuffer(u8) {
  if (u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength) return u8.buffer;
  return u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
}

// A private copy of a BufferSource's bytes (what crosses to Python).
function bytesOf(source) {
  if (ArrayBufferIsView(source)) {
    return new Uint8Array(source.buffer, source.byteOffset, source.byteLength).slice();
  }
  return new Uint8Array(source).slice();
}

const domError = (message, name) => new DOMException(message, name);

// ---------------------------------------------------------------- WebIDL

function makeException(message, opts = {}) {
  const prefix = opts.prefix ? `${opts.prefix}: ` : '';
  const context = opts.context?.length === 0 ? '' : `${opts.context ?? 'Value'} `;
  const err = new TypeError(`${prefix}${context}${message}`);
  err.code = opts.code || 'ERR_INVALID_ARG_TYPE';
  return err;
}

function idlType(v) {
  if (v === null) return 'Null';
  switch (typeof v) {
    case 'undefined': return 'Undefined';
    case 'boolean': return 'Boolean';
    case 'number': return 'Number';
    case 'string': return 'String';
    case 'symbol': return 'Symbol';
    case 'bigint': return 'BigInt';
    default: return 'Object';
  }
}

function toNumber(v, opts) {
  if (typeof v === 'bigint') throw makeException('is a BigInt and cannot be converted to a number.', opts);
  if (typeof v === 'symbol') throw makeException('is a Symbol and cannot be converted to a number.', opts);
  return Number(v);
}

function integer(bits, enforce) {
  const max = 2 ** bits - 1;
  return (v, opts = {}) => {
    let x = toNumber(v, opts);
    if (enforce) {
      if (!Number.isFinite(x)) throw makeException('is not a finite number.', opts);
      x = Math.trunc(x);
      if (x < 0 || x > max) {
        throw makeException(`is outside the expected range of 0 to ${max}.`, { ...opts, code: 'ERR_OUT_OF_RANGE' });
      }
      return x;
    }
    if (!Number.isFinite(x) || x === 0) return 0;
    x = Math.trunc(x);
    return x >= 0 && x <= max ? x : x % 2 ** bits;
  };
}
const octet = integer(8, true);
const ushort = integer(16, true);
const ulong = integer(32, true);
const ulongLoose = integer(32, false);

function DOMString(v, opts = {}) {
  if (typeof v === 'string') return v;
  if (typeof v === 'symbol') throw makeException('is a Symbol and cannot be converted to a string.', opts);
  return String(v);
}

function BufferSource(v, opts = {}) {
  if (ArrayBufferIsView(v)) {
    if (typeof SharedArrayBuffer !== 'undefined' && v.buffer instanceof SharedArrayBuffer) {
      throw makeException('is a view on a SharedArrayBuffer, which is not allowed.', opts);
    }
    return v;
  }
  if (!isArrayBuffer(v)) throw makeException('is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.', opts);
  return v;
}

function Uint8ArrayConv(v, opts = {}) {
  if (!ArrayBufferIsView(v) || typedArrayTag.call(v) !== 'Uint8Array') {
    throw makeException('is not an Uint8Array object.', opts);
  }
  return v;
}

function AlgorithmIdentifier(v, opts) {
  if (idlType(v) === 'Object') return v;
  return DOMString(v, opts);
}

function enumConverter(name, values) {
  const set = new Set(values);
  return (v, opts = {}) => {
    const s = String(v);
    if (!set.has(s)) {
      throw makeException(`value '${s}' is not a valid enum value of type ${name}.`, { ...opts, code: 'ERR_INVALID_ARG_VALUE' });
    }
    return s;
  };
}
const KeyFormat = enumConverter('KeyFormat', ['raw', 'pkcs8', 'spki', 'jwk']);
const KeyUsage = enumConverter('KeyUsage',
  ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey']);

function sequence(conv) {
  return (v, opts = {}) => {
    const fail = () => makeException('can not be converted to sequence.', opts);
    if (idlType(v) !== 'Object') throw fail();
    const iter = v?.[Symbol.iterator]?.();
    if (iter === undefined) throw fail();
    const out = [];
    for (;;) {
      const res = iter?.next?.();
      if (res === undefined) throw fail();
      if (res.done === true) break;
      out.push(conv(res.value, { ...opts, context: `${opts.context}, index ${out.length}` }));
    }
    return out;
  };
}
const KeyUsages = sequence(KeyUsage);
const DOMStrings = sequence(DOMString);

function requiredArguments(length, required, prefix) {
  if (length < required) {
    throw makeException(`${required} argument${required === 1 ? '' : 's'} required, but only ${length} present.`,
      { prefix, context: '', code: 'ERR_MISSING_ARGS' });
  }
}

// A dictionary converter: members are read in name order, as WebIDL specifies.
function dictionary(name, members) {
  const sorted = [...members].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const hasRequired = members.some((m) => m.required);
  return (v, opts = {}) => {
    const t = idlType(v);
    if (t !== 'Undefined' && t !== 'Null' && t !== 'Object') throw makeException('can not be converted to a dictionary', opts);
    const out = {};
    if (v == null && !hasRequired) return out;
    for (const member of sorted) {
      const value = v == null ? undefined : v[member.key];
      if (value !== undefined) {
        const context = `'${member.key}' of '${name}'${opts.context ? ` (${opts.context})` : ''}`;
        const converted = member.conv(value, { ...opts, context });
        member.check?.(converted, v);
        out[member.key] = converted;
      } else if (member.required) {
        throw makeException(`can not be converted to '${name}' because '${member.key}' is required in '${name}'.`,
          { ...opts, code: 'ERR_MISSING_OPTION' });
      }
    }
    return out;
  };
}

const kMaxBufferLength = 2 ** 31 - 1;
function validateMaxBufferLength(data, name) {
  if (data.byteLength > kMaxBufferLength) {
    throw domError(`${name} must be less than ${kMaxBufferLength + 1} bits`, 'OperationError');
  }
}
function exactBytes(name, n) {
  return (v) => {
    if (v.byteLength !== n) throw domError(`${name} must contain exactly ${n} bytes`, 'OperationError');
  };
}
function aesLength(v) {
  if (v !== 128 && v !== 192 && v !== 256) throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
}
const CURVES = ['P-256', 'P-384', 'P-521'];
function namedCurve(v) {
  if (!CURVES.includes(v)) throw domError('Unrecognized namedCurve', 'NotSupportedError');
}
function hmacLength(v) {
  if (v === 0) throw domError('Zero-length key is not supported', 'DataError');
  if (v % 8) throw domError('Unsupported algorithm.length', 'NotSupportedError');
}

const nameMember = { key: 'name', conv: DOMString, required: true };
const hashMember = { key: 'hash', conv: AlgorithmIdentifier, required: true };
const rsaGen = [nameMember, { key: 'modulusLength', conv: ulong, required: true },
  { key: 'publicExponent', conv: Uint8ArrayConv, required: true }];

const DICTS = {
  Algorithm: dictionary('Algorithm', [nameMember]),
  RsaHashedKeyGenParams: dictionary('RsaHashedKeyGenParams', [...rsaGen, hashMember]),
  RsaHashedImportParams: dictionary('RsaHashedImportParams', [nameMember, hashMember]),
  EcKeyImportParams: dictionary('EcKeyImportParams',
    [nameMember, { key: 'namedCurve', conv: DOMString, check: namedCurve, required: true }]),
  EcKeyGenParams: dictionary('EcKeyGenParams',
    [nameMember, { key: 'namedCurve', conv: DOMString, check: namedCurve, required: true }]),
  AesKeyGenParams: dictionary('AesKeyGenParams',
    [nameMember, { key: 'length', conv: ushort, check: aesLength, required: true }]),
  HmacKeyGenParams: dictionary('HmacKeyGenParams', [nameMember, hashMember, { key: 'length', conv: ulong, check: hmacLength }]),
  RsaPssParams: dictionary('RsaPssParams', [nameMember, { key: 'saltLength', conv: ulong, required: true }]),
  RsaOaepParams: dictionary('RsaOaepParams', [nameMember, { key: 'label', conv: BufferSource }]),
  EcdsaParams: dictionary('EcdsaParams', [nameMember, hashMember]),
  HmacImportParams: dictionary('HmacImportParams', [nameMember, hashMember, { key: 'length', conv: ulong, check: hmacLength }]),
  HkdfParams: dictionary('HkdfParams', [nameMember, hashMember, { key: 'salt', conv: BufferSource, required: true },
    { key: 'info', conv: BufferSource, required: true }]),
  Pbkdf2Params: dictionary('Pbkdf2Params', [nameMember, hashMember,
    { key: 'iterations', conv: ulong, required: true,
      check: (v) => { if (v === 0) throw domError('iterations cannot be zero', 'OperationError'); } },
    { key: 'salt', conv: BufferSource, required: true }]),
  AesDerivedKeyParams: dictionary('AesDerivedKeyParams',
    [nameMember, { key: 'length', conv: ushort, check: aesLength, required: true }]),
  AesCbcParams: dictionary('AesCbcParams',
    [nameMember, { key: 'iv', conv: BufferSource, check: exactBytes('algorithm.iv', 16), required: true }]),
  AesGcmParams: dictionary('AesGcmParams', [nameMember,
    { key: 'iv', conv: BufferSource, check: (v) => validateMaxBufferLength(v, 'algorithm.iv'), required: true },
    { key: 'tagLength', conv: octet,
      check: (v) => {
        if (![32, 64, 96, 104, 112, 120, 128].includes(v)) throw domError(`${v} is not a valid AES-GCM tag length`, 'OperationError');
      } },
    { key: 'additionalData', conv: BufferSource, check: (v) => validateMaxBufferLength(v, 'algorithm.additionalData') }]),
  AesCtrParams: dictionary('AesCtrParams', [nameMember,
    { key: 'counter', conv: BufferSource, check: exactBytes('algorithm.counter', 16), required: true },
    { key: 'length', conv: octet, required: true,
      check: (v) => {
        if (v === 0 || v > 128) throw domError('AES-CTR algorithm.length must be between 1 and 128', 'OperationError');
      } }]),
  EcdhKeyDeriveParams: dictionary('EcdhKeyDeriveParams', [nameMember,
    { key: 'public', conv: CryptoKeyConv, required: true,
      check: (v, dict) => {
        if (v.type !== 'public') throw domError('algorithm.public must be a public key', 'InvalidAccessError');
        if (v.algorithm.name.toUpperCase() !== String(dict.name).toUpperCase()) {
          throw domError(`algorithm.public must be an ${String(dict.name).toUpperCase()} key`, 'InvalidAccessError');
        }
      } }]),
};

// Members of each dictionary that normalisation post-processes.
const BUFFER_MEMBERS = {
  AesGcmParams: ['iv', 'additionalData'], HkdfParams: ['salt', 'info'], Pbkdf2Params: ['salt'], RsaOaepParams: ['label'],
};
const HASH_MEMBERS = new Set(['RsaHashedKeyGenParams', 'RsaHashedImportParams', 'HmacKeyGenParams', 'EcdsaParams',
  'HmacImportParams', 'HkdfParams', 'Pbkdf2Params']);

const SUPPORTED = {
  digest: { 'SHA-1': null, 'SHA-256': null, 'SHA-384': null, 'SHA-512': null },
  generateKey: {
    'RSASSA-PKCS1-v1_5': 'RsaHashedKeyGenParams', 'RSA-PSS': 'RsaHashedKeyGenParams', 'RSA-OAEP': 'RsaHashedKeyGenParams',
    'ECDSA': 'EcKeyGenParams', 'ECDH': 'EcKeyGenParams', 'AES-CTR': 'AesKeyGenParams', 'AES-CBC': 'AesKeyGenParams',
    'AES-GCM': 'AesKeyGenParams', 'AES-KW': 'AesKeyGenParams', 'HMAC': 'HmacKeyGenParams', 'Ed25519': null, 'X25519': null,
  },
  exportKey: {
    'RSASSA-PKCS1-v1_5': null, 'RSA-PSS': null, 'RSA-OAEP': null, 'ECDSA': null, 'ECDH': null, 'HMAC': null,
    'AES-CTR': null, 'AES-CBC': null, 'AES-GCM': null, 'AES-KW': null, 'Ed25519': null, 'X25519': null,
  },
  sign: { 'RSASSA-PKCS1-v1_5': null, 'RSA-PSS': 'RsaPssParams', 'ECDSA': 'EcdsaParams', 'HMAC': null, 'Ed25519': null },
  verify: { 'RSASSA-PKCS1-v1_5': null, 'RSA-PSS': 'RsaPssParams', 'ECDSA': 'EcdsaParams', 'HMAC': null, 'Ed25519': null },
  importKey: {
    'RSASSA-PKCS1-v1_5': 'RsaHashedImportParams', 'RSA-PSS': 'RsaHashedImportParams', 'RSA-OAEP': 'RsaHashedImportParams',
    'ECDSA': 'EcKeyImportParams', 'ECDH': 'EcKeyImportParams', 'HMAC': 'HmacImportParams', 'HKDF': null, 'PBKDF2': null,
    'AES-CTR': null, 'AES-CBC': null, 'AES-GCM': null, 'AES-KW': null, 'Ed25519': null, 'X25519': null,
  },
  deriveBits: { 'HKDF': 'HkdfParams', 'PBKDF2': 'Pbkdf2Params', 'ECDH': 'EcdhKeyDeriveParams', 'X25519': 'EcdhKeyDeriveParams' },
  encrypt: { 'RSA-OAEP': 'RsaOaepParams', 'AES-CBC': 'AesCbcParams', 'AES-GCM': 'AesGcmParams', 'AES-CTR': 'AesCtrParams' },
  decrypt: { 'RSA-OAEP': 'RsaOaepParams', 'AES-CBC': 'AesCbcParams', 'AES-GCM': 'AesGcmParams', 'AES-CTR': 'AesCtrParams' },
  'get key length': {
    'AES-CBC': 'AesDerivedKeyParams', 'AES-CTR': 'AesDerivedKeyParams', 'AES-GCM': 'AesDerivedKeyParams',
    'AES-KW': 'AesDerivedKeyParams', 'HMAC': 'HmacImportParams', 'HKDF': null, 'PBKDF2': null,
  },
  wrapKey: { 'AES-KW': null },
  unwrapKey: { 'AES-KW': null },
};

const normOpts = { prefix: 'Failed to normalize algorithm', context: 'passed algorithm' };

function normalizeAlgorithm(algorithm, operation) {
  if (typeof algorithm === 'string') return normalizeAlgorithm({ name: algorithm }, operation);
  const registered = SUPPORTED[operation];
  const initial = DICTS.Algorithm(algorithm, normOpts);
  let name = initial.name;
  let desired;
  for (const key of Object.keys(registered)) {
    if (key.toUpperCase() === name.toUpperCase()) {
      name = key;
      desired = registered[key];
    }
  }
  if (desired === undefined) throw domError('Unrecognized algorithm name', 'NotSupportedError');
  if (desired === null) return { name };
  const normalized = DICTS[desired](algorithm, normOpts);
  normalized.name = name;
  for (const member of BUFFER_MEMBERS[desired] ?? []) {
    if (normalized[member]) normalized[member] = bytesOf(normalized[member]);
  }
  if (HASH_MEMBERS.has(desired)) normalized.hash = normalizeAlgorithm(normalized.hash, 'digest');
  return normalized;
}

// ---------------------------------------------------------------- CryptoKey

// Key state lives in a WeakMap guest code cannot reach: a CryptoKey cannot be
// forged or pointed at another handle from the guest.
const keyState = new WeakMap();

function illegalConstructor() {
  return nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}
function invalidThis(type) {
  return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}
function stateOf(key) {
  const s = keyState.get(key);
  if (s === undefined) throw invalidThis('CryptoKey');
  return s;
}

export const CryptoKey = ({ CryptoKey: class {
  constructor() {
    throw illegalConstructor();
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const s = stateOf(this);
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `CryptoKey ${inspect({ type: s.type, extractable: s.extractable, algorithm: s.algorithm, usages: s.usages }, opts)}`;
  }

  get type() {
    return stateOf(this).type;
  }

  get extractable() {
    return stateOf(this).extractable;
  }

  get algorithm() {
    return stateOf(this).algorithm;
  }

  get usages() {
    return stateOf(this).usages;
  }
} }).CryptoKey;

for (const prop of ['type', 'extractable', 'algorithm', 'usages']) {
  Object.defineProperty(CryptoKey.prototype, prop, { enumerable: true });
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

// A CryptoKey over the key in handle `handle` (kept in the execution's handle table).
export function makeCryptoKey(handle, type, extractable, algorithm, usages) {
  const key = Object.create(CryptoKey.prototype);
  keyState.set(key, { handle, type, extractable, algorithm, usages });
  return key;
}

// The handle of a CryptoKey's key material (throws for anything else).
export function cryptoKeyHandle(key) {
  return stateOf(key).handle;
}

function CryptoKeyConv(v, opts) {
  if (!keyState.has(v)) throw makeException('is not of type CryptoKey.', opts);
  return v;
}

// ---------------------------------------------------------------- algorithms

const hasAnyNotIn = (usages, allowed) => usages.some((u) => !allowed.includes(u));
const unionOf = (set, ...usages) => usages.filter((u) => set.has(u));
const dedupe = (usages) => [...new Set(usages)];

const BLOCK_BITS = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
const DIGEST_BYTES = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
const JWK_HASH = {
  HMAC: { 'SHA-1': 'HS1', 'SHA-256': 'HS256', 'SHA-384': 'HS384', 'SHA-512': 'HS512' },
  'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256', 'SHA-384': 'RS384', 'SHA-512': 'RS512' },
  'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384', 'SHA-512': 'PS512' },
  'RSA-OAEP': { 'SHA-1': 'RSA-OAEP', 'SHA-256': 'RSA-OAEP-256', 'SHA-384': 'RSA-OAEP-384', 'SHA-512': 'RSA-OAEP-512' },
};
const AES_NAMES = ['AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW'];
const RSA_NAMES = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP'];
const KIND = {
  'RSASSA-PKCS1-v1_5': 'rsa', 'RSA-PSS': 'rsa', 'RSA-OAEP': 'rsa', ECDSA: 'ec', ECDH: 'ec', Ed25519: 'ed25519', X25519: 'x25519',
};

// What a key of algorithm `name` may be used for (public / private), as Node checks on import.
function asymmetricUsages(name, isPublic) {
  switch (name) {
    case 'RSA-OAEP': return isPublic ? ['encrypt', 'wrapKey'] : ['decrypt', 'unwrapKey'];
    case 'RSA-PSS': case 'RSASSA-PKCS1-v1_5': case 'ECDSA': case 'Ed25519': return isPublic ? ['verify'] : ['sign'];
    default: return isPublic ? [] : ['deriveKey', 'deriveBits'];
  }
}
function usageError(name) {
  return domError(`Unsupported key usage for an ${name} key`, 'SyntaxError');
}
function importUsageError(name) {
  const article = RSA_NAMES.includes(name) ? 'an' : 'a';
  return domError(`Unsupported key usage for ${article} ${name} key`, 'SyntaxError');
}

const KEY_OPS = ['sign', 'verify', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'deriveKey', 'deriveBits'];
function validateKeyOps(keyOps, usages) {
  if (keyOps === undefined) return;
  const seen = new Set();
  for (const op of keyOps) {
    if (!KEY_OPS.includes(op)) continue;
    if (seen.has(op)) throw domError('Duplicate key operation', 'DataError');
    seen.add(op);
  }
  for (const use of usages) {
    if (!keyOps.includes(use)) throw domError('Key operations and usage mismatch', 'DataError');
  }
}
function checkJwkCommon(jwk, usages, extractable, use) {
  if (usages.size > 0 && jwk.use !== undefined && jwk.use !== use) throw domError('Invalid JWK "use" Parameter', 'DataError');
  validateKeyOps(jwk.key_ops, usages);
  if (jwk.ext !== undefined && jwk.ext === false && extractable === true) {
    throw domError('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
}

function secretFromJwk(jwk) {
  if (typeof jwk.k !== 'string') throw domError('Invalid keyData', 'DataError');
  return new Uint8Array(Buffer.from(jwk.k.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

function importSecret(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  const usageSet = new Set(usages);
  let bytes;
  if (name === 'HMAC') {
    if (hasAnyNotIn(usages, ['sign', 'verify'])) throw domError('Unsupported key usage for an HMAC key', 'SyntaxError');
    if (format === 'raw') {
      bytes = bytesOf(keyData);
    } else if (format === 'jwk') {
      if (!keyData.kty) throw domError('Invalid keyData', 'DataError');
      if (keyData.kty !== 'oct') throw domError('Invalid JWK "kty" Parameter', 'DataError');
      checkJwkCommon(keyData, usageSet, extractable, 'sig');
      if (keyData.alg !== undefined && keyData.alg !== JWK_HASH.HMAC[algorithm.hash.name]) {
        throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
      }
      bytes = secretFromJwk(keyData);
    } else {
      return undefined;
    }
    const length = bytes.byteLength * 8;
    if (length === 0) throw domError('Zero-length key is not supported', 'DataError');
    if (algorithm.length !== undefined && algorithm.length !== length) throw domError('Invalid key length', 'DataError');
    return makeCryptoKey(call('webcrypto.secret', bytes), 'secret', extractable,
      { name: 'HMAC', hash: algorithm.hash, length }, usages);
  }
  if (AES_NAMES.includes(name)) {
    const allowed = name === 'AES-KW' ? ['wrapKey', 'unwrapKey'] : ['wrapKey', 'unwrapKey', 'encrypt', 'decrypt'];
    if (hasAnyNotIn(usages, allowed)) throw domError('Unsupported key usage for an AES key', 'SyntaxError');
    const checkLength = (n) => {
      if (n !== 128 && n !== 192 && n !== 256) throw domError('Invalid key length', 'DataError');
    };
    if (format === 'raw') {
      checkLength(keyData.byteLength * 8);
      bytes = bytesOf(keyData);
    } else if (format === 'jwk') {
      if (!keyData.kty) throw domError('Invalid keyData', 'DataError');
      if (keyData.kty !== 'oct') throw domError('Invalid JWK "kty" Parameter', 'DataError');
      checkJwkCommon(keyData, usageSet, extractable, 'enc');
      bytes = secretFromJwk(keyData);
      checkLength(bytes.byteLength * 8);
      if (keyData.alg !== undefined && keyData.alg !== `A${bytes.byteLength * 8}${name.slice(4)}`) {
        throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
      }
    } else {
      return undefined;
    }
    return makeCryptoKey(call('webcrypto.secret', bytes), 'secret', extractable,
      { name, length: bytes.byteLength * 8 }, usages);
  }
  // HKDF, PBKDF2
  if (format !== 'raw') return undefined;
  if (hasAnyNotIn(usages, ['deriveKey', 'deriveBits'])) {
    throw domError(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
  if (extractable) throw domError(`${name} keys are not extractable`, 'SyntaxError');
  return makeCryptoKey(call('webcrypto.secret', bytesOf(keyData)), 'secret', false, { name }, usages);
}

function importAsymmetric(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  const kind = KIND[name];
  const usageSet = new Set(usages);
  const check = (isPublic) => {
    if (hasAnyNotIn(usages, asymmetricUsages(name, isPublic))) throw importUsageError(name);
  };
  let data;
  switch (format) {
    case 'spki': check(true); data = bytesOf(keyData); break;
    case 'pkcs8': check(false); data = bytesOf(keyData); break;
    case 'raw':
      if (kind === 'rsa') return undefined;
      check(true);
      if ((kind === 'ed25519' || kind === 'x25519') && keyData.byteLength !== 32) {
        throw domError(`${name} raw keys must be exactly 32-bytes`, 'DataError');
      }
      data = bytesOf(keyData);
      break;
    case 'jwk': {
      if (!keyData.kty) throw domError('Invalid keyData', 'DataError');
      const kty = kind === 'rsa' ? 'RSA' : kind === 'ec' ? 'EC' : 'OKP';
      if (keyData.kty !== kty) throw domError('Invalid JWK "kty" Parameter', 'DataError');
      if (kind === 'ec' && keyData.crv !== algorithm.namedCurve) {
        throw domError('JWK "crv" does not match the requested algorithm', 'DataError');
      }
      if ((kind === 'ed25519' || kind === 'x25519') && keyData.crv !== name) {
        throw domError('JWK "crv" Parameter and algorithm name mismatch', 'DataError');
      }
      const cfrg = kind === 'ed25519' || kind === 'x25519';
      // Node checks the usages of an OKP key after its other members.
      if (!cfrg) check(keyData.d === undefined);
      const use = name === 'ECDH' || name === 'X25519' || name === 'RSA-OAEP' ? 'enc' : 'sig';
      checkJwkCommon(keyData, usageSet, extractable, use);
      if (keyData.alg !== undefined) {
        let expected;
        if (kind === 'rsa') expected = JWK_HASH[name][algorithm.hash.name];
        else if (name === 'ECDSA') expected = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[keyData.alg] === algorithm.namedCurve ? keyData.alg : null;
        else if (name === 'Ed25519') expected = keyData.alg === 'EdDSA' ? 'EdDSA' : 'Ed25519';
        else expected = keyData.alg;
        if (keyData.alg !== expected) throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
      }
      if (cfrg) {
        if (keyData.d !== undefined && typeof keyData.x !== 'string') throw domError('Invalid JWK', 'DataError');
        check(keyData.d === undefined);
      }
      data = {};
      for (const field of ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'x', 'y']) {
        if (keyData[field] !== undefined) data[field] = keyData[field];
      }
      break;
    }
    default:
      return undefined;
  }
  const [handle, type, details] = call('webcrypto.import', kind, format, data, kind === 'ec' ? algorithm.namedCurve : null);
  let keyAlgorithm;
  if (kind === 'rsa') {
    keyAlgorithm = { name, modulusLength: details.modulusLength, publicExponent: new Uint8Array(details.publicExponent), hash: algorithm.hash };
  } else if (kind === 'ec') {
    keyAlgorithm = { name, namedCurve: algorithm.namedCurve };
  } else {
    keyAlgorithm = { name };
  }
  return makeCryptoKey(handle, type, extractable, keyAlgorithm, usages);
}

function generateAsymmetric(algorithm, extractable, usages) {
  const { name } = algorithm;
  const kind = KIND[name];
  const usageSet = new Set(usages);
  let keyAlgorithm;
  let params = {};
  if (kind === 'rsa') {
    const e = algorithm.publicExponent;
    let value = 0;
    let ok = true;
    for (let i = 0; i < e.length; i++) {
      value = value * 256 + e[i];
      if (value > 0xFFFFFFFF) ok = false;
    }
    if (!ok) throw domError('The publicExponent must be equivalent to an unsigned 32-bit value', 'OperationError');
    const allowed = name === 'RSA-OAEP' ? ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] : ['sign', 'verify'];
    if (hasAnyNotIn(usages, allowed)) throw domError('Unsupported key usage for a RSA key', 'SyntaxError');
    params = { modulusLength: algorithm.modulusLength, publicExponent: bytesOf(e) };
    keyAlgorithm = { name, modulusLength: algorithm.modulusLength, publicExponent: e, hash: { name: algorithm.hash.name } };
  } else {
    const allowed = name === 'ECDSA' || name === 'Ed25519' ? ['sign', 'verify'] : ['deriveKey', 'deriveBits'];
    if (hasAnyNotIn(usages, allowed)) throw usageError(name);
    if (kind === 'ec') {
      params = { namedCurve: algorithm.namedCurve };
      keyAlgorithm = { name, namedCurve: algorithm.namedCurve };
    } else {
      keyAlgorithm = { name };
    }
  }
  const [pub, priv] = call('webcrypto.generate_pair', kind, params);
  let publicUsages;
  let privateUsages;
  if (name === 'RSA-OAEP') {
    publicUsages = unionOf(usageSet, 'encrypt', 'wrapKey');
    privateUsages = unionOf(usageSet, 'decrypt', 'unwrapKey');
  } else if (name === 'ECDH' || name === 'X25519') {
    publicUsages = [];
    privateUsages = unionOf(usageSet, 'deriveKey', 'deriveBits');
  } else {
    publicUsages = unionOf(usageSet, 'verify');
    privateUsages = unionOf(usageSet, 'sign');
  }
  const publicKey = makeCryptoKey(pub, 'public', true, keyAlgorithm, publicUsages);
  const privateKey = makeCryptoKey(priv, 'private', extractable, keyAlgorithm, privateUsages);
  // Node's CFRG pairs list the private key first.
  if (kind === 'ed25519' || kind === 'x25519') return { __proto__: null, privateKey, publicKey };
  return { __proto__: null, publicKey, privateKey };
}

function generateSecret(algorithm, extractable, usages) {
  const { name } = algorithm;
  if (name === 'HMAC') {
    const length = algorithm.length ?? BLOCK_BITS[algorithm.hash.name];
    const usageSet = new Set(usages);
    if (hasAnyNotIn(usages, ['sign', 'verify'])) throw domError('Unsupported key usage for an HMAC key', 'SyntaxError');
    const handle = call('webcrypto.generate_secret', length / 8);
    return makeCryptoKey(handle, 'secret', extractable, { name, length, hash: { name: algorithm.hash.name } }, [...usageSet]);
  }
  const allowed = name === 'AES-KW' ? ['wrapKey', 'unwrapKey'] : ['wrapKey', 'unwrapKey', 'encrypt', 'decrypt'];
  if (hasAnyNotIn(usages, allowed)) throw domError('Unsupported key usage for an AES key', 'SyntaxError');
  const handle = call('webcrypto.generate_secret', algorithm.length / 8);
  return makeCryptoKey(handle, 'secret', extractable, { name, length: algorithm.length }, dedupe(usages));
}

// ---------------------------------------------------------------- SubtleCrypto methods

const ORD = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];
const ctxOf = (prefix, i) => ({ prefix, context: `${ORD[i]} argument` });

async function digest(algorithm, data) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 2, prefix);
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 0));
  data = BufferSource(data, ctxOf(prefix, 1));
  algorithm = normalizeAlgorithm(algorithm, 'digest');
  return toArrayBuffer(call('webcrypto.digest', algorithm.name, bytesOf(data)));
}

async function generateKey(algorithm, extractable, keyUsages) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'generateKey' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 3, prefix);
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 0));
  extractable = !!extractable;
  keyUsages = KeyUsages(keyUsages, ctxOf(prefix, 2));
  algorithm = normalizeAlgorithm(algorithm, 'generateKey');
  const result = AES_NAMES.includes(algorithm.name) || algorithm.name === 'HMAC'
    ? generateSecret(algorithm, extractable, keyUsages)
    : generateAsymmetric(algorithm, extractable, keyUsages);
  const empty = result instanceof CryptoKey ? result.usages.length === 0 : result.privateKey.usages.length === 0;
  if (empty) throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
  return result;
}

function deriveBitsWith(algorithm, baseKey, length) {
  const s = stateOf(baseKey);
  const { name } = algorithm;
  if (name === 'ECDH' || name === 'X25519') {
    const pub = algorithm.public;
    if (s.type !== 'private') throw domError('baseKey must be a private key', 'InvalidAccessError');
    if (pub.algorithm.name !== s.algorithm.name) {
      throw domError('The public and private keys must be of the same type', 'InvalidAccessError');
    }
    if (name === 'ECDH' && pub.algorithm.namedCurve !== s.algorithm.namedCurve) {
      throw domError('Named curve mismatch', 'InvalidAccessError');
    }
    return call('webcrypto.derive', name, s.handle, { public: cryptoKeyHandle(pub) }, length);
  }
  if (length === null) throw domError('length cannot be null', 'OperationError');
  if (length % 8) throw domError('length must be a multiple of 8', 'OperationError');
  const params = { hash: algorithm.hash.name, salt: algorithm.salt };
  if (name === 'HKDF') params.info = algorithm.info;
  else params.iterations = algorithm.iterations;
  try {
    return call('webcrypto.derive', name, s.handle, params, length);
  } catch (err) {
    if (err instanceof DOMException || err?.code === 'ERR_SANDBOX_RESOURCE_LIMIT') throw err;
    throw new DOMException('The operation failed for an operation-specific reason', { name: 'OperationError', cause: err });
  }
}

async function deriveBits(algorithm, baseKey, length = null) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'deriveBits' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 2, prefix);
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 0));
  baseKey = CryptoKeyConv(baseKey, ctxOf(prefix, 1));
  if (length !== null) length = ulongLoose(length, ctxOf(prefix, 2));
  algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
  if (!baseKey.usages.includes('deriveBits')) throw domError('baseKey does not have deriveBits usage', 'InvalidAccessError');
  if (baseKey.algorithm.name !== algorithm.name) throw domError('Key algorithm mismatch', 'InvalidAccessError');
  return toArrayBuffer(deriveBitsWith(algorithm, baseKey, length));
}

function getKeyLength({ name, length, hash }) {
  switch (name) {
    case 'AES-CTR': case 'AES-CBC': case 'AES-GCM': case 'AES-KW':
      if (length !== 128 && length !== 192 && length !== 256) throw domError('Invalid key length', 'OperationError');
      return length;
    case 'HMAC':
      if (length === undefined) return BLOCK_BITS[hash?.name];
      if (typeof length === 'number' && length !== 0) return length;
      throw domError('Invalid key length', 'OperationError');
    default:
      return null;
  }
}

async function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'deriveKey' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 5, prefix);
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 0));
  baseKey = CryptoKeyConv(baseKey, ctxOf(prefix, 1));
  derivedKeyAlgorithm = AlgorithmIdentifier(derivedKeyAlgorithm, ctxOf(prefix, 2));
  extractable = !!extractable;
  keyUsages = KeyUsages(keyUsages, ctxOf(prefix, 4));
  algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
  normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
  if (!baseKey.usages.includes('deriveKey')) throw domError('baseKey does not have deriveKey usage', 'InvalidAccessError');
  if (baseKey.algorithm.name !== algorithm.name) throw domError('Key algorithm mismatch', 'InvalidAccessError');
  const length = getKeyLength(normalizeAlgorithm(arguments[2], 'get key length'));
  const bits = deriveBitsWith(algorithm, baseKey, length);
  return Reflect.apply(importKey, this, ['raw', toArrayBuffer(bits), derivedKeyAlgorithm, extractable, keyUsages]);
}

function exportJwk(s) {
  const { name } = s.algorithm;
  const jwk = { key_ops: s.usages, ext: s.extractable };
  if (RSA_NAMES.includes(name)) jwk.alg = JWK_HASH[name][s.algorithm.hash.name];
  else if (name === 'Ed25519') jwk.alg = 'Ed25519';
  else if (AES_NAMES.includes(name)) jwk.alg = `A${s.algorithm.length}${name.slice(4)}`;
  else if (name === 'HMAC') jwk.alg = JWK_HASH.HMAC[s.algorithm.hash.name];
  const parts = call('webcrypto.export', s.handle, 'jwk');
  switch (KIND[name]) {
    case 'rsa':
      jwk.kty = 'RSA';
      for (const f of ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi']) if (parts[f] !== undefined) jwk[f] = parts[f];
      break;
    case 'ec':
      jwk.kty = 'EC';
      for (const f of ['x', 'y', 'crv', 'd']) if (parts[f] !== undefined) jwk[f] = parts[f];
      break;
    case 'ed25519': case 'x25519':
      jwk.crv = name;
      for (const f of ['d', 'x']) if (parts[f] !== undefined) jwk[f] = parts[f];
      jwk.kty = 'OKP';
      break;
    default:
      jwk.kty = 'oct';
      jwk.k = parts.k;
  }
  return jwk;
}

async function exportKey(format, key) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'exportKey' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 2, prefix);
  format = KeyFormat(format, ctxOf(prefix, 0));
  key = CryptoKeyConv(key, ctxOf(prefix, 1));
  return exportKeyChecked(format, key);
}

function exportKeyChecked(format, key) {
  const s = stateOf(key);
  const { name } = s.algorithm;
  if (!Object.hasOwn(SUPPORTED.exportKey, name)) throw domError(`${name} key export is not supported`, 'NotSupportedError');
  if (!s.extractable) throw domError('key is not extractable', 'InvalidAccessException');
  let result;
  switch (format) {
    case 'spki':
      if (s.type === 'public') result = toArrayBuffer(call('webcrypto.export', s.handle, 'spki'));
      break;
    case 'pkcs8':
      if (s.type === 'private') result = toArrayBuffer(call('webcrypto.export', s.handle, 'pkcs8'));
      break;
    case 'jwk':
      result = exportJwk(s);
      break;
    case 'raw':
      if (s.type === 'secret' || (s.type === 'public' && !RSA_NAMES.includes(name))) {
        result = toArrayBuffer(call('webcrypto.export', s.handle, 'raw'));
      }
      break;
  }
  if (!result) throw domError(`Unable to export ${name} ${s.type} key using ${format} format`, 'NotSupportedError');
  return result;
}

const JWK_STRINGS = ['kty', 'use', 'alg', 'crv', 'x', 'y', 'd', 'n', 'e', 'p', 'q', 'dp', 'dq', 'qi', 'k'];
const JsonWebKey = dictionary('JsonWebKey', [
  ...JWK_STRINGS.map((key) => ({ key, conv: DOMString })),
  { key: 'key_ops', conv: DOMStrings },
  { key: 'ext', conv: (v) => !!v },
  { key: 'oth', conv: sequence(dictionary('RsaOtherPrimesInfo', ['r', 'd', 't'].map((key) => ({ key, conv: DOMString })))) },
]);

async function importKey(format, keyData, algorithm, extractable, keyUsages) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'importKey' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 4, prefix);
  format = KeyFormat(format, ctxOf(prefix, 0));
  keyData = format === 'jwk' ? JsonWebKey(keyData, ctxOf(prefix, 1)) : BufferSource(keyData, ctxOf(prefix, 1));
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 2));
  extractable = !!extractable;
  keyUsages = KeyUsages(keyUsages, ctxOf(prefix, 4));
  algorithm = normalizeAlgorithm(algorithm, 'importKey');
  const result = KIND[algorithm.name]
    ? importAsymmetric(format, keyData, algorithm, extractable, keyUsages)
    : importSecret(format, keyData, algorithm, extractable, keyUsages);
  if (!result) throw domError(`Unable to import ${algorithm.name} using ${format} format`, 'NotSupportedError');
  const { type } = stateOf(result);
  if ((type === 'secret' || type === 'private') && result.usages.length === 0) {
    throw domError(`Usages cannot be empty when importing a ${type} key.`, 'SyntaxError');
  }
  return result;
}

function cipherOrWrap(encrypt, algorithm, key, data, operation) {
  const s = stateOf(key);
  if (s.algorithm.name !== algorithm.name || !s.usages.includes(operation)) {
    throw domError('The requested operation is not valid for the provided key', 'InvalidAccessError');
  }
  validateMaxBufferLength(data, 'data');
  const { name } = algorithm;
  const params = {};
  if (name === 'RSA-OAEP') {
    if (algorithm.label !== undefined) validateMaxBufferLength(algorithm.label, 'algorithm.label');
    if (s.type !== (encrypt ? 'public' : 'private')) {
      throw domError('The requested operation is not valid for the provided key', 'InvalidAccessError');
    }
    params.hash = s.algorithm.hash.name;
    if (algorithm.label) params.label = algorithm.label;
  } else if (name === 'AES-GCM') {
    params.iv = algorithm.iv;
    if (algorithm.additionalData !== undefined) params.additionalData = algorithm.additionalData;
    params.tagLength = algorithm.tagLength ?? 128;
  } else if (name === 'AES-CBC') {
    params.iv = bytesOf(algorithm.iv);
  } else if (name === 'AES-CTR') {
    params.counter = bytesOf(algorithm.counter);
    params.length = algorithm.length;
  } else if (name !== 'AES-KW' || (operation !== 'wrapKey' && operation !== 'unwrapKey')) {
    throw domError('Unrecognized algorithm name', 'NotSupportedError');
  }
  return call('webcrypto.cipher', name, encrypt, s.handle, bytesOf(data), params);
}

async function encrypt(algorithm, key, data) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'encrypt' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 3, prefix);
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 0));
  key = CryptoKeyConv(key, ctxOf(prefix, 1));
  data = BufferSource(data, ctxOf(prefix, 2));
  algorithm = normalizeAlgorithm(algorithm, 'encrypt');
  return toArrayBuffer(cipherOrWrap(true, algorithm, key, data, 'encrypt'));
}

async function decrypt(algorithm, key, data) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'decrypt' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 3, prefix);
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 0));
  key = CryptoKeyConv(key, ctxOf(prefix, 1));
  data = BufferSource(data, ctxOf(prefix, 2));
  algorithm = normalizeAlgorithm(algorithm, 'decrypt');
  return toArrayBuffer(cipherOrWrap(false, algorithm, key, data, 'decrypt'));
}

function signVerify(algorithm, key, data, signature) {
  const usage = signature === undefined ? 'sign' : 'verify';
  algorithm = normalizeAlgorithm(algorithm, usage);
  const s = stateOf(key);
  if (!s.usages.includes(usage) || algorithm.name !== s.algorithm.name) {
    throw domError(`Unable to use this key to ${usage}`, 'InvalidAccessError');
  }
  const { name } = algorithm;
  const wanted = usage === 'sign' ? 'private' : 'public';
  if (name !== 'HMAC' && s.type !== wanted) throw domError(`Key must be a ${wanted} key`, 'InvalidAccessError');
  const params = {};
  if (name === 'ECDSA') {
    params.hash = algorithm.hash.name;
  } else if (name === 'HMAC' || RSA_NAMES.includes(name)) {
    params.hash = s.algorithm.hash.name;
  }
  if (name === 'RSA-PSS') {
    const max = Math.ceil((s.algorithm.modulusLength - 1) / 8) - DIGEST_BYTES[s.algorithm.hash.name] - 2;
    const salt = algorithm.saltLength;
    // Node validates inside its job promise: the range error surfaces as an OperationError.
    if (salt > max) throw domError('The operation failed for an operation-specific reason', 'OperationError');
    params.saltLength = salt;
  }
  if (usage === 'sign') return toArrayBuffer(call('webcrypto.sign', name, s.handle, bytesOf(data), params));
  return call('webcrypto.verify', name, s.handle, bytesOf(signature), bytesOf(data), params);
}

async function sign(algorithm, key, data) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'sign' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 3, prefix);
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 0));
  key = CryptoKeyConv(key, ctxOf(prefix, 1));
  data = BufferSource(data, ctxOf(prefix, 2));
  return signVerify(algorithm, key, data);
}

async function verify(algorithm, key, signature, data) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'verify' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 4, prefix);
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 0));
  key = CryptoKeyConv(key, ctxOf(prefix, 1));
  signature = BufferSource(signature, ctxOf(prefix, 2));
  data = BufferSource(data, ctxOf(prefix, 3));
  return signVerify(algorithm, key, data, signature);
}

async function wrapKey(format, key, wrappingKey, algorithm) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'wrapKey' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 4, prefix);
  format = KeyFormat(format, ctxOf(prefix, 0));
  key = CryptoKeyConv(key, ctxOf(prefix, 1));
  wrappingKey = CryptoKeyConv(wrappingKey, ctxOf(prefix, 2));
  algorithm = AlgorithmIdentifier(algorithm, ctxOf(prefix, 3));
  try {
    algorithm = normalizeAlgorithm(algorithm, 'wrapKey');
  } catch {
    algorithm = normalizeAlgorithm(algorithm, 'encrypt');
  }
  let keyData = exportKeyChecked(format, key);
  if (format === 'jwk') {
    let raw = JSON.stringify(keyData);
    if (algorithm.name === 'AES-KW' && raw.length % 8 !== 0) raw += ' '.repeat(8 - (raw.length % 8));
    keyData = new Uint8Array(Buffer.from(raw, 'utf8'));
  }
  return toArrayBuffer(cipherOrWrap(true, algorithm, wrappingKey, keyData, 'wrapKey'));
}

async function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgo, unwrappedKeyAlgo, extractable, keyUsages) {
  if (this !== subtle) throw invalidThis('SubtleCrypto');
  const prefix = "Failed to execute 'unwrapKey' on 'SubtleCrypto'";
  requiredArguments(arguments.length, 7, prefix);
  format = KeyFormat(format, ctxOf(prefix, 0));
  wrappedKey = BufferSource(wrappedKey, ctxOf(prefix, 1));
  unwrappingKey = CryptoKeyConv(unwrappingKey, ctxOf(prefix, 2));
  unwrapAlgo = AlgorithmIdentifier(unwrapAlgo, ctxOf(prefix, 3));
  unwrappedKeyAlgo = AlgorithmIdentifier(unwrappedKeyAlgo, ctxOf(prefix, 4));
  extractable = !!extractable;
  keyUsages = KeyUsages(keyUsages, ctxOf(prefix, 6));
  try {
    unwrapAlgo = normalizeAlgorithm(unwrapAlgo, 'unwrapKey');
  } catch {
    unwrapAlgo = normalizeAlgorithm(unwrapAlgo, 'decrypt');
  }
  let keyData = cipherOrWrap(false, unwrapAlgo, unwrappingKey, wrappedKey, 'unwrapKey');
  if (format === 'jwk') {
    try {
      keyData = JSON.parse(Buffer.from(keyData.buffer, keyData.byteOffset, keyData.byteLength).toString('utf8'));
    } catch {
      throw domError('Invalid wrapped JWK key', 'DataError');
    }
  }
  return Reflect.apply(importKey, this, [format, keyData, unwrappedKeyAlgo, extractable, keyUsages]);
}

// ---------------------------------------------------------------- Crypto, SubtleCrypto

export const SubtleCrypto = ({ SubtleCrypto: class {
  constructor() {
    throw illegalConstructor();
  }
} }).SubtleCrypto;

export const Crypto = ({ Crypto: class {
  constructor() {
    throw illegalConstructor();
  }

  get subtle() {
    if (this !== webcrypto) throw invalidThis('Crypto');
    return subtle;
  }
} }).Crypto;

export const subtle = Reflect.construct(function() {}, [], SubtleCrypto);
export const webcrypto = Reflect.construct(function() {}, [], Crypto);

const INTEGER_ARRAYS = new Set(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array']);

function getRandomValues(data) {
  if (this !== webcrypto) throw invalidThis('Crypto');
  requiredArguments(arguments.length, 1, "Failed to execute 'getRandomValues' on 'Crypto'");
  if (!ArrayBufferIsView(data) || !INTEGER_ARRAYS.has(typedArrayTag.call(data))) {
    throw domError('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) throw domError('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  if (data.byteLength > 0) {
    const bytes = call('webcrypto.random', data.byteLength);
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength).set(bytes);
  }
  return data;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function randomUUID() {
  if (this !== webcrypto) throw invalidThis('Crypto');
  const b = call('webcrypto.random', 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => HEX[x]);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

const method = (fn, name) => ({ value: named(fn, name), enumerable: true, configurable: true, writable: true });

Object.defineProperties(Crypto.prototype, {
  [Symbol.toStringTag]: { value: 'Crypto', configurable: true },
  subtle: { enumerable: true },
  getRandomValues: method(getRandomValues, 'getRandomValues'),
  randomUUID: method(randomUUID, 'randomUUID'),
});

Object.defineProperties(SubtleCrypto.prototype, {
  [Symbol.toStringTag]: { value: 'SubtleCrypto', configurable: true },
  encrypt: method(encrypt, 'encrypt'),
  decrypt: method(decrypt, 'decrypt'),
  sign: method(sign, 'sign'),
  verify: method(verify, 'verify'),
  digest: method(digest, 'digest'),
  generateKey: method(generateKey, 'generateKey'),
  deriveKey: method(deriveKey, 'deriveKey'),
  deriveBits: method(deriveBits, 'deriveBits'),
  importKey: method(importKey, 'importKey'),
  exportKey: method(exportKey, 'exportKey'),
  wrapKey: method(wrapKey, 'wrapKey'),
  unwrapKey: method(unwrapKey, 'unwrapKey'),
});

export function install(ctx) {
  // Node defines globalThis.crypto as an enumerable getter.
  Object.defineProperty(globalThis, 'crypto', {
    get: named(function() { return webcrypto; }, 'get crypto'), set: undefined, enumerable: true, configurable: true,
  });
  ctx.defineGlobal('Crypto', Crypto);
  ctx.defineGlobal('CryptoKey', CryptoKey);
  ctx.defineGlobal('SubtleCrypto', SubtleCrypto);
}

// The handle of a CryptoKey, or undefined for anything else (node:crypto's KeyObject.from).
export function handleOfCryptoKey(key) {
  return keyState.get(key)?.handle;
}
