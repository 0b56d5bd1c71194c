// Module loading. CommonJS runs here, through Node's wrapper, with Node's
// Module object, require.cache and createRequire; ES modules run through the
// engine's loader, whose resolve and load callbacks the worker forwards to the
// host. Resolution always happens in the host, over the virtual filesystem:
// one `module.resolve` call per specifier (then `module.load` for the source
// of a module not yet in the cache).

import { parse as lexImports } from 'es-module-lexer/js';
import { hostCall, stopIfTerminated } from './dispatch.js';
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
// Only reachable with the `node:` scheme, as in Node.
export const SCHEME_ONLY = ['test', 'test/reporters', 'sea', 'sqlite'];
const builtinSet = new Set(NODE_BUILTINS);
const factories = new Map();
const cache = new Map();

// Set by configureModules() at boot.
const S = {
  importSync: null,
  globalPaths: ['/app/node_modules'],
};

export function configureModules(options) {
  Object.assign(S, options);
}

// `onLoad`, if given, runs once, the first time guest code loads the module
// (a deprecation warning, as Node's punycode), not when the bridge itself does.
const loadHooks = new Map();
export function defineBuiltin(name, factory, onLoad) {
  factories.set(name, factory);
  if (onLoad) loadHooks.set(name, onLoad);
  else loadHooks.delete(name);
}

export function definedBuiltins() {
  return [...factories.keys()];
}

