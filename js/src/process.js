// The global `process`: identity and environment from the embedder's config,
// exit semantics as in Node 22, uncaught errors and unhandled rejections.

import { EventEmitter } from 'events';
import { op, killedSpin } from './dispatch.js';
import { nextTick } from './loop.js';
import { formatUncaught, unsupportedError } from './errors.js';

export function createProcess(config, clocks, hooks) {
  const process = new EventEmitter();
  const version = config.version;
  let exitCode;
  let exiting = false;
  let cwd = config.cwd;
  let warnedOnce = false;

  function validateExitCode(code) {
    if (code === undefined || code === null) return code;
    if (typeof code === 'string' && /^-?\d+$/.test(code.trim())) return Number(code);
    if (typeof code !== 'number' || !Number.isInteger(code)) {
      const err = new TypeError(`The "code" argument must be of type number. Received ${typeof code === 'string' ? `type string ('${code}')` : `type ${typeof code} (${String(code)})`}`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    return code;
  }

  const env = new Proxy(Object.assign(Object.create(null), config.env), {
    set(target, key, value) {
      target[key] = String(value);
      return true;
    },
    defineProperty(target, key, desc) {
      target[key] = String(desc.value);
      return true;
    },
  });

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

  // Ends the execution now: 'exit' listeners run, then the worker stops the isolate.
  function reallyExit(code) {
    op('exit', code | 0, hooks.returnValue());
    killedSpin();
  }

  function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!exiting) {
      exiting = true;
      try {
        process.emit('exit', process.exitCode ?? 0);
      } catch (err) {
        hooks.writeStderr(formatUncaught(err, hooks.inspect, false, version));
        reallyExit(7);
      }
    }
    reallyExit(process.exitCode ?? 0);
  }

  // An error nobody caught: 'uncaughtException' listeners, or Node's report and exit 1.
  function onUncaught(err, origin) {
    if (exiting) return;
    const fromPromise = origin === 'unhandledRejection';
    if (process.listenerCount('uncaughtException') > 0) {
      try {
        process.emit('uncaughtException', err, origin);
      } catch (err2) {
        hooks.writeStderr(formatUncaught(err2, hooks.inspect, false, version));
        process.exitCode = 7;
        exit();
      }
      return;
    }
    hooks.writeStderr(formatUncaught(err, hooks.inspect, fromPromise, version));
    process.exitCode = 1;
    exiting = true;
    try {
      process.emit('exit', 1);
    } catch {
      // Node ignores errors thrown by exit listeners during a crash.
    }
    reallyExit(1);
  }

  function onRejection(reason, promise) {
    if (process.listenerCount('unhandledRejection') > 0) {
      try {
        process.emit('unhandledRejection', reason, promise);
      } catch (err) {
        onUncaught(err, 'uncaughtException');
      }
      return;
    }
    onUncaught(reason, 'unhandledRejection');
  }

  function emitWarning(warning, type, code) {
    let name = 'Warning';
    if (type && typeof type === 'object') {
      code = type.code;
      name = type.type || name;
    } else if (typeof type === 'string') {
      name = type;
    }
    let w = warning;
    if (typeof warning === 'string') {
      w = new Error(warning);
      w.name = name;
      if (code !== undefined) w.code = code;
    }
    nextTick(() => {
      process.emit('warning', w);
    });
  }

  process.on('warning', (w) => {
    if (process.noDeprecation && w.name === 'DeprecationWarning') return;
    const codePart = w.code ? `[${w.code}] ` : '';
    let text = `(node:${config.pid}) ${codePart}${w.name}: ${w.message}\n`;
    if (!warnedOnce) {
      warnedOnce = true;
      text += '(Use `node --trace-warnings ...` to show where the warning was created)\n';
    }
    hooks.writeStderr(text);
  });
  // The default 'warning' listener must not count as a user listener.
  const defaultWarningListener = process.listeners('warning')[0];

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
    env,
    pid: config.pid,
    ppid: config.ppid,
    exit,
    nextTick,
    hrtime,
    memoryUsage,
    emitWarning,
    features: { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true, typescript: false },
    config: { target_defaults: {}, variables: {} },
    noDeprecation: false,
    throwDeprecation: false,
    traceDeprecation: false,
    allowedNodeEnvironmentFlags: new Set(),
    cwd() {
      return cwd;
    },
    chdir(dir) {
      if (typeof dir !== 'string') {
        const err = new TypeError(`The "directory" argument must be of type string. Received ${dir === null ? 'null' : typeof dir}`);
        err.code = 'ERR_INVALID_ARG_TYPE';
        throw err;
      }
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
    emit: process.emit,
  });
  Object.defineProperty(process, 'exitCode', {
    get: () => exitCode,
    set: (code) => {
      exitCode = validateExitCode(code);
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
    get exiting() {
      return exiting;
    },
    hasUserListener(event) {
      const listeners = process.listeners(event);
      return listeners.some((l) => l !== defaultWarningListener);
    },
  };
}
