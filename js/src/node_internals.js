// The Node internals that Node's own lib files bundled into the bridge
// (lib/internal/util/inspect.js, events.js, assert.js, querystring.js, ...)
// require. scripts/build_js.py bundles those files from the pinned Node binary
// and points each `require('internal/...')` in them that is not itself bundled
// at one of the objects below (see NODE_SHIMS there). They follow Node 22's
// lib/internal files; what the sandbox does not have (ICU, node: builtin
// sources) takes Node's own fallback path.

import { Buffer as RealBuffer } from 'buffer';
import { StringDecoder } from 'string_decoder';
import { types as typeChecks, TYPES_ORDER, isError, utilBinding, getURL } from './inspect_bindings.js';
import { UV_ERRORS } from './util_errno.js';
import { encodingBinding, icuBinding } from './util_codecs.js';
import {
  determineSpecificType, invalidArgType, kEnhanceStackBeforeInspector, nodeError, outOfRange, registeredSource,
  setFrameless, setThrowSite, unsupportedError, validateInteger,
} from './errors.js';
import { NODE_BUILTINS, loadBuiltin } from './modules.js';
import { ctx } from './context.js';

const { apply: ReflectApply } = Reflect;
const StringPrototypeReplace = String.prototype.replace;
const ArrayIsArray = Array.isArray;
const colorRegExp = /\u001b\[\d\d?m/g; // eslint-disable-line no-control-regex

// internalBinding(name): only the bindings inspect.js asks for.
const bindings = {
  // punycode.js warns at load unless loaded from node_modules: the bridge
  // warns from the builtin's onLoad hook instead (js/src/punycode.js).
  util: Object.assign(utilBinding, { parseEnv, getCallSites, isInsideNodeModules: () => true }),
  // Without ICU, inspect measures string widths with its own tables.
  config: { hasIntl: false },
  // debuglog's trace categories: never enabled in the sandbox.
  trace_events: { getCategoryEnabledBuffer: () => new Uint8Array(1), trace() {} },
  // node_buffer.cc's compare (deepStrictEqual of Buffers and typed arrays).
  buffer: {
    compare(a, b) {
      const n = Math.min(a.length, b.length);
      for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
    },
  },
  encoding_binding: encodingBinding,
  icu: icuBinding,
};

// node_dotenv.cc's Dotenv::ParseContent (util.parseEnv), over indices into
// the input (linear time: every search either stops at the current line or is
// remembered for the next one).
const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
function trimSpaces(text) {
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return text.slice(s, e);
}
function parseEnv(input) {
  const store = {};
  const text = input.replace(/\r/g, '');
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  const skip = (at) => {
    while (at < end && isSpace(text[at])) at++;
    return at;
  };
  const lineEnd = (from) => {
    const i = text.indexOf('\n', from);
    return i === -1 || i >= end ? -1 : i;
  };
  const found = new Map();   // quote character -> [searched from, index found]
  const nextQuote = (quote, from) => {
    const last = found.get(quote);
    if (last !== undefined && last[0] <= from && (last[1] === -1 || last[1] >= from)) return last[1];
    let i = text.indexOf(quote, from);
    if (i >= end) i = -1;
    found.set(quote, [from, i]);
    return i;
  };
  const separator = /[=\n]/g;
  let pos = skip(0);
  while (pos < end) {
    if (text[pos] === '\n' || text[pos] === '#') {
      const newline = lineEnd(pos);
      if (newline === -1) break;
      pos = skip(newline + 1);
      continue;
    }
    separator.lastIndex = pos;
    const m = separator.exec(text);
    const equal = m === null || m.index >= end ? -1 : m.index;
    if (equal === -1 || text[equal] === '\n') {
      const newline = lineEnd(pos);
      if (newline === -1) break;
      pos = skip(newline + 1);
      continue;
    }
    let key = trimSpaces(text.slice(pos, equal));
    pos = equal + 1;
    if (key.startsWith('export ')) key = trimSpaces(key.slice(7));
    if (pos >= end || text[pos] === '\n') {
      if (key !== '') store[key] = '';
      pos = skip(pos);
      continue;
    }
    pos = skip(pos);
    if (key === '') {
      const newline = lineEnd(pos);
      if (newline === -1) break;
      pos = skip(newline + 1);
      continue;
    }
    const quote = text[pos];
    if (quote === '"') {
      const closing = nextQuote('"', pos + 1);
      if (closing !== -1) {
        store[key] = text.slice(pos + 1, closing).replaceAll('\\n', '\n');
        const newline = lineEnd(closing + 1);
        pos = newline === -1 ? end : skip(newline + 1);
        continue;
      }
    }
    if (quote === "'" || quote === '"' || quote === '`') {
      const closing = nextQuote(quote, pos + 1);
      if (closing === -1) {
        const newline = lineEnd(pos);
        if (newline === -1) {
          store[key] = text.slice(pos, end);
          break;
        }
        store[key] = text.slice(pos, newline);
        pos = skip(newline);
      } else {
        store[key] = text.slice(pos + 1, closing);
        const newline = lineEnd(closing + 1);
        pos = newline === -1 ? end : skip(newline + 1);
      }
      continue;
    }
    const newline = lineEnd(pos);
    let value = text.slice(pos, newline === -1 ? end : newline);
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    store[key] = trimSpaces(value);
    pos = newline === -1 ? end : skip(newline + 1);
  }
  return store;
}

// util.getCallSites: the guest's frames (the bridge's own are hidden), as V8 reports them.
function isBridgeFile(file) {
  return typeof file === 'string' && (file.startsWith('secure-exec:') || file.startsWith('ext:') || file === '<eval_async>');
}
function getCallSites(frameCount) {
  const holder = {};
  const previousLimit = Error.stackTraceLimit;
  const previous = Error.prepareStackTrace;
  let sites = [];
  try {
    Error.stackTraceLimit = 200;
    Error.prepareStackTrace = (_, callSites) => callSites;
    Error.captureStackTrace(holder);
    sites = holder.stack;
  } finally {
    Error.prepareStackTrace = previous;
    Error.stackTraceLimit = previousLimit;
  }
  const out = [];
  for (const site of Array.isArray(sites) ? sites : []) {
    const scriptName = site.getScriptNameOrSourceURL() ?? '';
    if (isBridgeFile(scriptName)) continue;
    if (out.length >= frameCount) break;
    const column = site.getColumnNumber() ?? 0;
    out.push({
      functionName: site.getFunctionName() ?? '',
      scriptId: String(typeof site.getScriptId === 'function' ? site.getScriptId() : 0),
      scriptName,
      lineNumber: site.getLineNumber() ?? 0,
      columnNumber: column,
      column,
    });
  }
  return out;
}

export function internalBinding(name) {
  const binding = bindings[name];
  if (binding === undefined) throw new Error(`No such binding: ${name}`);
  return binding;
}

// What internal/encoding sees: a Node with ICU (util_codecs.js's converters).
const intlConfig = { hasIntl: true };
export function internalBindingIntl(name) {
  return name === 'config' ? intlConfig : internalBinding(name);
}

// The guest's process object, as Node's loader passes it to its lib files.
export const guestProcess = () => ctx.process;

// The throw statement of Node's code that an error left by (see
// THROW_SITE_SOURCES in scripts/build_js.py), for its fatal report.
export function markThrow(error, site) {
  if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
    setThrowSite(error, site);
    // Node's AssertionError is constructed with Error.stackTraceLimit = 0.
    if (error instanceof assertionErrorClass()) setFrameless(error);
  }
  return error;
}
// The registry requires this module: it is looked up when first needed.
const registry = () => require('secure-exec:node-registry');
let AssertionErrorClass;
function assertionErrorClass() {
  AssertionErrorClass ??= registry().requireNode('internal/assert/assertion_error');
  return AssertionErrorClass;
}

