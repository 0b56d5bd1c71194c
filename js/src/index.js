// Bundle entry. Evaluated once into the worker's startup snapshot; it defines
// one global, `__secureExecBoot`, which the per-execution hardening script
// captures and deletes before calling it. Nothing here may read clocks or
// configuration at snapshot time.

import { EventEmitter } from './events.js';
import * as bufferModule from 'buffer';
import util from 'node-lib:internal/util/inspect';
import pathModule from 'node-lib:path';
import { installDispatch, op, isStopped, stopIfTerminated, guardedHop, onEngineTermination } from './dispatch.js';
import * as loop from './loop.js';
import { installClocks } from './timing.js';
import { createProcess } from './process.js';
import { createConsole } from './console.js';
import { createWritable, createStdin } from './stdio.js';
import { toWire } from './wire.js';
import * as modules from './modules.js';
import { installOs } from './os.js';
import { installTty } from './tty.js';
import { configureErrors, installStackFormatter, invalidArgType, validateFunction } from './errors.js';
import { installBuffer, installBufferModule } from './buffer.js';
import { installInspectBindings } from './inspect_bindings.js';
import { installIteratorPreview } from './iterator_preview.js';
import { installNativeToString, named } from './native.js';
import './fs.js';
import { ctx } from './context.js';
import { DOMException } from './dom_exception.js';
import { install as installTimers } from './timers.js';
import { install as installUtil } from './util.js';
import { install as installEncoding } from './encoding.js';
import { install as installEventTarget } from './event_target.js';
import { install as installPerformance } from './performance.js';
import { install as installMessaging } from './messaging.js';
import { install as installUrl } from './url.js';
import { install as installStream } from './stream.js';
import { install as installStringDecoder } from './string_decoder.js';
import { install as installAssert } from './assert.js';
import { install as installQuerystring } from './querystring.js';
import { install as installConstants } from './constants.js';
import { install as installWebcrypto } from './webcrypto.js';
import { install as installCrypto } from './crypto.js';
import { install as installZlib } from './zlib.js';
import { install as installCompression } from './compression.js';
import { install as installAsyncHooks } from './async_hooks.js';
import { install as installDiagnosticsChannel } from './diagnostics_channel.js';
import { install as installV8 } from './v8.js';
import { install as installVm } from './vm.js';
import { install as installWorkerThreads } from './worker_threads.js';
import { install as installReadline } from './readline.js';
import { install as installUnsupported } from './unsupported.js';

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
  // Captured before freeze mode deletes them: a private wait for a stopped guest.
  const stopCell = new Int32Array(new SharedArrayBuffer(4));
  const atomicsWait = Atomics.wait;
  installDispatch(callSync, ids, () => atomicsWait(stopCell, 0, 0, 1000));
  const config = op('config');

  // ---- globals that must not exist for guests
  for (const name of ['Temporal', 'ReadableStream']) delete g[name];
  if (config.timing === 'freeze') {
    delete g.SharedArrayBuffer;
    delete g.Atomics;
  }

  configureErrors({ inspect: util.inspect, isNativeError: (value) => core.isNativeError(value), version: config.version });
  installStackFormatter();
  installNativeToString();
  installInspectBindings(core, g);
  installIteratorPreview();
  // The bundler may rename functions that shadow others; guests see Node's names.
  for (const name of ['inspect', 'format', 'formatWithOptions', 'stripVTControlCharacters']) named(util[name], name);
  installBuffer(util.inspect);
  const clocks = installClocks(g, config);
  const encode = (s) => core.encode(s);
  const stdout = createWritable(1, encode, config.payloadLimitBytes);
  const stderr = createWritable(2, encode, config.payloadLimitBytes);
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
    // Node prints warnings through the global console (so group indentation applies).
    printWarning: (message) => console.error(message),
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
    hop: guardedHop(engineSetTimeout),
    onUncaught: proc.onUncaught,
    onRejection: proc.onRejection,
    isExiting: () => proc.exiting,
    maxTimers: config.maxTimers,
    maxHandles: config.maxHandles,
  });

  Object.assign(ctx, {
    config,
    process,
    inspect: util.inspect,
    util,
    core,
    clocks,
    loop,
    console,
    defineGlobal: (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false }),
  });
  ctx.defineGlobal('DOMException', DOMException);
  const timers = installTimers();

  modules.defineBuiltin('events', () => EventEmitter);
  installBufferModule(ctx);
  modules.defineBuiltin('process', () => process);
  modules.defineBuiltin('console', () => console);
  modules.defineBuiltin('module', modules.moduleBuiltin);
  installOs(config, process);
  installTty();
  modules.defineBuiltin('path', () => pathModule);
  modules.defineBuiltin('path/posix', () => pathModule.posix);
  modules.defineBuiltin('path/win32', () => pathModule.win32);
  // Each family registers its builtins (lazily: a factory runs on first require)
  // and defines its globals. Order: what others build on first.
  for (const install of [
    installUtil, installEncoding, installEventTarget, installPerformance, installMessaging, installUrl,
    installStream, installStringDecoder, installAssert, installQuerystring, installConstants,
    installWebcrypto, installCrypto, installZlib, installCompression,
    installAsyncHooks, installDiagnosticsChannel, installV8, installVm, installWorkerThreads, installReadline,
    installUnsupported,
  ]) install(ctx);
  modules.configureModules({ importSync: core.ops.op_import_sync, globalPaths: config.globalPaths ?? [] });
  Object.defineProperty(g, Symbol.for('secure-exec.cjs'), { value: modules.requireForEsm });
  Object.defineProperty(g, Symbol.for('secure-exec.import'), { value: modules.importFrom });
  Object.defineProperty(g, Symbol.for('secure-exec.resolve'), { value: modules.resolveFrom });
  Object.defineProperty(g, Symbol.for('secure-exec.builtin'), { value: modules.requireBuiltin });
  // The names are the same for every execution of this bundle: only the
  // worker's first execution computes them (that loads every builtin).
  if (config.reportBuiltins) {
    op('builtins', {
      all: [...modules.NODE_BUILTINS, ...modules.SCHEME_ONLY],
      exports: Object.fromEntries(modules.definedBuiltins().map((name) => [name, modules.builtinExportNames(name)])),
    });
  }

  // ---- the guest's global scope
  const define = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  define('console', console);
  define('process', process);
  define('global', g);
  for (const [name, fn] of Object.entries(timers)) if (name !== 'promises') define(name, fn);
  // named(): bundled npm code uses the global, so the bundler renames this function.
  define('queueMicrotask', named(function queueMicrotask(callback) {
    validateFunction(callback, 'callback');
    // An exception is reported from inside the microtask; the queue goes on.
    Promise.resolve().then(() => {
      try {
        callback();
      } catch (err) {
        proc.onUncaught(err, 'uncaughtException', true);
      }
    });
  }, 'queueMicrotask'));
  define('Buffer', bufferModule.Buffer);
  define('structuredClone', named((value, options) => core.structuredClone(value, options?.transfer ?? []), 'structuredClone'));
  if (config.mode === 'run') {
    define('__return', (value) => {
      returned = { set: true, value };
    });
  }

  // ---- run the entry, then the event loop
  const finished = { resolve: null };
  const result = new Promise((resolve, reject) => {
    finished.resolve = resolve;
    onEngineTermination(reject);
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
    try {
      proc.emitExit();
    } catch (err) {
      proc.onUncaught(err, 'uncaughtException');
    }
    finished.resolve({ exitCode: (process.exitCode ?? 0) & 0xff, value });
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
      // As in Node, the module evaluates in a promise job, and an error from it
      // is fatal at once, reported like a rejection (no 'unhandledRejection' event).
      const keepAlive = new loop.Handle('module');
      modules.importEntry(config.entryUrl).then((ns) => {
        if (isStopped()) return;
        entryNamespace = ns;
        keepAlive.close();
      }, (err) => {
        if (stopIfTerminated(err)) return;
        keepAlive.close();
        loop.inOwnTurn(() => proc.onUncaught(modules.normalizeModuleError(err), 'unhandledRejection'));
      });
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