export function isBuiltin(specifier) {
  if (typeof specifier !== 'string') return false;
  if (specifier.startsWith('node:')) {
    const name = specifier.slice(5);
    return builtinSet.has(name) || SCHEME_ONLY.includes(name);
  }
  return builtinSet.has(specifier);
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

// A builtin loaded by guest code (require, import).
export function requireBuiltin(specifier) {
  const value = loadBuiltin(specifier);
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const hook = loadHooks.get(name);
  if (hook) {
    loadHooks.delete(name);
    hook();
  }
  return value;
}

// Export names of a builtin, for its synthetic ES module.
export function builtinExportNames(specifier) {
  const value = loadBuiltin(specifier);
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return [];
  return Object.keys(value).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
}

export function dirname(path) {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

// Node's url.pathToFileURL for a POSIX path: only what a URL path cannot hold
// is percent-encoded (so '@' stays, as in pnpm's .pnpm/pkg@1.0.0 directories).
export function fileUrl(path) {
  let out = '';
  for (const ch of path) {
    const code = ch.codePointAt(0);
    if (code > 0x7e || code <= 0x20 || '"#%<>?`{}\\'.includes(ch)) {
      out += encodeURIComponent(ch);
    } else {
      out += ch;
    }
  }
  return `file://${out}`;
}

function urlToPath(url) {
  return decodeURIComponent(url.slice(7));
}

// Node's Module._nodeModulePaths for a POSIX directory.
export function nodeModulePaths(from) {
  if (from === '/') return ['/node_modules'];
  const parts = from.split('/');
  const out = [];
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    const dir = parts.slice(0, i).join('/');
    out.push(`${dir}/node_modules`);
  }
  out.push('/node_modules');
  return out;
}

// Errors from the host resolver: Node's ERR_* codes come as NodeErrors
// ("Error [ERR_X]: ..."), MODULE_NOT_FOUND as a plain Error with a code.
function moduleError(err) {
  if (err && typeof err.code === 'string' && err.code.startsWith('ERR_') && !err.syscall) {
    const e = nodeError(err.name === 'TypeError' ? TypeError : Error, err.code, err.message);
    if (err.url !== undefined) e.url = err.url;
    return e;
  }
  return err;
}

function hostResolve(specifier, referrer, kind, extra) {
  try {
    return hostCall('module.resolve', { specifier, referrer, kind, ...extra });
  } catch (err) {
    throw moduleError(err);
  }
}

function hostLoad(path) {
  try {
    return hostCall('module.load', { path, kind: 'require' });
  } catch (err) {
    throw moduleError(err);
  }
}

function requireStackOf(module) {
  const stack = [];
  for (let m = module; m && stack.length < 100; m = m.parent) {
    if (m.filename) stack.push(m.filename);
  }
  return stack;
}

// ---------------------------------------------------------------- the Module object

const moduleCache = Object.create(null);
const extensions = Object.create(null);
let mainModule;

function Module(id = '', parent) {
  this.id = id;
  this.path = dirname(id);
  this.exports = {};
  Object.defineProperty(this, 'parent', { value: parent, writable: true, configurable: true, enumerable: false });
  this.filename = null;
  this.loaded = false;
  this.children = [];
  if (parent && Array.isArray(parent.children)) parent.children.push(this);
}
named(Module, 'Module');

const WRAPPER = '(function (exports, require, module, __filename, __dirname, __secureExecImport) { ';
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => `${Module.wrapper[0]}${script}${Module.wrapper[1]}`;
Module._cache = moduleCache;
Module._extensions = extensions;
Module.builtinModules = NODE_BUILTINS.slice();
Module.globalPaths = [];
Module.isBuiltin = isBuiltin;
Module._nodeModulePaths = nodeModulePaths;
Module.Module = Module;

Module.prototype.require = function require(id) {
  validateId(id);
  return loadModule(id, this, false);
};

Module.prototype._compile = function _compile(content, filename) {
  return compileAndRun(this, content, filename);
};

Module._load = (request, parent, isMain) => loadModule(request, parent, isMain);

Module._resolveFilename = (request, parent, isMain, options) => resolveFilename(request, parent, options);

Module.createRequire = function createRequire(filename) {
  let path = filename;
  if ((typeof URL === 'function' && path instanceof URL) || (typeof path === 'object' && path !== null && typeof path.href === 'string')) path = path.href;
  if (typeof path === 'string' && path.startsWith('file:')) {
    path = urlToPath(path.replace(/^file:\/\/[^/]*/, 'file://'));
  } else if (typeof path !== 'string' || !path.startsWith('/')) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received ${JSON.stringify(filename)}`);
  }
  const trailingSlash = path.endsWith('/');
  const proxyPath = trailingSlash ? `${path}noop.js` : path;
  const m = new Module(proxyPath, null);
  m.filename = proxyPath;
  m.paths = nodeModulePaths(dirname(proxyPath));
  return makeRequire(m);
};

Module.syncBuiltinESMExports = () => {};
Module.findSourceMap = () => undefined;
Module.register = () => {
  throw unsupportedError('module.register');
};
Module.enableCompileCache = () => ({ status: 3, message: 'compile cache is not supported in sandbox' });
Module.getCompileCacheDir = () => undefined;
Module.constants = { compileCacheStatus: { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 } };

function validateId(id) {
  if (typeof id !== 'string') throw invalidArgType('id', 'string', id);
  if (id === '') throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
}

function resolveFilename(request, parent, options) {
  if (isBuiltin(request)) return request;
  const extra = { requireStack: requireStackOf(parent) };
  if (options && options.paths !== undefined) {
    if (!Array.isArray(options.paths)) throw invalidArgType('options.paths', 'Array', options.paths);
    extra.paths = options.paths.map(String);
  }
  return hostResolve(request, parent && parent.filename ? parent.filename : null, 'require', extra).path;
}

function loadModule(request, parent, isMain) {
  if (request.startsWith('node:')) {
    if (!isBuiltin(request)) {
      const err = nodeError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
      throw err;
    }
    return requireBuiltin(request);
  }
  if (builtinSet.has(request)) return requireBuiltin(request);
  const resolved = hostResolve(request, parent && parent.filename ? parent.filename : null, 'require', {
    requireStack: requireStackOf(parent),
  });
  if (resolved.format === 'builtin') return requireBuiltin(resolved.path);
  return loadResolved(resolved.path, resolved.format, parent, isMain);
}

function loadResolved(filename, format, parent, isMain) {
  const cached = moduleCache[filename];
  if (cached !== undefined) {
    if (parent && Array.isArray(parent.children) && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
  module.filename = filename;
  module.paths = nodeModulePaths(dirname(filename));
  if (isMain) {
    module.id = '.';
    mainModule = module;
  }
  moduleCache[filename] = module;
  let threw = true;
  try {
    evaluate(module, filename, format);
    threw = false;
  } finally {
    if (threw) {
      delete moduleCache[filename];
      if (parent && Array.isArray(parent.children)) {
        const i = parent.children.indexOf(module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    }
  }
  return module.exports;
}

function stripBOM(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function evaluate(module, filename, format) {
  if (format === 'module') {
    module.exports = requireEsm(filename);
    module.loaded = true;
    return;
  }
  const loaded = hostLoad(filename);
  if (format === 'json' || loaded.format === 'json') {
    try {
      module.exports = JSON.parse(stripBOM(loaded.source));
    } catch (err) {
      err.message = `${filename}: ${err.message}`;
      throw err;
    }
  } else {
    compileAndRun(module, loaded.source, filename);
  }
  module.loaded = true;
}

// require(esm), as Node 22.12+ allows it: the engine's synchronous import.
function requireEsm(filename) {
  try {
    return S.importSync(fileUrl(filename));
  } catch (err) {
    if (err && typeof err.message === 'string' && err.message.includes('Top-level await is not allowed')) {
      throw nodeError(Error, 'ERR_REQUIRE_ASYNC_MODULE',
        'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.');
    }
    throw cleanSyncImportError(err);
  }
}

// The engine's synchronous import rethrows an evaluation error as a new error
// whose message repeats "Name: message" and the stack: keep the first line.
function cleanSyncImportError(err) {
  if (!(err instanceof Error) || typeof err.message !== 'string') return err;
  const prefix = `${err.name}: `;
  if (err.message.startsWith(prefix)) {
    const message = err.message.slice(prefix.length).split('\n    at ')[0];
    try {
      Object.defineProperty(err, 'message', { value: message, writable: true, configurable: true, enumerable: false });
      err.stack = `${err.name}: ${message}\n${String(err.stack).split('\n').filter((l) => l.startsWith('    at ')).join('\n')}`;
    } catch {
      // a frozen error keeps its text
    }
  }
  return err;
}

function makeRequire(module) {
  const require = function require(id) {
    return module.require(id);
  };
  named(require, 'require');
  function resolve(request, options) {
    validateId(request);
    return resolveFilename(request, module, options);
  }
  resolve.paths = function paths(request) {
    if (typeof request !== 'string') throw invalidArgType('request', 'string', request);
    if (isBuiltin(request)) return null;
    if (request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..') {
      return [module.path ?? dirname(module.filename)];
    }
    return [...(module.paths ?? nodeModulePaths(dirname(module.filename))), ...S.globalPaths];
  };
  require.resolve = resolve;
  require.main = mainModule;
  require.extensions = extensions;
  require.cache = moduleCache;
  return require;
}

function stripShebang(source) {
  return source.startsWith('#!') ? `//${source.slice(2)}` : source;
}

// A CommonJS module compiled by eval has the bridge as its referrer for
// `import()`: point its dynamic imports at a function that resolves from the
// module's own path first (the lexer skips strings, comments and templates).
function rewriteDynamicImports(source) {
  if (!/\bimport\s*\(/.test(source)) return source;
  let imports;
  try {
    [imports] = lexImports(source);
  } catch {
    return source;
  }
  let out = source;
  for (let i = imports.length - 1; i >= 0; i--) {
    const { d, ss } = imports[i];
    if (d > -1) out = `${out.slice(0, ss)}__secureExecImport${out.slice(d)}`;
  }
  return out;
}

// `import()` on behalf of the module at `referrer` (a path or file: URL):
// resolved in the host first, so a failure is Node's error with its code.
export function importFrom(referrer, specifier, options) {
  try {
    const resolved = hostResolve(String(specifier), referrer, 'import', {});
    const url = resolved.format === 'builtin'
      ? `node:${resolved.path.replace(/^node:/, '')}`
      : `${fileUrl(resolved.path)}${resolved.suffix ?? ''}`;
    return import(url, { with: options && typeof options === 'object' ? options.with : undefined })
      .catch((err) => {
        throw normalizeModuleError(err);
      });
  } catch (err) {
    return Promise.reject(err);
  }
}

// `import.meta.resolve()` on behalf of the ES module at `referrer`.
export function resolveFrom(referrer, specifier) {
  if (arguments.length < 2) throw invalidArgType('specifier', 'string', undefined);
  const resolved = hostResolve(String(specifier), referrer, 'import', { checkFormat: false });
  if (resolved.format === 'builtin') return `node:${resolved.path.replace(/^node:/, '')}`;
  return `${fileUrl(resolved.path)}${resolved.suffix ?? ''}`;
}

function dynamicImportFrom(filename) {
  return (specifier, options) => importFrom(filename, specifier, options);
}

// The engine reports a failed resolve or load of a static import as
// "Module resolution failed for <spec>: ImportError: [CODE] <message>": make
// it the error Node throws.
const ENGINE_WRAPPED = /^Module (?:resolution|loading|load) failed for [\s\S]*?: (?:ImportError|RuntimeError|Exception): (?:\[([A-Z_]+)\] )?/;

export function normalizeModuleError(err) {
  if (!(err instanceof Error) || typeof err.message !== 'string') return err;
  // The engine terminated the module's evaluation (heap limit): the execution ends.
  if (stopIfTerminated(err)) return err;
  const match = ENGINE_WRAPPED.exec(err.message);
  if (match === null) return err;
  const message = err.message.slice(match[0].length);
  const code = match[1] ?? err.code;
  if (typeof code === 'string' && code.startsWith('ERR_')) return nodeError(Error, code, message);
  const e = new Error(message);
  if (code !== undefined) e.code = code;
  return e;
}

// Compiles `source` as a CommonJS wrapper; throws the engine's SyntaxError.
function compileCjs(filename, source) {
  const code = `${WRAPPER}${stripShebang(source)}\n})\n//# sourceURL=${filename}`;
  return (0, eval)(code);
}

function compileAndRun(module, source, filename) {
  const text = rewriteDynamicImports(source);
  registerSource(filename, text);
  registerWrapper(filename, WRAPPER.length);
  const fn = compileCjs(filename, text);
  const require = makeRequire(module);
  return fn.call(module.exports, module.exports, require, module, filename, dirname(filename), dynamicImportFrom(filename));
}

// The CommonJS module at `filename`, for the ES module wrapper the worker
// generates when ESM imports CommonJS (module.exports is the default export).
export function requireForEsm(filename) {
  return loadResolved(filename, 'commonjs', null, false);
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
  const module = new Module('.', null);
  module.path = dirname(filename);
  module.filename = filename;
  module.paths = nodeModulePaths(dirname(filename));
  mainModule = module;
  moduleCache[filename] = module;
  compileAndRun(module, source, filename);
  module.loaded = true;
  return module;
}

// Imports the ESM entry through the engine's asynchronous loader. (Its
// synchronous import replaces an evaluation error with a new Error that
// carries the formatted stack as its message.)
export function importEntry(url) {
  return import(url);
}

export function moduleBuiltin() {
  return Module;
}

export { registerSource };