// internal/util
export const internalUtil = {
  customInspectSymbol: Symbol.for('nodejs.util.inspect.custom'),
  isWindows: false,
  isMacOS: false,
  getLazy(initializer) {
    let value;
    let initialized = false;
    return function () {
      if (!initialized) {
        value = initializer();
        initialized = true;
      }
      return value;
    };
  },
  isError,
  // "The built-in Array#join is slower in v8 6.0" (Node's comment; kept for identical output).
  join(output, separator) {
    let str = '';
    if (output.length !== 0) {
      const lastIndex = output.length - 1;
      for (let i = 0; i < lastIndex; i++) {
        str += output[i];
        str += separator;
      }
      str += output[lastIndex];
    }
    return str;
  },
  removeColors: (str) => ReflectApply(StringPrototypeReplace, str, [colorRegExp, '']),
  SymbolDispose: Symbol.dispose ?? Symbol('Symbol.dispose'),
  SymbolAsyncDispose: Symbol.asyncDispose ?? Symbol('Symbol.asyncDispose'),
  kEmptyObject: Object.freeze({ __proto__: null }),
  spliceOne(list, index) {
    for (; index + 1 < list.length; index++) list[index] = list[index + 1];
    list.pop();
  },
  setOwnProperty(obj, key, value) {
    return Object.defineProperty(obj, key, { __proto__: null, configurable: true, enumerable: true, value, writable: true });
  },
  deprecate,
  kCustomPromisifiedSymbol: Symbol.for('nodejs.util.promisify.custom'),
  kCustomPromisifyArgsSymbol,
  promisify,
  getSystemErrorName(err) {
    const entry = uvErrorMap.get(err);
    return entry ? entry[0] : `Unknown system error ${err}`;
  },
  getSystemErrorMessage(err) {
    const entry = uvErrorMap.get(err);
    return entry ? entry[1] : `Unknown system error ${err}`;
  },
  getSystemErrorMap() {
    return new Map(uvErrorMap);
  },
  defineLazyProperties,
  kEnumerableProperty: Object.freeze({ __proto__: null, enumerable: true }),
  getConstructorOf(obj) {
    while (obj) {
      const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
      if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') return descriptor.value;
      obj = Object.getPrototypeOf(obj);
    }
    return null;
  },
};

