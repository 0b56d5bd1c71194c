// Running the entry program: CommonJS through Node's wrapper, ES modules through
// the engine's module loader (the worker resolves and loads; builtins are
// synthetic modules over the objects in `builtins`). File-system module
// resolution arrives with the virtual kernel.

import { hostCall } from './dispatch.js';
import { invalidArgType, nodeError, registerSource, registerWrapper, unsupportedError } from './errors.js';
import { named } from './native.js';

// Every builtin name Node 22 exports; the ones without a factory are not available yet.
export const NODE_BUILTINS = [
  '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing', '_http_server',
  '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_wrap',
  '_stream_writable', '_tls_common', '_tls_wrap', 'assert', 'assert/strict', 'async_hooks', 'buffer',
  'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns',
  'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector',
  'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks',
  'process', 'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
  'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi',
  'worker_threads', 'zlib',
];
const builtinSet = new Set(NODE_BUILTINS);
const factories = new Map();
const cache = new Map();

export function defineBuiltin(name, factory) {
  factories.set(name, factory);
}

export function definedBuiltins() {
  return [...factories.keys()];
}

export function isBuiltin(specifier) {
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return builtinSet.has(name) || specifier === 'node:test' || specifier === 'node:sea' || specifier === 'node:sqlite';
}

export function loadBuiltin(specifier) {
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (cache.has(name)) return cache.get(name);
  const factory = factories.get(name);
  if (!factory) throw unsupportedError(name);
  const value = factory();
  cache.set(name, value);
  return value;
}

// Export names of a builtin, for its synthetic ES module.
export function builtinExportNames(specifier) {
  const value = loadBuiltin(specifier);
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return [];
  return Object.keys(value).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
}

function dirname(path) {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function moduleNotFound(request, parent) {
  const err = new Error(`Cannot find module '${request}'\nRequire stack:\n- ${parent}`);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = [parent];
  return err;
}

function makeRequire(module) {
  function require(request) {
    if (typeof request !== 'string') throw invalidArgType('id', 'string', request);
    if (request === '') throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
    if (isBuiltin(request)) return loadBuiltin(request);
    const resolved = hostCall('module.resolve', { specifier: request, referrer: module.filename, kind: 'require' });
    if (resolved === null) throw moduleNotFound(request, module.filename);
    throw moduleNotFound(request, module.filename);
  }
  named(require, 'require');
  require.resolve = (request) => {
    if (isBuiltin(request)) return request;
    throw moduleNotFound(request, module.filename);
  };
  require.resolve.paths = (request) => (isBuiltin(request) ? null : [`${dirname(module.filename)}/node_modules`, '/app/node_modules']);
  require.cache = Object.create(null);
  require.main = module;
  require.extensions = Object.create(null);
  return require;
}

function stripShebang(source) {
  return source.startsWith('#!') ? `//${source.slice(2)}` : source;
}

const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';

// Compiles `source` as a CommonJS wrapper; throws the engine's SyntaxError.
function compileCjs(filename, source) {
  const code = `${WRAPPER}${stripShebang(source)}\n})\n//# sourceURL=${filename}`;
  return (0, eval)(code);
}

// Node 22 runs ambiguous code as an ES module when CommonJS parsing fails with
// an error only ESM syntax explains (import/export, import.meta, top-level await).
const ESM_HINTS = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
  'await is only valid in async functions and the top level bodies of modules',
];

function esmHint(err) {
  return err instanceof SyntaxError && ESM_HINTS.some((hint) => err.message.includes(hint));
}

export function detectModuleType(filename, source) {
  try {
    compileCjs(filename, source);
    return 'cjs';
  } catch (err) {
    if (!(err instanceof SyntaxError)) return 'cjs';
    if (esmHint(err)) return 'esm';
  }
  // Top-level await parses in an async function body: then it is a module.
  try {
    (0, eval)(`(async function () {\n${stripShebang(source)}\n})`);
    return 'esm';
  } catch (err) {
    return esmHint(err) ? 'esm' : 'cjs';
  }
}

export function runCommonJS(filename, source) {
  registerSource(filename, source);
  registerWrapper(filename, WRAPPER.length);
  const module = {
    id: '.',
    path: dirname(filename),
    exports: {},
    filename,
    loaded: false,
    children: [],
    paths: [`${dirname(filename)}/node_modules`, '/app/node_modules'],
  };
  module.require = makeRequire(module);
  const fn = compileCjs(filename, source);
  fn.call(module.exports, module.exports, module.require, module, filename, dirname(filename));
  module.loaded = true;
  return module;
}

// Imports the ESM entry through the engine's asynchronous loader. (Its
// synchronous import replaces an evaluation error with a new Error that
// carries the formatted stack as its message.)
export function importEntry(url) {
  return import(url);
}

export function fileUrl(path) {
  return `file://${path.split('/').map((part) => encodeURIComponent(part)).join('/')}`;
}

export { registerSource };
