// The `async_hooks` module. AsyncLocalStorage keeps its stores in the async
// context V8 carries across promise reactions (continuation-preserved embedder
// data); the event loop (loop.js) captures and restores that context for
// timers, immediates, process.nextTick and async host calls (fs callbacks and
// fs.promises). The context value is a frozen Map: AsyncLocalStorage -> store.
//
// Honest approximations:
//   executionAsyncId()/triggerAsyncId() are the ids of the timer, immediate,
//   nextTick or AsyncResource whose callback is running (1 and 0 at the top
//   level); a promise continuation reports the ids of the callback that
//   scheduled it, unless a hook with promise callbacks is enabled (then the
//   promise's own id while the reaction runs).
//   executionAsyncResource() is that Timeout/Immediate/AsyncResource, or an
//   empty object for the top level and ticks.
//   createHook(): init/before/after/destroy fire for Timeout, Immediate,
//   TickObject and AsyncResource; init/before/after/promiseResolve for PROMISE
//   (V8 promise hooks) while enabled. No other resource types are reported.

import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { invalidArgType, nodeError, validateFunction } from './errors.js';
import { named } from './native.js';

const kEmpty = Object.freeze(new Map());
const kTopResource = {};

let loopRef = null;   // ctx.loop, set by install()

function currentMap() {
  const value = loopRef.getAsyncContext();
  return value instanceof Map ? value : kEmpty;
}

function withStore(map, storage, store) {
  const next = new Map(map);
  next.set(storage, store);
  return next;
}

function withoutStore(map, storage) {
  if (!map.has(storage)) return map;
  const next = new Map(map);
  next.delete(storage);
  return next;
}

class AsyncLocalStorage {
  #enabled = false;

  static bind(fn) {
    validateFunction(fn, 'fn');
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const context = loopRef.getAsyncContext();
    return function runInAsyncScope(fn, ...args) {
      const prev = loopRef.getAsyncContext();
      loopRef.setAsyncContext(context);
      try {
        return Reflect.apply(fn, this, args);
      } finally {
        loopRef.setAsyncContext(prev);
      }
    };
  }

  disable() {
    if (!this.#enabled) return;
    this.#enabled = false;
    loopRef.setAsyncContext(withoutStore(currentMap(), this));
  }

  getStore() {
    if (!this.#enabled) return undefined;
    return currentMap().get(this);
  }

  enterWith(store) {
    this.#enabled = true;
    loopRef.setAsyncContext(withStore(currentMap(), this, store));
  }

  run(store, callback, ...args) {
    this.#enabled = true;
    const prev = loopRef.getAsyncContext();
    loopRef.setAsyncContext(withStore(currentMap(), this, store));
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      loopRef.setAsyncContext(prev);
    }
  }

  exit(callback, ...args) {
    if (!this.#enabled) return Reflect.apply(callback, null, args);
    const prev = loopRef.getAsyncContext();
    loopRef.setAsyncContext(withoutStore(currentMap(), this));
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      loopRef.setAsyncContext(prev);
    }
  }
}

const kScope = Symbol('asyncScope');
let destroyed = new WeakSet();
let warnedAsyncResource = false;

function warnAsyncResourceProperty() {
  if (warnedAsyncResource) return;
  warnedAsyncResource = true;
  ctx.process.emitWarning('The asyncResource property on bound functions is deprecated', 'DeprecationWarning', 'DEP0172');
}

class AsyncResource {
  constructor(type, opts = {}) {
    if (typeof type !== 'string') throw invalidArgType('type', 'string', type);
    let triggerAsyncId = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      triggerAsyncId = opts.triggerAsyncId === undefined ? loopRef.currentAsyncScope().asyncId : opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1) {
      const err = nodeError(RangeError, 'ERR_INVALID_ASYNC_ID', `Invalid triggerAsyncId value: ${triggerAsyncId}`);
      throw err;
    }
    void requireManualDestroy;
    const scope = loopRef.captureScope(type, this);
    scope.triggerAsyncId = triggerAsyncId;
    this[kScope] = scope;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return loopRef.runInScope(this[kScope], fn, thisArg, args);
  }

  emitDestroy() {
    if (!destroyed.has(this)) {
      destroyed.add(this);
      if (loopRef.hooks.length > 0) loopRef.emitHook('destroy', this[kScope].asyncId);
    }
    return this;
  }

  asyncId() {
    return this[kScope].asyncId;
  }