const uvErrorMap = new Map(JSON.parse(UV_ERRORS).map(([errno, name, message]) => [errno, [name, message]]));

// Node's defineLazyProperties: the module behind `id` is loaded when a key is
// first read. Loaders are registered by the bridge modules that bundle them.
export const lazyModules = new Map();
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (const key of keys) {
    let lazyLoadedValue;
    function set(value) {
      Object.defineProperty(target, key, { __proto__: null, writable: true, value });
    }
    Object.defineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
    function get() {
      mod ??= lazyModules.get(id)();
      if (lazyLoadedValue === undefined) {
        lazyLoadedValue = mod[key];
        set(lazyLoadedValue);
      }
      return lazyLoadedValue;
    }
    Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    descriptors[key] = { __proto__: null, configurable: true, enumerable, get, set };
  }
  Object.defineProperties(target, descriptors);
}

// Node's internal/util promisify.
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
function promisify(original) {
  validators.validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validators.validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      if (types.isPromise(Reflect.apply(original, this, args))) {
        ctx.process.emitWarning('Calling promisify on a function that returns a Promise is likely a mistake.',
          'DeprecationWarning', 'DEP0174');
      }
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  const propertiesValues = Object.values(descriptors);
  for (let i = 0; i < propertiesValues.length; i++) Object.setPrototypeOf(propertiesValues[i], null);
  return Object.defineProperties(fn, descriptors);
}

promisify.custom = kCustomPromisifiedSymbol;

// Codes whose deprecation warning was printed in this execution (Node prints each once).
const codesWarned = new Set();

