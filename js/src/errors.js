// Node-shaped errors, the report Node prints for an error that ends the
// process, and V8's default stack traces without the bridge's own frames.

const { apply: ReflectApply, defineProperty: ReflectDefineProperty } = Reflect;
const weakGet = WeakMap.prototype.get;
const weakSet = WeakMap.prototype.set;
const ErrorPrototypeToString = Error.prototype.toString;
const FunctionPrototypeToString = Function.prototype.toString;
const ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;
const JSONStringify = JSON.stringify;

// Set by boot(): util.inspect (this module is itself required by inspect's
// shims, so it cannot import it), V8's native-error check and Node's version.
let inspect = null;
let isNativeError = null;
let nodeVersion = '';

export function configureErrors(options) {
  ({ inspect, isNativeError, version: nodeVersion } = options);
}

export function budgetError(what) {
  const err = new Error(`ERR_RESOURCE_BUDGET_EXCEEDED: ${what}`);
  err.code = 'ERR_RESOURCE_BUDGET_EXCEEDED';
  return err;
}

export function unsupportedError(what) {
  const err = new Error(`${what} is not supported in sandbox`);
  err.code = 'ERR_NOT_SUPPORTED_IN_SANDBOX';
  return err;
}

// ---------------------------------------------------------------- Node's internal errors

// Node's errors from lib/internal/errors.js: `code` is an own property, the
// stack and toString() read "TypeError [ERR_X]: message", and the constructor
// reads as the base class.
const kIsNodeError = Symbol('kIsNodeError');
const nodeErrorClasses = new Map();

function nodeErrorClass(Base) {
  let NodeError = nodeErrorClasses.get(Base);
  if (NodeError === undefined) {
    NodeError = class NodeError extends Base {
      get ['constructor']() {
        return Base;
      }
      get [kIsNodeError]() {
        return true;
      }
      toString() {
        return `${this.name} [${this.code}]: ${this.message}`;
      }
    };
    nodeErrorClasses.set(Base, NodeError);
  }
  return NodeError;
}

export function nodeError(Base, code, message) {
  const NodeError = nodeErrorClass(Base);
  const err = new NodeError(message);
  err.code = code;
  return err;
}

