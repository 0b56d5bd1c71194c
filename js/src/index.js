// Bundle entry. Evaluated once into the worker's startup snapshot; it defines
// one global, `__secureExecBoot`, which the per-execution hardening script
// captures and deletes before calling it. Nothing here may read clocks or
// configuration at snapshot time.

import * as events from 'events';
import * as bufferModule from 'buffer';
import util from 'node-inspect-extracted';
import { installDispatch, op } from './dispatch.js';
import * as loop from './loop.js';
import { installClocks } from './timing.js';
import { createProcess } from './process.js';
import { createConsole } from './console.js';
import { createWritable, createStdin } from './stdio.js';
import { toWire } from './wire.js';
import * as modules from './modules.js';
import { installStackFormatter } from './errors.js';

function resolvePath(base, path) {
  const parts = (path.startsWith('/') ? path : `${base}/${path}`).split('/');
  const out = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function boot(caps) {
  const g = globalThis;
  const { callSync, core, engineSetTimeout, ids } = caps;
  installDispatch(callSync, ids);
  const config = op('config');

  // ---- globals that must not exist for guests
  for (const name of ['Temporal', 'ReadableStream']) delete g[name];
  if (config.timing === 'freeze') {
    delete g.SharedArrayBuffer;
    delete g.Atomics;
  }

  installStackFormatter();
  const clocks = installClocks(g, config);
  const encode = (s) => core.encode(s);
  const stdout = createWritable(1, encode);
  const stderr = createWritable(2, encode);
  const writeStderr = (text) => stderr.write(text);

  let returned = { set: false, value: undefined };
  const returnValue = () => {
    if (!returned.set) return null;
    try {
      return { ok: toWire(returned.value, 'value') };
    } catch (err) {
      return { err: `failed to serialize run() value: ${err.message}` };
    }
  };

  const proc = createProcess(config, clocks, {
    core,
    inspect: util.inspect,
    writeStderr,
    returnValue,
    resolvePath,
  });
  const process = proc.process;
  process.stdout = stdout;
  process.stderr = stderr;
  let stdin = null;
  Object.defineProperty(process, 'stdin', {
    get: () => (stdin ??= createStdin(config.stdin)),
    configurable: true,
    enumerable: true,
  });

  const console = createConsole({
    util,
    stdout,
    stderr,
    now: () => clocks.performanceNow(),
    emitWarning: (msg) => process.emitWarning(msg),
  });

  loop.configureLoop({
    core,
    realNow: clocks.realNow,
    hop: (fn) => engineSetTimeout(fn, 0),
    onUncaught: proc.onUncaught,
    onRejection: proc.onRejection,
    maxTimers: config.maxTimers,
    maxHandles: config.maxHandles,
  });

  const timers = {
    setTimeout: loop.setTimeout,
    setInterval: loop.setInterval,
    setImmediate: loop.setImmediate,
    clearTimeout: loop.clearTimeout,
    clearInterval: loop.clearInterval,
    clearImmediate: loop.clearImmediate,
  };
  const timersPromises = {
    setTimeout: (delay, value, options) => new Promise((resolve, reject) => {
      const t = loop.setTimeout(() => resolve(value), delay);
      if (options && options.ref === false) t.unref();
      if (options && options.signal) options.signal.addEventListener?.('abort', () => { t.close(); reject(options.signal.reason); });
    }),
    setImmediate: (value, options) => new Promise((resolve) => {
      const i = loop.setImmediate(() => resolve(value));
      if (options && options.ref === false) i.unref();
    }),
    async *setInterval(delay, value) {
      for (;;) {
        yield await timersPromises.setTimeout(delay, value);
      }
    },
    scheduler: {
      wait: (delay, options) => timersPromises.setTimeout(delay, undefined, options),
      yield: () => timersPromises.setImmediate(),
    },
  };
  timers.promises = timersPromises;

  const utilModule = {
    inspect: util.inspect,
    format: util.format,
    formatWithOptions: util.formatWithOptions,
    stripVTControlCharacters: util.stripVTControlCharacters,
    inherits(ctor, superCtor) {
      Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
      Object.setPrototypeOf(ctor, superCtor);
      Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    },
    promisify(fn) {
      if (fn[Symbol.for('nodejs.util.promisify.custom')]) return fn[Symbol.for('nodejs.util.promisify.custom')];
      return function (...args) {
        return new Promise((resolve, reject) => {
          fn.call(this, ...args, (err, value) => (err ? reject(err) : resolve(value)));
        });
      };
    },
  };
  loop.setTimeout[Symbol.for('nodejs.util.promisify.custom')] = timersPromises.setTimeout;
  loop.setImmediate[Symbol.for('nodejs.util.promisify.custom')] = timersPromises.setImmediate;

  modules.defineBuiltin('events', () => events.default ?? events);
  modules.defineBuiltin('buffer', () => bufferModule);
  modules.defineBuiltin('util', () => utilModule);
  modules.defineBuiltin('timers', () => timers);
  modules.defineBuiltin('timers/promises', () => timersPromises);
  modules.defineBuiltin('process', () => process);
  modules.defineBuiltin('console', () => console);
  Object.defineProperty(g, Symbol.for('secure-exec.builtin'), { value: modules.loadBuiltin });
  op('builtins', {
    all: modules.NODE_BUILTINS,
    exports: Object.fromEntries(modules.definedBuiltins().map((name) => [name, modules.builtinExportNames(name)])),
  });

  // ---- the guest's global scope
  const define = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  define('console', console);
  define('process', process);
  define('global', g);
  for (const [name, fn] of Object.entries(timers)) if (name !== 'promises') define(name, fn);
  define('queueMicrotask', (callback) => {
    if (typeof callback !== 'function') {
      const err = new TypeError(`The "callback" argument must be of type function. Received ${callback === null ? 'null' : typeof callback}`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    Promise.resolve().then(() => {
      try {
        callback();
      } catch (err) {
        proc.onUncaught(err, 'uncaughtException');
      }
    });
  });
  define('Buffer', bufferModule.Buffer);
  define('structuredClone', (value, options) => core.structuredClone(value, options?.transfer ?? []));
  if (config.mode === 'run') {
    define('__return', (value) => {
      returned = { set: true, value };
    });
  }

  // ---- run the entry, then the event loop
  const finished = { resolve: null };
  const result = new Promise((resolve) => {
    finished.resolve = resolve;
  });

  let entryModule = null;
  let entryNamespace = null;

  function complete() {
    // Node: 'beforeExit' may schedule more work, and the loop then goes on.
    if (!proc.exiting) {
      try {
        process.emit('beforeExit', process.exitCode ?? 0);
      } catch (err) {
        proc.onUncaught(err, 'uncaughtException');
      }
      loop.runTicks();
      if (loop.isAlive()) return false;
    }
    let value = null;
    if (config.mode === 'run') {
      value = returnValue();
      if (value === null) {
        try {
          value = { ok: toWire(entryNamespace !== null ? namespaceValue(entryNamespace) : entryModule ? entryModule.exports : undefined, 'exports') };
        } catch (err) {
          value = { err: `failed to serialize run() value: ${err.message}` };
        }
      }
    }
    const code = process.exitCode ?? 0;
    try {
      process.emit('exit', code);
    } catch (err) {
      proc.onUncaught(err, 'uncaughtException');
    }
    finished.resolve({ exitCode: process.exitCode ?? 0, value });
    return true;
  }

  function namespaceValue(ns) {
    // The engine's synchronous import adds an interop marker to the namespace.
    const keys = Object.keys(ns).filter((key) => key !== '__esModule');
    if (keys.length === 1 && keys[0] === 'default') return ns.default;
    const out = {};
    for (const key of keys) out[key] = ns[key];
    return out;
  }

  const filename = config.filename;
  let kind = config.moduleType;
  if (kind === 'auto') kind = modules.detectModuleType(filename, config.source);
  try {
    if (kind === 'esm') {
      modules.registerSource(modules.fileUrl(filename), config.source);
      const entry = modules.importEntry(config.entryUrl, core);
      if (entry.promise) {
        const keepAlive = new loop.Handle('module');
        entry.promise.then((ns) => {
          entryNamespace = ns;
          keepAlive.close();
        }, (err) => {
          keepAlive.close();
          proc.onUncaught(err, 'uncaughtException');
        });
      } else {
        entryNamespace = entry.namespace;
      }
    } else {
      entryModule = modules.runCommonJS(filename, config.source);
    }
  } catch (err) {
    proc.onUncaught(err, 'uncaughtException');
  }
  loop.runTicks();
  loop.runLoop(complete);
  return result;
}

Object.defineProperty(globalThis, '__secureExecBoot', { value: boot, configurable: true, writable: false, enumerable: false });
