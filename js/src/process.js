// The global `process`: identity and environment from the embedder's config,
// exit semantics as in Node 22, uncaught errors and unhandled rejections
// (lib/internal/process/execution.js, promises.js and warning.js).

import { EventEmitter } from './events.js';
import { op, killedSpin } from './dispatch.js';
import { nextTick, setImmediate } from './loop.js';
import {
  fatalReport, invalidArgType, nodeError, unhandledRejectionError, unsupportedError, validateInteger,
} from './errors.js';
import { named } from './native.js';

const kGenericUserError = 1;
const kExceptionInFatalExceptionHandler = 7;

// process.env: every value is a string, and only plain data properties may be defined.
function createEnv(initial) {
  const target = {};
  const store = (key, value) => {
    // Template literals throw Node's "Cannot convert a Symbol value to a string".
    const name = `${key}`;
    Reflect.defineProperty(target, name, { value: `${value}`, writable: true, enumerable: true, configurable: true });
  };
  for (const [key, value] of Object.entries(initial)) store(key, value);
  return new Proxy(target, {
    set(t, key, value) {
      store(key, value);
      return true;
    },
    defineProperty(t, key, desc) {
      if ('get' in desc || 'set' in desc) {
        throw nodeError(TypeError, 'ERR_INVALID_OBJECT_DEFINE_PROPERTY', "'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        throw nodeError(TypeError, 'ERR_INVALID_OBJECT_DEFINE_PROPERTY', "'process.env' only accepts a configurable, writable, and enumerable data descriptor");
      }
      store(key, desc.value);
      return true;
    },
    get(t, key) {
      return typeof key === 'symbol' ? undefined : Reflect.get(t, key);
    },
  });
}

export function createProcess(config, clocks, hooks) {
  const process = new EventEmitter();
  const version = config.version;
  let exitCode;
  let exiting = false;
  let cwd = config.cwd;
  let traceWarningHelperShown = false;

  function hrtime(previous) {
    const ns = clocks.hrtimeNs();
    let sec = Number(ns / 1000000000n), nsec = Number(ns % 1000000000n);
    if (previous) {
      sec -= previous[0];
      nsec -= previous[1];
      if (nsec < 0) {
        sec -= 1;
        nsec += 1e9;
      }
    }
    return [sec, nsec];
  }
  hrtime.bigint = () => clocks.hrtimeNs();

  function memoryUsage() {
    const m = hooks.core.memoryUsage();
    return { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.external };
  }
  memoryUsage.rss = () => hooks.core.memoryUsage().rss;

  // Ends the execution now; the worker stops the isolate. The status a shell
  // would see is the low byte, as after exit(3).
  function reallyExit(code) {
    op('exit', code & 0xff, hooks.returnValue());
    killedSpin();
  }

  function exit(code) {
    if (arguments.length !== 0) process.exitCode = code;
    if (!exiting) {
      exiting = true;
      // An exception from a listener propagates to our caller, as in Node.
      process.emit('exit', process.exitCode || 0);
    }
    reallyExit(process.exitCode || 0);
  }

  // process._fatalException, then node::errors::TriggerUncaughtException.
  // `atCreation`: report the error where it was made (microtasks), not thrown.
  function onUncaught(err, origin = 'uncaughtException', atCreation = false) {
    const fromPromise = origin === 'unhandledRejection';
    try {
      process.emit('uncaughtExceptionMonitor', err, origin);
      if (process.emit('uncaughtException', err, origin)) {
        // Node makes sure the loop turns once more, so queued ticks get processed.
        setImmediate(noop);
        return;
      }
    } catch (handlerError) {
      // A throwing handler is fatal at once: no 'exit' event, exit code 7.
      hooks.writeStderr(fatalReport(handlerError, false));
      reallyExit(kExceptionInFatalExceptionHandler);
    }
    try {
      if (!exiting) {
        exiting = true;
        process.exitCode = kGenericUserError;
        process.emit('exit', kGenericUserError);
      }
    } catch {
      // Nothing to be done about it at this point (Node's words).
    }
    hooks.writeStderr(fatalReport(err, fromPromise, fromPromise || atCreation));
    reallyExit(exitCode ?? kGenericUserError);
  }

  // The natural end (node::EmitProcessExitInternal); a throwing listener is an uncaught error.
  function emitExit() {
    exiting = true;
    process.emit('exit', exitCode ?? 0);
  }

  // The default --unhandled-rejections=throw mode.
  function onRejection(reason, promise) {
    if (!process.emit('unhandledRejection', reason, promise)) {
      onUncaught(unhandledRejectionError(reason), 'unhandledRejection');
    }
  }

  function emitWarning(warning, type, code, ctor) {
    if (process.noDeprecation && type === 'DeprecationWarning') return;
    let detail;
    if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
      ctor = type.ctor;
      code = type.code;
      if (typeof type.detail === 'string') detail = type.detail;
      type = type.type || 'Warning';
    } else if (typeof type === 'function') {
      ctor = type;
      code = undefined;
      type = 'Warning';
    }
    if (type !== undefined && typeof type !== 'string') throw invalidArgType('type', 'string', type);
    if (typeof code === 'function') {
      ctor = code;
      code = undefined;
    } else if (code !== undefined && typeof code !== 'string') {
      throw invalidArgType('code', 'string', code);
    }
    if (typeof warning === 'string') {
      warning = createWarning(warning, type, code, ctor, detail);
    } else if (!(warning instanceof Error)) {
      throw invalidArgType('warning', ['Error', 'string'], warning);
    }
    if (warning.name === 'DeprecationWarning') {
      if (process.noDeprecation) return;
      if (process.throwDeprecation) {
        nextTick(() => {
          throw warning;
        });
        return;
      }
    }
    nextTick(doEmitWarning, warning);
  }

  function createWarning(message, type, code, ctor, detail) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const warning = new Error(message);
    Error.stackTraceLimit = limit;
    warning.name = String(type || 'Warning');
    if (code !== undefined) warning.code = code;
    if (detail !== undefined) warning.detail = detail;
    Error.captureStackTrace(warning, ctor || process.emitWarning);
    return warning;
  }

  function doEmitWarning(warning) {
    process.emit('warning', warning);
  }

  // Node's default 'warning' listener (lib/internal/process/warning.js), which
  // prints through the global console.
  function onWarning(warning) {
    if (!(warning instanceof Error)) return;
    const isDeprecation = warning.name === 'DeprecationWarning';
    if (isDeprecation && process.noDeprecation) return;
    const trace = process.traceProcessWarnings || (isDeprecation && process.traceDeprecation);
    let msg = `(${process.release.name}:${process.pid}) `;
    if (warning.code) msg += `[${warning.code}] `;
    if (trace && warning.stack) msg += `${warning.stack}`;
    else msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
    if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
    if (!trace && !traceWarningHelperShown) {
      const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
      msg += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
      traceWarningHelperShown = true;
    }
    hooks.printWarning(msg);
  }
  process.on('warning', onWarning);

  const versions = {
    node: version.slice(1), acorn: '8.15.0', ada: '2.9.2', ares: '1.34.5', brotli: '1.1.0',
    cjs_module_lexer: '2.1.0', cldr: '47.0', icu: '77.1', llhttp: '9.3.0', modules: '127',
    napi: '10', nghttp2: '1.64.0', openssl: '3.0.15+quic', simdjson: '3.13.0', simdutf: '6.4.2',
    tz: '2025b', undici: '6.21.2', unicode: '16.0', uv: '1.51.0', uvwasi: '0.0.21',
    v8: '12.4.254.21-node.29', zlib: '1.3.1',
  };

  Object.assign(process, {
    title: 'node',
    version,
    versions,
    arch: config.arch,
    platform: config.platform,
    release: { name: 'node', lts: 'Jod' },
    argv: config.argv,
    argv0: 'node',
    execArgv: [],
    execPath: config.execPath,
    env: createEnv(config.env),
    pid: config.pid,
    ppid: config.ppid,
    exit,
    reallyExit: named((code) => reallyExit(code | 0), 'reallyExit'),
    nextTick,
    hrtime,
    memoryUsage,
    emitWarning: named(emitWarning, 'emitWarning'),
    features: { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true, typescript: false },
    config: { target_defaults: {}, variables: {} },
    allowedNodeEnvironmentFlags: new Set(),
    cwd: named(() => cwd, 'wrappedCwd'),
    chdir(dir) {
      if (typeof dir !== 'string') throw invalidArgType('directory', 'string', dir);
      cwd = hooks.resolvePath(cwd, dir);
    },
    umask() {
      return 0o22;
    },
    uptime() {
      return clocks.uptime();
    },
    cpuUsage(previous) {
      const usage = op('cpuUsage');
      if (previous) return { user: usage.user - previous.user, system: usage.system - previous.system };
      return usage;
    },
    resourceUsage() {
      const usage = op('cpuUsage');
      return { userCPUTime: usage.user, systemCPUTime: usage.system, maxRSS: 0, sharedMemorySize: 0, unsharedDataSize: 0, unsharedStackSize: 0, minorPageFault: 0, majorPageFault: 0, swappedIn: 0, swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0, signalsCount: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0 };
    },
    getuid: () => config.uid,
    geteuid: () => config.uid,
    getgid: () => config.gid,
    getegid: () => config.gid,
    getgroups: () => [config.gid],
    kill(pid, signal) {
      if (pid === config.pid) {
        exit(128 + 15);
      }
      throw unsupportedError('process.kill');
    },
    abort() {
      reallyExit(134);
    },
    binding() {
      throw unsupportedError('process.binding');
    },
    _linkedBinding() {
      throw unsupportedError('process._linkedBinding');
    },
    dlopen() {
      throw unsupportedError('process.dlopen');
    },
    setUncaughtExceptionCaptureCallback() {
      throw unsupportedError('process.setUncaughtExceptionCaptureCallback');
    },
    hasUncaughtExceptionCaptureCallback: () => false,
    setSourceMapsEnabled() {},
  });
  Object.defineProperty(process, '_exiting', {
    get: () => exiting,
    set: (value) => {
      exiting = !!value;
    },
    enumerable: true,
    configurable: true,
  });
  // lib/internal/bootstrap/node.js: integer strings are accepted, other values validated.
  Object.defineProperty(process, 'exitCode', {
    get: () => exitCode,
    set: (code) => {
      if (code !== null && code !== undefined) {
        let value = code;
        if (typeof code === 'string' && code !== '' && Number.isNaN((value = Number(code)))) value = code;
        validateInteger(value, 'code');
        exitCode = value;
      } else {
        exitCode = undefined;
      }
    },
    enumerable: true,
    configurable: false,
  });
  Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true });

  return {
    process,
    onUncaught,
    onRejection,
    exit,
    emitExit,
    get exiting() {
      return exiting;
    },
  };
}

function noop() {}
