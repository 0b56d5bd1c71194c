// The V8 details that Node's util.inspect reads through internalBinding('util')
// and internal/util/types: promise state, proxy target, constructor names, own
// keys and V8's type checks. They come from the engine (deno_core's
// `Deno.core`, handed over by boot() before any guest code runs), never from
// JavaScript guesses: a guess would print a settled promise as pending, or see
// through no proxy. Map/Set iterator previews, which the engine does not offer,
// are emulated in iterator_preview.js.
//
// The bundle is evaluated into the startup snapshot before `core` exists, so
// every export is a stable function that looks `core` up when called.

import { previewEntries } from './iterator_preview.js';

const ErrorCtor = Error;
let core = null;
let urlClass = null;

// Stands in for Node's URL class until the sandbox has one: inspect checks
// `value instanceof URL` on class instances, and no guest object is an
// instance of this one. It also turns a path into a file: URL for stack traces.
class FileURL {
  constructor() {
    this.pathname = '';
  }
  get href() {
    return `file://${this.pathname}`;
  }
}

export function installInspectBindings(engineCore, g) {
  core = engineCore;
  urlClass = typeof g.URL === 'function' ? g.URL : FileURL;
}

// V8's property filters (v8::PropertyFilter) and promise states (v8::Promise::PromiseState).
const ALL_PROPERTIES = 0;
const ONLY_ENUMERABLE = 2;
const SKIP_SYMBOLS = 16;
const kPending = 0;
const kRejected = 2;

// Node's internalBinding('util'), as far as inspect uses it.
export const utilBinding = {
  constants: { kPending, kRejected, ALL_PROPERTIES, ONLY_ENUMERABLE, SKIP_SYMBOLS },
  getOwnNonIndexProperties: (object, filter) => core.ops.op_get_non_index_property_names(object, filter),
  getPromiseDetails: (promise) => core.getPromiseDetails(promise),
  // Node's contract: undefined for a non-proxy; the [target, handler] pair, or
  // only the target when `showProxy` is false (null targets mean revoked).
  getProxyDetails(value, showProxy = true) {
    const details = core.getProxyDetails(value);
    if (details === null || details === undefined) return undefined;
    return showProxy ? details : details[0];
  },
  previewEntries,
  getConstructorName: (object) => core.ops.op_get_constructor_name(object),
  // Guests never hold V8 externals, so isExternal below is always false.
  getExternalValue: () => 0n,
  Proxy: globalThis.Proxy,
};

const check = (name) => (value) => core[name](value);

// Node's typed array checks read the %TypedArray%.prototype[@@toStringTag] getter.
const TypedArrayPrototypeGetSymbolToStringTag = (() => {
  const getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  return (value) => Reflect.apply(getter, value, []);
})();
// Node's own names: its JavaScript checks keep theirs, the binding's have none.
const nameAs = (fn, name) => Object.defineProperty(fn, 'name', { value: name });
const tagIs = (tag) => nameAs((value) => TypedArrayPrototypeGetSymbolToStringTag(value) === tag, `is${tag}`);

// Crypto's key classes, from the crypto builtins when they exist (they are
// looked up only when asked about, so util never loads crypto by itself).
let cryptoClasses;
export function setCryptoClasses(lookup) {
  cryptoClasses = lookup;
}
function isInstanceOfCrypto(name, value) {
  if (value === null || typeof value !== 'object' || cryptoClasses === undefined) return false;
  let cls;
  try {
    cls = cryptoClasses()[name];
  } catch {
    return false;
  }
  return typeof cls === 'function' && value instanceof cls;
}

// Node's internal/util/types (V8's own checks, not prototype or toString guesses).
export const types = {
  isAsyncFunction: check('isAsyncFunction'),
  isGeneratorFunction: check('isGeneratorFunction'),
  isAnyArrayBuffer: check('isAnyArrayBuffer'),
  isArrayBuffer: check('isArrayBuffer'),
  isArgumentsObject: check('isArgumentsObject'),
  isBoxedPrimitive: check('isBoxedPrimitive'),
  isDataView: check('isDataView'),
  isExternal: nameAs(() => false, ''),
  isMap: check('isMap'),
  isMapIterator: check('isMapIterator'),
  isModuleNamespaceObject: check('isModuleNamespaceObject'),
  isNativeError: check('isNativeError'),
  isPromise: check('isPromise'),
  isSet: check('isSet'),
  isSetIterator: check('isSetIterator'),
  isWeakMap: check('isWeakMap'),
  isWeakSet: check('isWeakSet'),
  isRegExp: check('isRegExp'),
  isDate: check('isDate'),
  isTypedArray: nameAs(check('isTypedArray'), 'isTypedArray'),
  isStringObject: check('isStringObject'),
  isNumberObject: check('isNumberObject'),
  isBooleanObject: check('isBooleanObject'),
  isBigIntObject: check('isBigIntObject'),
  isSymbolObject: check('isSymbolObject'),
  isGeneratorObject: check('isGeneratorObject'),
  isSharedArrayBuffer: check('isSharedArrayBuffer'),
  isProxy: check('isProxy'),
  isArrayBufferView: ArrayBuffer.isView,
  isUint8Array: tagIs('Uint8Array'),
  isUint8ClampedArray: tagIs('Uint8ClampedArray'),
  isUint16Array: tagIs('Uint16Array'),
  isUint32Array: tagIs('Uint32Array'),
  isInt8Array: tagIs('Int8Array'),
  isInt16Array: tagIs('Int16Array'),
  isInt32Array: tagIs('Int32Array'),
  isFloat16Array: tagIs('Float16Array'),
  isFloat32Array: tagIs('Float32Array'),
  isFloat64Array: tagIs('Float64Array'),
  isBigInt64Array: tagIs('BigInt64Array'),
  isBigUint64Array: tagIs('BigUint64Array'),
  isKeyObject: nameAs((value) => isInstanceOfCrypto('KeyObject', value), 'value'),
  isCryptoKey: nameAs((value) => isInstanceOfCrypto('CryptoKey', value), 'value'),
};

// util.types lists them in Node's order.
export const TYPES_ORDER = [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject', 'isNumberObject', 'isStringObject',
  'isSymbolObject', 'isNativeError', 'isRegExp', 'isAsyncFunction', 'isGeneratorFunction', 'isGeneratorObject',
  'isPromise', 'isMap', 'isSet', 'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer',
  'isDataView', 'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject', 'isAnyArrayBuffer', 'isBoxedPrimitive',
  'isArrayBufferView', 'isTypedArray', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array', 'isUint32Array',
  'isInt8Array', 'isInt16Array', 'isInt32Array', 'isFloat16Array', 'isFloat32Array', 'isFloat64Array',
  'isBigInt64Array', 'isBigUint64Array', 'isKeyObject', 'isCryptoKey',
];

// Node's internal/util isError: a native error from any realm, or an Error instance.
export function isError(value) {
  return core.isNativeError(value) || value instanceof ErrorCtor;
}

// The URL class inspect recognises (resolved at boot, before guests can define one).
export function getURL() {
  return urlClass;
}