  triggerAsyncId() {
    return this[kScope].triggerAsyncId;
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    let bound;
    if (thisArg === undefined) {
      bound = function (...args) {
        args.unshift(fn, this);
        return Reflect.apply(resource.runInAsyncScope, resource, args);
      };
    } else {
      bound = resource.runInAsyncScope.bind(resource, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: {
        configurable: true,
        enumerable: true,
        get() {
          warnAsyncResourceProperty();
          return self;
        },
        set(val) {
          warnAsyncResourceProperty();
          self = val;
        },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

// ---------------------------------------------------------------- createHook

const promiseIds = new WeakMap();
let promiseHooksInstalled = false;
const promiseScopeStack = [];

function anyHookWants(names) {
  return loopRef.hooks.some((h) => names.some((n) => typeof h[n] === 'function'));
}

function installPromiseHooks() {
  if (promiseHooksInstalled) return;
  promiseHooksInstalled = true;
  // Registered once per isolate; the hooks read the current execution's loop.
  const loop = {
    get hooks() { return loopRef.hooks; },
    newAsyncId: () => loopRef.newAsyncId(),
    currentAsyncScope: () => loopRef.currentAsyncScope(),
    emitHook: (...args) => loopRef.emitHook(...args),
  };
  ctx.core.setPromiseHooks(
    (promise, parent) => {
      if (loop.hooks.length === 0) return;
      const asyncId = loop.newAsyncId();
      const triggerAsyncId = parent !== undefined && promiseIds.has(parent) ? promiseIds.get(parent) : loop.currentAsyncScope().asyncId;
      promiseIds.set(promise, asyncId);
      loop.emitHook('init', asyncId, 'PROMISE', triggerAsyncId, promise);
    },
    (promise) => {
      const id = promiseIds.get(promise);
      if (id === undefined || loop.hooks.length === 0) return;
      promiseScopeStack.push(id);
      loop.emitHook('before', id);
    },
    (promise) => {
      const id = promiseIds.get(promise);
      if (id === undefined || loop.hooks.length === 0) return;
      if (promiseScopeStack[promiseScopeStack.length - 1] === id) promiseScopeStack.pop();
      loop.emitHook('after', id);
    },
    (promise) => {
      const id = promiseIds.get(promise);
      if (id === undefined || loop.hooks.length === 0) return;
      loop.emitHook('promiseResolve', id);
    },
  );
}

class AsyncHook {
  #callbacks;
  constructor({ init, before, after, destroy, promiseResolve }) {
    for (const [name, fn] of [['hook.init', init], ['hook.before', before], ['hook.after', after], ['hook.destroy', destroy], ['hook.promiseResolve', promiseResolve]]) {
      if (fn !== undefined && typeof fn !== 'function') {
        throw nodeError(TypeError, 'ERR_ASYNC_CALLBACK', `${name} must be a function`);
      }
    }
    this.#callbacks = { init, before, after, destroy, promiseResolve, owner: this };
  }

  enable() {
    const { hooks } = loopRef;
    if (!hooks.includes(this.#callbacks)) hooks.push(this.#callbacks);
    if (anyHookWants(['init', 'before', 'after', 'promiseResolve'])) installPromiseHooks();
    return this;
  }

  disable() {
    const { hooks } = loopRef;
    const i = hooks.indexOf(this.#callbacks);
    if (i >= 0) hooks.splice(i, 1);
    return this;
  }
}

function createHook(callbacks) {
  if (callbacks === null || typeof callbacks !== 'object') throw invalidArgType('options', 'object', callbacks);
  return new AsyncHook(callbacks);
}

function executionAsyncId() {
  if (promiseScopeStack.length > 0) return promiseScopeStack[promiseScopeStack.length - 1];
  return loopRef.currentAsyncScope().asyncId;
}

function triggerAsyncId() {
  return loopRef.currentAsyncScope().triggerAsyncId;
}

function executionAsyncResource() {
  return loopRef.currentAsyncScope().resource ?? kTopResource;
}

const asyncWrapProviders = Object.freeze({
  __proto__: null,
  NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2, ELDHISTOGRAM: 3, FILEHANDLE: 4, FILEHANDLECLOSEREQ: 5,
  BLOBREADER: 6, FSEVENTWRAP: 7, FSREQCALLBACK: 8, FSREQPROMISE: 9, GETADDRINFOREQWRAP: 10,
  GETNAMEINFOREQWRAP: 11, HEAPSNAPSHOT: 12, HTTP2SESSION: 13, HTTP2STREAM: 14, HTTP2PING: 15,
  HTTP2SETTINGS: 16, HTTPINCOMINGMESSAGE: 17, HTTPCLIENTREQUEST: 18, JSSTREAM: 19, JSUDPWRAP: 20,
  MESSAGEPORT: 21, PIPECONNECTWRAP: 22, PIPESERVERWRAP: 23, PIPEWRAP: 24, PROCESSWRAP: 25,
  PROMISE: 26, QUERYWRAP: 27, SHUTDOWNWRAP: 28, SIGNALWRAP: 29, STATWATCHER: 30, STREAMPIPE: 31,
  TCPCONNECTWRAP: 32, TCPSERVERWRAP: 33, TCPWRAP: 34, TTYWRAP: 35, UDPSENDWRAP: 36, UDPWRAP: 37,
  SIGINTWATCHDOG: 38, WORKER: 39, WORKERHEAPSNAPSHOT: 40, WRITEWRAP: 41, ZLIB: 42,
});

named(createHook, 'createHook');
named(executionAsyncId, 'executionAsyncId');
named(triggerAsyncId, 'triggerAsyncId');
named(executionAsyncResource, 'executionAsyncResource');
// The bundler may rename classes that shadow other bindings; guests see Node's names.
named(AsyncLocalStorage, 'AsyncLocalStorage');
named(AsyncResource, 'AsyncResource');
named(AsyncHook, 'AsyncHook');

export { AsyncLocalStorage, AsyncResource };

export function install(context) {
  loopRef = context.loop;
  destroyed = new WeakSet();
  warnedAsyncResource = false;
  promiseScopeStack.length = 0;
  defineBuiltin('async_hooks', () => ({
    AsyncLocalStorage,
    createHook,
    executionAsyncId,
    triggerAsyncId,
    executionAsyncResource,
    asyncWrapProviders,
    AsyncResource,
  }));
}