// Node's internal/util deprecate(): the wrapper warns once (once per code).
export function deprecate(fn, msg, code, useEmitSync, modifyPrototype = true) {
  if (code !== undefined) validators.validateString(code, 'code');
  let warned = false;
  function deprecated(...args) {
    const { process } = ctx;
    if (!process.noDeprecation && !warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.defineProperty(deprecated, 'name', { value: 'deprecated' });
  if (modifyPrototype) {
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    Object.defineProperty(deprecated, 'length', { __proto__: null, ...Object.getOwnPropertyDescriptor(fn, 'length') });
  }
  return deprecated;
}

// internal/errors
let maxStackErrorName;
let maxStackErrorMessage;

function formatList(array, type = 'and') {
  return array.length < 3 ? array.join(` ${type} `) : `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
}

// One of Node's error codes: `new ERR_X(...args)` builds the error as Node's
// internal/errors E() does (message from a template or a function).
function E(code, message, Base, ...otherBases) {
  const make = (B) => function NodeError(...args) {
    const text = typeof message === 'function' ? Reflect.apply(message, {}, args) : formatTemplate(message, args);
    return nodeError(B, code, text);
  };
  const ctor = make(Base);
  ctor.HideStackFramesError = ctor;
  for (const Other of otherBases) ctor[Other.name] = make(Other);
  codes[code] = ctor;
}

function formatTemplate(template, args) {
  let i = 0;
  return template.replace(/%[sdj%]/g, (m) => {
    if (m === '%%') return '%';
    const arg = args[i++];
    if (m === '%s') return typeof arg === 'string' ? arg : ctx.util.inspect(arg);
    return String(arg);
  });
}

export const codes = {};
E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => invalidArgType(name, expected, actual).message, TypeError);
E('ERR_OUT_OF_RANGE', (name, range, input) => outOfRange(name, range, input).message, RangeError);
E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = ctx.util.inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_UNHANDLED_ERROR', (err = undefined) => (err === undefined ? 'Unhandled error.' : `Unhandled error. (${err})`), Error);
E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_CONSTRUCT_CALL_REQUIRED', 'Class constructor %s cannot be invoked without `new`', TypeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) =>
  `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`, TypeError, RangeError);
E('ERR_MISSING_ARGS', (...args) => {
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  return `The ${formatList(args)} argument${len > 1 ? 's' : ''} must be specified`;
}, TypeError);
E('ERR_ASSERTION', '%s', Error);
E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
E('ERR_NO_ICU', '"%s" is not supported on Node.js compiled without ICU', TypeError);
E('ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', Error);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '%s'. This command does not take positional arguments", TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const suggestDashDash = allowPositionals ? '. To specify a positional ' +
    "argument starting with a '-', place it at the end of the command after " +
    `'--', as in '-- ${JSON.stringify(option)}` : '';
  return `Unknown option '${option}'${suggestDashDash}`;
}, TypeError);
E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const msg = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid${msg}`;
}, TypeError);

codes.ERR_FALSY_VALUE_REJECTION = function ERR_FALSY_VALUE_REJECTION(reason) {
  const err = nodeError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
  err.reason = reason;
  return err;
};
codes.ERR_FALSY_VALUE_REJECTION.HideStackFramesError = codes.ERR_FALSY_VALUE_REJECTION;

// Node's AbortError (internal/errors).
export class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') throw invalidArgType('options', 'Object', options);
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// The stack traces that Node's code asks for as V8 CallSite arrays
// (assert.ok reads where it was called from): the object's stack is
// computed at once, as raw call sites, the first time it is set here.
// Scripts the sandbox compiles with a sourceURL have no file name of their
// own; Node's code reads getFileName().
function callSiteView(site) {
  return {
    getFileName: () => site.getFileName() ?? site.getScriptNameOrSourceURL(),
    getLineNumber: () => site.getLineNumber(),
    getColumnNumber: () => site.getColumnNumber(),
    getFunctionName: () => site.getFunctionName(),
  };
}
const overrideStackTrace = {
  set(object, fn) {
    const previous = Error.prepareStackTrace;
    Error.prepareStackTrace = (error, sites) => fn(error, sites.map(callSiteView));
    try {
      void object.stack;
    } finally {
      Error.prepareStackTrace = previous;
    }
  },
};

// Node's ErrnoException and ExceptionWithHostPort (util._errnoException, ...).
class ErrnoException extends Error {
  constructor(err, syscall, original) {
    const code = internalUtil.getSystemErrorName(err);
    super(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
  }
  get ['constructor']() {
    return Error;
  }
}

class ExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port, additional) {
    const code = internalUtil.getSystemErrorName(err);
    let details = '';
    if (port && port > 0) details = ` ${address}:${port}`;
    else if (address) details = ` ${address}`;
    if (additional) details += ` - Local (${additional})`;
    super(`${syscall} ${code}${details}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }
  get ['constructor']() {
    return Error;
  }
}