function formatList(array, type = 'and') {
  switch (array.length) {
    case 0: return '';
    case 1: return `${array[0]}`;
    case 2: return `${array[0]} ${type} ${array[1]}`;
    case 3: return `${array[0]}, ${array[1]}, ${type} ${array[2]}`;
    default: return `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
  }
}

// How Node names a received value in argument errors.
export function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  switch (type) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      if (value !== value) return 'type number (NaN)';
      if (value === Infinity) return 'type number (Infinity)';
      if (value === -Infinity) return 'type number (-Infinity)';
      return `type number (${value})`;
    case 'boolean':
      return value ? 'type boolean (true)' : 'type boolean (false)';
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) return `an instance of ${value.constructor.name}`;
      return `${inspect(value, { depth: -1 })}`;
    case 'string':
      if (value.length > 28) value = `${value.slice(0, 25)}...`;
      if (value.indexOf("'") === -1) return `type string ('${value}')`;
      return `type string (${JSONStringify(value)})`;
    default: {
      let shown = inspect(value, { colors: false });
      if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
      return `type ${type} (${shown})`;
    }
  }
}

const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

// ERR_INVALID_ARG_TYPE, worded as Node words it.
export function invalidArgType(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (/^[A-Z][a-zA-Z0-9]*$/.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) msg += `one of ${formatList(other, 'or')}`;
    else msg += `${other[0].toLowerCase() !== other[0] ? 'an ' : ''}${other[0]}`;
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', msg);
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

// ERR_OUT_OF_RANGE, worded as Node words it.
export function outOfRange(name, range, input) {
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = inspect(input);
  }
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
}

// Node's validateInteger (MIN_SAFE_INTEGER .. MAX_SAFE_INTEGER by default).
export function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

export function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'Function', value);
}

// ---------------------------------------------------------------- uncaught errors

const sources = new Map();   // filename -> source text, for the source line of reports

export function registerSource(filename, source) {
  sources.set(filename, source);
}

// The source of a guest file run so far (assert.ok reads the failing call's text from it).
export function registeredSource(filename) {
  return sources.get(filename);
}

// V8's Object::NoSideEffectsToString, which Node uses to name a rejection reason.
export function noSideEffectsToString(value) {
  switch (typeof value) {
    case 'string':
      return value;
    case 'symbol':
      return String(value);
    case 'function': {
      const text = ReflectApply(FunctionPrototypeToString, value, []);
      return text.length > 128 ? `${text.slice(0, 111)}...<omitted>...${text.slice(-2)}` : text;
    }
    case 'object':
      if (value !== null) return receiverToString(value);
  }
  return String(value);
}

// A data property along the prototype chain, without running getters or traps.
function dataProperty(object, key) {
  for (let o = object; o !== null; o = Object.getPrototypeOf(o)) {
    const desc = Object.getOwnPropertyDescriptor(o, key);
    if (desc !== undefined) return 'value' in desc ? desc.value : undefined;
  }
  return undefined;
}

function receiverToString(object) {
  try {
    const toString = dataProperty(object, 'toString');
    if (isNativeError(object) || toString === ErrorPrototypeToString) {
      const name = dataProperty(object, 'name');
      const message = dataProperty(object, 'message');
      const n = typeof name === 'string' ? name : 'Error';
      const m = typeof message === 'string' ? message : '';
      if (n === '') return m;
      if (m === '') return n;
      return `${n}: ${m}`;
    }
    if (toString === Object.prototype.toString) {
      const ctor = dataProperty(object, 'constructor');
      if (typeof ctor === 'function') {
        const name = Object.getOwnPropertyDescriptor(ctor, 'name');
        if (name !== undefined && typeof name.value === 'string' && name.value !== '') return `#<${name.value}>`;
      }
    }
    const tag = dataProperty(object, Symbol.toStringTag);
    if (typeof tag === 'string') return `[object ${tag}]`;
  } catch {
    // Proxies and exotic objects fall through to the builtin tag.
  }
  return Object.prototype.toString.call(object);
}

// Node wraps a rejection reason that is not error-like (no own `stack`).
export function isErrorLike(value) {
  return typeof value === 'object' && value !== null && ReflectApply(ObjectPrototypeHasOwnProperty, value, ['stack']);
}

// lib/internal/process/promises.js, with the stack Node 22 gives it.
class UnhandledPromiseRejection extends Error {
  code = 'ERR_UNHANDLED_REJECTION';
  name = 'UnhandledPromiseRejection';
  constructor(reason) {
    super('This error originated either by throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' +
      `${noSideEffectsToString(reason)}".`);
    this.stack = `UnhandledPromiseRejection: ${this.message}\n` +
      '    at throwUnhandledRejectionsMode (node:internal/process/promises:392:7)\n' +
      '    at processPromiseRejections (node:internal/process/promises:475:17)\n' +
      '    at process.processTicksAndRejections (node:internal/process/task_queues:106:32)';
  }
}

export function unhandledRejectionError(reason) {
  return isErrorLike(reason) ? reason : new UnhandledPromiseRejection(reason);
}

const kRejectionSource = 'node:internal/process/promises:392\n      new UnhandledPromiseRejection(reason);\n      ^\n';

// Node's internal throw sites for errors it throws itself (see events.js).
const throwSites = new WeakMap();

export function setThrowSite(error, source) {
  ReflectApply(weakSet, throwSites, [error, source]);
}

// A rejection is reported where V8 saw its error made; an error made with no
// stack frames (Node's AssertionError sets Error.stackTraceLimit to 0 while
// constructing) is reported at Node's rethrow in process/promises.js instead.
const kPromisesRethrow = 'node:internal/process/promises:394\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n';
const framelessErrors = new WeakSet();
const weakSetAdd = WeakSet.prototype.add;
const weakSetHas = WeakSet.prototype.has;

export function setFrameless(error) {
  ReflectApply(weakSetAdd, framelessErrors, [error]);
}

