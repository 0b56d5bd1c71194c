// The `timers` and `timers/promises` modules over the bridge's event loop
// (loop.js), with Node 22's validation and AbortSignal handling.

import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { invalidArgType, nodeError } from './errors.js';
import { kResist } from './event_target.js';

// Node's internal AbortError (not the DOMException of the same name).
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

function validateOptions(after, options, checkDelay) {
  if (checkDelay && typeof after !== 'undefined' && typeof after !== 'number') throw invalidArgType('delay', 'number', after);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', 'Object', options);
  const { signal, ref } = options;
  if (typeof signal !== 'undefined' && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType('options.signal', 'AbortSignal', signal);
  }
  if (typeof ref !== 'undefined' && typeof ref !== 'boolean') throw invalidArgType('options.ref', 'boolean', ref);
}

// Returns the timer functions index.js defines as globals.
export function install() {
  const { loop } = ctx;
  const timers = {
    setTimeout: loop.setTimeout,
    clearTimeout: loop.clearTimeout,
    setImmediate: loop.setImmediate,
    clearImmediate: loop.clearImmediate,
    setInterval: loop.setInterval,
    clearInterval: loop.clearInterval,
  };

  // One pending timer or immediate, settled by the loop or by its signal.
  function pending(start, clear, value, options) {
    const { signal, ref = true } = options;
    if (signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const handle = start(() => resolve(value));
    if (!ref) handle.unref();
    if (!signal) return promise;
    const oncancel = () => {
      if (handle._destroyed) return;
      clear(handle);
      reject(new AbortError(undefined, { cause: signal.reason }));
    };
    signal.addEventListener('abort', oncancel, { __proto__: null, [kResist]: true });
    return promise.finally(() => signal.removeEventListener('abort', oncancel));
  }

  function setTimeoutPromise(after, value, options = {}) {
    try {
      validateOptions(after, options, true);
    } catch (err) {
      return Promise.reject(err);
    }
    return pending((fn) => loop.setTimeout(fn, after), loop.clearTimeout, value, options);
  }

  function setImmediatePromise(value, options = {}) {
    try {
      validateOptions(undefined, options, false);
    } catch (err) {
      return Promise.reject(err);
    }
    return pending((fn) => loop.setImmediate(fn), loop.clearImmediate, value, options);
  }

  async function* setIntervalPromise(after, value, options = {}) {
    validateOptions(after, options, true);
    const { signal, ref = true } = options;
    if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
    let onCancel;
    let interval;
    try {
      let notYielded = 0;
      let wake;
      interval = loop.setInterval(() => {
        notYielded++;
        if (wake) {
          wake();
          wake = undefined;
        }
      }, after);
      if (!ref) interval.unref();
      if (signal) {
        onCancel = () => {
          loop.clearInterval(interval);
          if (wake) {
            wake(Promise.reject(new AbortError(undefined, { cause: signal.reason })));
            wake = undefined;
          }
        };
        signal.addEventListener('abort', onCancel, { __proto__: null, once: true, [kResist]: true });
      }
      while (!signal?.aborted) {
        if (notYielded === 0) {
          await new Promise((resolve) => {
            wake = resolve;
          });
        }
        for (; notYielded > 0; notYielded--) yield value;
      }
      throw new AbortError(undefined, { cause: signal?.reason });
    } finally {
      loop.clearInterval(interval);
      signal?.removeEventListener('abort', onCancel);
    }
  }

  const kScheduler = Symbol('kScheduler');
  class Scheduler {
    constructor() {
      throw nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    }

    yield() {
      if (!this?.[kScheduler]) throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Scheduler');
      return setImmediatePromise();
    }

    wait(delay, options) {
      if (!this?.[kScheduler]) throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Scheduler');
      return setTimeoutPromise(delay, undefined, options);
    }
  }
  const scheduler = Reflect.construct(function () {
    this[kScheduler] = true;
  }, [], Scheduler);

  const timersPromises = {
    setTimeout: setTimeoutPromise,
    setImmediate: setImmediatePromise,
    setInterval: setIntervalPromise,
    scheduler,
  };
  Object.defineProperty(setTimeoutPromise, 'name', { value: 'setTimeout' });
  Object.defineProperty(setImmediatePromise, 'name', { value: 'setImmediate' });
  Object.defineProperty(setIntervalPromise, 'name', { value: 'setInterval' });
  timers.promises = timersPromises;
  loop.setTimeout[Symbol.for('nodejs.util.promisify.custom')] = setTimeoutPromise;
  loop.setImmediate[Symbol.for('nodejs.util.promisify.custom')] = setImmediatePromise;
  defineBuiltin('timers', () => timers);
  defineBuiltin('timers/promises', () => timersPromises);
  return timers;
}