export const internalErrors = {
  codes,
  ErrnoException,
  ExceptionWithHostPort,
  AbortError,
  kEnhanceStackBeforeInspector,
  overrideStackTrace,
  genericNodeError(message, errorProperties) {
    const err = new Error(message);
    Object.assign(err, errorProperties);
    return err;
  },
  isErrorStackTraceLimitWritable() {
    const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
    if (desc === undefined) return Object.isExtensible(Error);
    return Object.prototype.hasOwnProperty.call(desc, 'writable') ? desc.writable : desc.set !== undefined;
  },
  isStackOverflowError(err) {
    if (maxStackErrorMessage === undefined) {
      try {
        const overflowStack = () => overflowStack();
        overflowStack();
      } catch (overflow) {
        maxStackErrorMessage = overflow.message;
        maxStackErrorName = overflow.name;
      }
    }
    return err && err.name === maxStackErrorName && err.message === maxStackErrorMessage;
  },
};

// internal/assert
export function assert(value, message) {
  if (!value) assert.fail(message);
}
assert.fail = (message) => {
  const suffix = 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
  throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', message === undefined ? suffix : `${message}\n${suffix}`);
};

// internal/bootstrap/realm: inspect dims stack frames of Node's own modules.
const builtinIds = new Set(NODE_BUILTINS);
export const realm = {
  BuiltinModule: {
    exists: (id) => id.startsWith('internal/') || builtinIds.has(id),
  },
};

// internal/validators
const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1 << 0;
const kValidateObjectAllowArray = 1 << 1;
const kValidateObjectAllowFunction = 1 << 2;
function validateArray(value, name, minLength = 0) {
  if (!ArrayIsArray(value)) throw invalidArgType(name, 'Array', value);
  if (value.length < minLength) throw new codes.ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`);
}

export const validators = {
  kValidateObjectAllowArray,
  kValidateObjectAllowNullable,
  kValidateObjectAllowFunction,
  kValidateObjectAllowObjects: kValidateObjectAllowArray | kValidateObjectAllowFunction,
  kValidateObjectAllowObjectsAndNull: kValidateObjectAllowArray | kValidateObjectAllowFunction | kValidateObjectAllowNullable,
  validateInteger,
  validateString(value, name) {
    if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
  },
  validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw invalidArgType(name, 'boolean', value);
  },
  validateFunction(value, name) {
    if (typeof value !== 'function') throw invalidArgType(name, 'Function', value);
  },
  validateNumber(value, name, min = undefined, max) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if ((min != null && value < min) || (max != null && value > max) || ((min != null || max != null) && Number.isNaN(value))) {
      throw outOfRange(name, `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`, value);
    }
  },
  validateUint32(value, name, positive = false) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
    const min = positive ? 1 : 0;
    const max = 4294967295;
    if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
  },
  validateOneOf(value, name, oneOf) {
    if (!oneOf.includes(value)) {
      const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
      throw new codes.ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
    }
  },
  validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw invalidArgType(name, 'AbortSignal', signal);
    }
  },
  validateArray,
  validateStringArray(value, name) {
    validateArray(value, name);
    for (let i = 0; i < value.length; ++i) validators.validateString(value[i], `${name}[${i}]`);
  },
  validateBooleanArray(value, name) {
    validateArray(value, name);
    for (let i = 0; i < value.length; ++i) validators.validateBoolean(value[i], `${name}[${i}]`);
  },
  validateUnion(value, name, union) {
    if (!union.includes(value)) throw invalidArgType(name, `('${union.join('|')}')`, value);
  },
  validateObject(value, name, options = kValidateObjectNone) {
    if (options === kValidateObjectNone) {
      if (value === null || ArrayIsArray(value) || typeof value !== 'object') throw invalidArgType(name, 'Object', value);
      return;
    }
    if ((kValidateObjectAllowNullable & options) === 0 && value === null) throw invalidArgType(name, 'Object', value);
    if ((kValidateObjectAllowArray & options) === 0 && ArrayIsArray(value)) throw invalidArgType(name, 'Object', value);
    const allowFunction = (kValidateObjectAllowFunction & options) !== 0;
    if (value !== null && typeof value !== 'object' && !(allowFunction && typeof value === 'function')) {
      throw invalidArgType(name, 'Object', value);
    }
  },
};

// internal/url: inspect's isURL check and the file: URLs of colored stack traces.
export const internalUrl = {
  get URL() {
    return getURL();
  },
  isURL(self) {
    return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
  },
  fileURLToPath(url) {
    return decodeURIComponent(String(url?.href ?? url).slice(7));
  },
  pathToFileURL(path) {
    return { href: `file://${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}` };
  },
};