// events.js asks for "Emitted 'error' event at" to be added before the report.
export const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');

// Where each error was created: its first guest frame, recorded when V8 asks
// for its stack (the report reads `stack` first, so errors never read before still get one).
const origins = new WeakMap();

function isIdentifierChar(ch) {
  return ch !== undefined && /[\w$\u0080-\uffff]/.test(ch);
}

// Node's report shows where the error was *thrown* (V8's message location).
// JavaScript only knows where it was created. In the common forms, `throw new
// X(...)` or `throw f(new X(...))`, both are on one line and the throw is the
// nearest `throw` keyword before, within the same statement and block.
function throwColumn(text, column) {
  for (let i = column - 5; i >= 0; i--) {
    const ch = text[i + 4];
    if (ch === ';' || ch === '{' || ch === '}') return column;
    if (text.startsWith('throw', i) && !isIdentifierChar(text[i - 1]) && text[i - 1] !== '.' && !isIdentifierChar(text[i + 5])) return i;
  }
  return column;
}

function utf8Bytes(text) {
  const bytes = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    bytes.push(ch === '\t' ? '\t' : ' ');
    for (let k = 1; k < n; k++) bytes.push(' ');
  }
  return bytes;
}

// node_errors.cc GetErrorSource: "file:line\n<source line>\n<caret>\n". The
// caret row walks the line's UTF-8 bytes up to V8's (UTF-16) start column,
// keeping tabs, as Node does.
function errorSource(error, atCreation) {
  let origin;
  try {
    void error.stack;
    origin = ReflectApply(weakGet, origins, [error]);
  } catch {
    return '';
  }
  if (origin === undefined) return '';
  const source = sources.get(origin.file);
  if (source === undefined) return '';
  const text = source.split('\n')[origin.line - 1];
  if (text === undefined) return '';
  let start = origin.column - 1;
  if (!atCreation) start = throwColumn(text, start);
  const head = `${origin.file}:${origin.line}\n${text}\n`;
  const bytes = utf8Bytes(text);
  if (start < 0 || start + 1 > bytes.length) return head;
  return `${head}${bytes.slice(0, start).join('')}^\n`;
}

// node_errors.cc ReportFatalException: what Node writes to stderr before it
// exits because of `error`. Rejections, and errors thrown out of a microtask,
// are reported where their error was made (V8 builds their message from the
// error's own stack), others where they were thrown.
export function fatalReport(error, fromPromise, atCreation = fromPromise) {
  const trailer = `\nNode.js ${nodeVersion}\n`;
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) {
    let shown;
    try {
      shown = `${error}`;
    } catch {
      shown = '<toString() threw exception>';
    }
    return `${shown}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)\n${trailer}`;
  }
  const native = isNativeError(error);
  // A rejection is reported where its error was made, never where it was thrown.
  let header;
  if (error instanceof UnhandledPromiseRejection) header = kRejectionSource;
  else if (!fromPromise) header = ReflectApply(weakGet, throwSites, [error]);
  else if (ReflectApply(weakSetHas, framelessErrors, [error])) header = kPromisesRethrow;
  if (header === undefined) header = errorSource(error, atCreation);
  if (typeof error[kEnhanceStackBeforeInspector] === 'function') {
    try {
      error.stack = error[kEnhanceStackBeforeInspector]();
    } catch {
      // Keep the stack as it is.
    }
  }
  let trace;
  try {
    trace = inspect(error, { colors: false, customInspect: false, depth: Math.max(inspect.defaultOptions.depth, 5) });
  } catch {
    trace = String(error.stack);
  }
  if (native) return `${header === '' ? '' : `${header}\n`}${trace}\n${trailer}`;
  return `${header === '' ? '' : `\n${header}`}${trace}\n${trailer}`;
}

// ---------------------------------------------------------------- stack traces

const kWrapperOffsets = new Map();   // CommonJS filename -> columns its wrapper adds to line 1

export function registerWrapper(filename, offset) {
  kWrapperOffsets.set(filename, offset);
}

