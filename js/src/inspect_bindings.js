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
const kPending = 0;
const kRejected = 2;

// Node's internalBinding('util'), as far as inspect uses it.
export const utilBinding = {
  constants: { kPending, kRejected, ALL_PROPERTIES, ONLY_ENUMERABLE },
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

// Node's internal/util/types (V8's own checks, not prototype or toString guesses).
export const types = {
  isAsyncFunction: check('isAsyncFunction'),
  isGeneratorFunction: check('isGeneratorFunction'),
  isAnyArrayBuffer: check('isAnyArrayBuffer'),
  isArrayBuffer: check('isArrayBuffer'),
  isArgumentsObject: check('isArgumentsObject'),
  isBoxedPrimitive: check('isBoxedPrimitive'),
  isDataView: check('isDataView'),
  isExternal: () => false,
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
  isTypedArray: check('isTypedArray'),
  isStringObject: check('isStringObject'),
  isNumberObject: check('isNumberObject'),
  isBooleanObject: check('isBooleanObject'),
  isBigIntObject: check('isBigIntObject'),
  isSymbolObject: check('isSymbolObject'),
};

// Node's internal/util isError: a native error from any realm, or an Error instance.
export function isError(value) {
  return core.isNativeError(value) || value instanceof ErrorCtor;
}

// The URL class inspect recognises (resolved at boot, before guests can define one).
export function getURL() {
  return urlClass;
}