// buffer: inspect prints ArrayBuffer contents with Buffer's hexSlice, a
// method that Node's Buffer.prototype has (from its binding) and the npm
// buffer package keeps internal.
const hexBytes = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));
if (typeof RealBuffer.prototype.hexSlice !== 'function') {
  Object.defineProperty(RealBuffer.prototype, 'hexSlice', {
    value: function hexSlice(start = 0, end = this.length) {
      let out = '';
      for (let i = start; i < end; i++) out += hexBytes[this[i]];
      return out;
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
export const buffer = { Buffer: RealBuffer };

// string_decoder (assert reads the failing call's source through it).
export const stringDecoder = { StringDecoder };

// fs, for internal/assert/utils only: it reads the source of the file that
// called assert.ok() to quote the failing expression. The sandbox answers from
// the sources it ran (never the filesystem: a guest may not be allowed to read its own file).
const openSources = new Map();
let nextSourceFd = 1;
export const sourceFs = {
  openSync(filename) {
    const text = registeredSource(filename) ?? registeredSource(`file://${filename}`);
    if (text === undefined) throw new Error(`no source for ${filename}`);
    const fd = nextSourceFd++;
    openSources.set(fd, { bytes: RealBuffer.from(text, 'utf8'), pos: 0 });
    return fd;
  },
  readSync(fd, target, offset, length) {
    const file = openSources.get(fd);
    if (file === undefined) throw new Error('bad fd');
    const n = Math.max(0, Math.min(length, file.bytes.length - file.pos));
    file.bytes.copy(target, offset, file.pos, file.pos + n);
    file.pos += n;
    return n;
  },
  closeSync(fd) {
    openSources.delete(fd);
  },
};

// internal/event_target: what events.js asks about EventTargets. The
// EventTarget class marks itself with the static Symbol.for('nodejs.event_target')
// as Node's does; kEvents and kResistStopPropagation are shared with it.
const kIsEventTarget = Symbol.for('nodejs.event_target');
export const eventTarget = {
  kEvents: Symbol('kEvents'),
  kResistStopPropagation: Symbol('kResistStopPropagation'),
  isEventTarget: (obj) => obj?.constructor?.[kIsEventTarget],
};

// internal/crypto/util: deepStrictEqual compares CryptoKeys by the KeyObject
// each holds under kKeyObject (the crypto module stores it there).
export const cryptoUtil = { kKeyObject: Symbol('kKeyObject') };

// internal/events/symbols
export const eventsSymbols = { kFirstEventParam: Symbol('nodejs.kFirstEventParam') };

// async_hooks, for EventEmitterAsyncResource (looked up when first used).
// Without an async_hooks builtin, EventEmitterAsyncResource exists (an ES
// module import of 'events' reads it) but cannot be constructed.
class UnavailableAsyncResource {
  constructor() {
    throw unsupportedError('AsyncResource');
  }
}
function asyncHooksBuiltin() {
  try {
    return loadBuiltin('async_hooks');
  } catch {
    return { AsyncResource: UnavailableAsyncResource };
  }
}
export const asyncHooks = {
  get AsyncResource() {
    return asyncHooksBuiltin().AsyncResource ?? UnavailableAsyncResource;
  },
  get AsyncLocalStorage() {
    return loadBuiltin('async_hooks').AsyncLocalStorage;
  },
};

// internal/process/task_queues
export const taskQueues = {
  queueMicrotask(callback) {
    Promise.resolve().then(callback);
  },
};

// internal/streams/utils, for util.styleText's stream validation.
function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}
export const streamsUtils = {
  isNodeStream,
  isReadableStream: (obj) => !!(obj && !isNodeStream(obj) && typeof obj.pipeThrough === 'function' &&
    typeof obj.getReader === 'function' && typeof obj.cancel === 'function'),
  isWritableStream: (obj) => !!(obj && !isNodeStream(obj) && typeof obj.getWriter === 'function' &&
    typeof obj.abort === 'function'),
};

// internal/options: the sandbox runs Node with no command-line options.
const optionDefaults = { '--enable-source-maps': false, '--pending-deprecation': false, '--no-deprecation': false };
export const options = {
  getOptionValue: (name) => optionDefaults[name],
};

// internal/console/global (util.log).
export const consoleGlobal = {
  log: (...args) => ctx.console.log(...args),
};

// internal/source_map/source_map_cache: guests register no source maps.
export const sourceMapCache = { findSourceMap: () => undefined };

// internal/util/trace_sigint: there is no SIGINT in the sandbox.
export const traceSigint = {
  setTraceSigInt(enable) {
    validators.validateBoolean(enable, 'enable');
  },
};

// internal/abort_controller: util.aborted and the transferable helpers, over
// the AbortController/AbortSignal globals (as the sandbox boots them).
export const abortController = {
  transferableAbortSignal(signal) {
    const AbortSignalCtor = globalThis.AbortSignal;
    if (typeof AbortSignalCtor !== 'function' || !(signal instanceof AbortSignalCtor)) {
      throw invalidArgType('signal', 'AbortSignal', signal);
    }
    return signal;
  },
  transferableAbortController() {
    return new globalThis.AbortController();
  },
  async aborted(signal, resource) {
    if (signal === undefined) throw invalidArgType('signal', 'AbortSignal', signal);
    validators.validateAbortSignal(signal, 'signal');
    validators.validateObject(resource, 'resource', kValidateObjectAllowArray | kValidateObjectAllowFunction);
    if (signal.aborted) return undefined;
    return new Promise((resolve) => {
      signal.addEventListener('abort', () => resolve(), { once: true, [eventTarget.kResistStopPropagation]: true });
    });
  },
};

// internal/tty's getColorDepth, as far as FORCE_COLOR decides it (the sandbox has no terminal).
export function getColorDepth(env = ctx.process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        return 4;
      case '2':
        return 8;
      case '3':
        return 24;
      default:
        return 1;
    }
  }
  return 1;
}

export const tty = { getColorDepth };

// internal/util/colors: the sandbox's stderr is never a TTY, so colors come only from FORCE_COLOR.
export const colors = {
  blue: '',
  green: '',
  white: '',
  yellow: '',
  red: '',
  gray: '',
  clear: '',
  reset: '',
  hasColors: false,
  shouldColorize(stream) {
    if (ctx.process.env.FORCE_COLOR !== undefined) return getColorDepth() > 2;
    return stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  },
  refresh() {
    const hasColors = colors.shouldColorize(ctx.process.stderr);
    colors.blue = hasColors ? '\u001b[34m' : '';
    colors.green = hasColors ? '\u001b[32m' : '';
    colors.white = hasColors ? '\u001b[39m' : '';
    colors.yellow = hasColors ? '\u001b[33m' : '';
    colors.red = hasColors ? '\u001b[31m' : '';
    colors.gray = hasColors ? '\u001b[90m' : '';
    colors.clear = hasColors ? '\u001bc' : '';
    colors.reset = hasColors ? '\u001b[0m' : '';
    colors.hasColors = hasColors;
  },
};

// internal/util/types, in Node's order.
export const types = {};
for (const name of TYPES_ORDER) types[name] = typeChecks[name];

// internal/constants: the character codes lib/path.js compares against.
export const constants = {
  EOL: '\n',
  CHAR_LOWERCASE_B: 98,
  CHAR_LOWERCASE_E: 101,
  CHAR_LOWERCASE_N: 110,
  CHAR_UPPERCASE_A: 65,
  CHAR_LOWERCASE_A: 97,
  CHAR_UPPERCASE_Z: 90,
  CHAR_LOWERCASE_Z: 122,
  CHAR_DOT: 46,
  CHAR_FORWARD_SLASH: 47,
  CHAR_BACKWARD_SLASH: 92,
  CHAR_COLON: 58,
  CHAR_QUESTION_MARK: 63,
};

// internal/deps/minimatch: only path.matchesGlob (experimental in Node 22) uses it.
export const minimatch = {
  minimatch() {
    const err = new Error('path.matchesGlob is not supported in sandbox');
    err.code = 'ERR_NOT_SUPPORTED_IN_SANDBOX';
    throw err;
  },
};