function isHiddenFile(file) {
  return typeof file === 'string' && (file.startsWith('secure-exec:') || file.startsWith('ext:') || file === '<eval_async>');
}

function siteColumn(site) {
  const file = site.getScriptNameOrSourceURL();
  let column = site.getColumnNumber();
  if (site.getLineNumber() === 1 && kWrapperOffsets.has(file) && column !== null) column -= kWrapperOffsets.get(file);
  return column;
}

function frameLocation(site) {
  if (site.isNative()) return 'native';
  const file = site.getScriptNameOrSourceURL();
  let location;
  if (!file && site.isEval()) location = `${site.getEvalOrigin()}, <anonymous>`;
  else location = file || '<anonymous>';
  const line = site.getLineNumber();
  if (line !== null && line !== undefined) {
    const column = siteColumn(site);
    location += `:${line}`;
    if (column !== null && column !== undefined) location += `:${column}`;
  }
  return location;
}

function formatFrame(site) {
  let out = '';
  if (site.isAsync()) out += 'async ';
  if (site.isPromiseAll()) return `${out}Promise.all (index ${site.getPromiseIndex()})`;
  let functionName = site.getFunctionName();
  // A CommonJS wrapper is anonymous in Node; V8 names eval-created functions "eval".
  if (functionName === 'eval' && site.isEval() && kWrapperOffsets.has(site.getScriptNameOrSourceURL())) functionName = null;
  const isConstructor = site.isConstructor();
  const isMethodCall = !(site.isToplevel() || isConstructor);
  if (isMethodCall) {
    let typeName = null;
    try {
      typeName = site.getTypeName();
    } catch {
      typeName = null;
    }
    const methodName = site.getMethodName();
    if (functionName) {
      if (typeName && !functionName.startsWith(`${typeName}.`)) out += `${typeName}.`;
      out += functionName;
      if (methodName && !functionName.endsWith(`.${methodName}`) && functionName !== methodName) out += ` [as ${methodName}]`;
    } else {
      if (typeName) out += `${typeName}.`;
      out += methodName || '<anonymous>';
    }
  } else if (isConstructor) {
    out += `new ${functionName || '<anonymous>'}`;
  } else if (functionName) {
    out += functionName;
  } else {
    return out + frameLocation(site);
  }
  return `${out} (${frameLocation(site)})`;
}

// Error.prototype.toString, or Node's "Name [CODE]: message" for its own errors.
function errorHeader(error) {
  try {
    if (error !== null && typeof error === 'object' && kIsNodeError in error) return `${error.name} [${error.code}]: ${error.message}`;
    return ReflectApply(ErrorPrototypeToString, error, []);
  } catch {
    return '<error>';
  }
}

function recordOrigin(error, sites) {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return;
  const site = sites[0];
  if (site === undefined) return;
  const file = site.getScriptNameOrSourceURL();
  const line = site.getLineNumber();
  const column = siteColumn(site);
  if (!file || line === null || column === null) return;
  ReflectApply(weakSet, origins, [error, { file, line, column }]);
}

// V8's default stack format, without the bridge's own frames, and with CommonJS
// wrapper columns corrected, so that guest stacks read like Node's.
export function installStackFormatter() {
  let userHook;
  function prepareStackTrace(error, sites) {
    const visible = sites.filter((site) => {
      const file = site.getScriptNameOrSourceURL();
      if (isHiddenFile(file)) return false;
      if (!file && site.isEval() && /secure-exec:|<eval_async>/.test(String(site.getEvalOrigin()))) return false;
      return true;
    });
    recordOrigin(error, visible);
    if (typeof userHook === 'function') return userHook(error, sites);
    let out = errorHeader(error);
    for (const site of visible) out += `\n    at ${formatFrame(site)}`;
    return out;
  }
  ReflectDefineProperty(Error, 'prepareStackTrace', {
    get: () => userHook ?? prepareStackTrace,
    set: (value) => {
      userHook = value === prepareStackTrace ? undefined : value;
    },
    configurable: true,
    enumerable: false,
  });
}
