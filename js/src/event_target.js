// Event, EventTarget, CustomEvent, AbortController and AbortSignal, with
// Node 22's semantics (lib/internal/event_target.js, abort_controller.js):
// listener options, handleEvent objects, listener errors reported as
// uncaught exceptions on the next tick, Node's inspect output and errors.

import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { nodeError, invalidArgType, outOfRange, setThrowSite } from './errors.js';
import { DOMException } from './dom_exception.js';
import { named } from './native.js';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kIsEventTarget = Symbol.for('nodejs.event_target');
export const kType = Symbol('type');
export const kTarget = Symbol('kTarget');
const kDispatching = Symbol('kIsBeingDispatched');
const kStop = Symbol('kStop');
export const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
const kMaxListeners = Symbol('events.maxEventTargetListeners');
const kMaxListenersWarned = Symbol('events.maxEventTargetListenersWarned');
export const kTrustEvent = Symbol('kTrustEvent');
export const kResist = Symbol('kResistStopPropagation');
const kDetail = Symbol('detail');
export const kNewListener = Symbol('kNewListener');
export const kRemoveListener = Symbol('kRemoveListener');

const trusted = new WeakSet();

function invalidThis(type) {
  return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

export function missingArgs(...names) {
  const quoted = names.map((n) => `"${n}"`);
  const list = quoted.length === 1 ? `${quoted[0]} argument` : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]} arguments`;
  return nodeError(TypeError, 'ERR_MISSING_ARGS', `The ${list} must be specified`);
}

function validateObjectLike(value, name) {
  if (value === null || Array.isArray(value) || (typeof value !== 'object' && typeof value !== 'function')) {
    throw invalidArgType(name, 'Object', value);
  }
}

function innerOptions(options) {
  return { ...options, depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth };
}

const isEvent = (value) => typeof value?.[kType] === 'string';

export class Event {
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = ctx.clocks.performanceNow();
  #propagationStopped = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingArgs('type');
    if (options != null) validateObjectLike(options, 'options');
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this[kType] = `${type}`;
    if (options?.[kTrustEvent]) trusted.add(this);
    this[kTarget] = null;
    this[kDispatching] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw missingArgs('type');
    if (this[kDispatching]) return;
    this[kType] = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [inspectCustom](depth, options) {
    if (!isEvent(this)) throw invalidThis('Event');
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${ctx.inspect({
      type: this[kType],
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, innerOptions(options))}`;
  }

  stopImmediatePropagation() {
    if (!isEvent(this)) throw invalidThis('Event');
    this.stopPropagation();
    this[kStop] = true;
  }

  preventDefault() {
    if (!isEvent(this)) throw invalidThis('Event');
    this.#defaultPrevented = true;
  }

  get target() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kTarget];
  }

  get currentTarget() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kDispatching] ? this[kTarget] : null;
  }

  get srcElement() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kTarget];
  }

  get type() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kType];
  }

  get cancelable() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#cancelable;
  }

  get defaultPrevented() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#timestamp;
  }

  composedPath() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kDispatching] ? [this[kTarget]] : [];
  }

  get returnValue() {
    if (!isEvent(this)) throw invalidThis('Event');
    return !this.#cancelable || !this.#defaultPrevented;
  }

  get bubbles() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#bubbles;
  }

  get composed() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kDispatching] ? 2 : 0;
  }

  get cancelBubble() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    if (!isEvent(this)) throw invalidThis('Event');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    if (!isEvent(this)) throw invalidThis('Event');
    this.#propagationStopped = true;
  }
}

function enumerable(proto, keys) {
  for (const key of keys) Object.defineProperty(proto, key, { enumerable: true });
}
function tag(target, value) {
  Object.defineProperty(target.prototype, Symbol.toStringTag, { value, writable: false, enumerable: false, configurable: true });
}

tag(Event, 'Event');
enumerable(Event.prototype, ['initEvent', 'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget', 'srcElement',
  'type', 'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath', 'returnValue', 'bubbles', 'composed', 'eventPhase',
  'cancelBubble', 'stopPropagation']);
Object.defineProperty(Event.prototype, 'isTrusted', {
  get: named(function isTrusted() {
    return trusted.has(this);
  }, 'get isTrusted'),
  enumerable: true,
  configurable: false,
});
['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE'].forEach((name, value) => {
  Object.defineProperty(Event, name, { value, writable: false, configurable: false, enumerable: true });
});

export class CustomEvent extends Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw missingArgs('type');
    super(type, options);
    this[kDetail] = options?.detail ?? null;
  }

  get detail() {
    if (!isEvent(this) || this[kDetail] === undefined) throw invalidThis('CustomEvent');
    return this[kDetail];
  }
}
tag(CustomEvent, 'CustomEvent');
enumerable(CustomEvent.prototype, ['detail']);

// One registered listener: a doubly linked list per type, so listeners added
// while an event is dispatched run in the same dispatch, as in Node.
class Listener {
  constructor(previous, listener, once, capture, passive, resist) {
    this.next = undefined;
    if (previous !== undefined) previous.next = this;
    this.previous = previous;
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.resist = resist;
    this.removed = false;
    if (typeof listener === 'function') {
      this.callback = listener;
    } else {
      this.callback = async (...args) => {
        if (listener.handleEvent) await Reflect.apply(listener.handleEvent, listener, args);
      };
    }
  }

  same(listener, capture) {
    return this.listener === listener && this.capture === capture;
  }

  remove() {
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    this.removed = true;
  }
}

function validateListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw invalidArgType('listener', 'EventListener', listener);
}

function listenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null) return {};
  if (options === undefined || (typeof options !== 'object' && typeof options !== 'function') || Array.isArray(options)) {
    // Node's validateObject with kValidateObjectAllowObjects: arrays and functions are objects too.
    if (typeof options !== 'object' || options === null) throw invalidArgType('options', 'Object', options);
  }
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    resist: options[kResist] ?? false,
  };
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'AbortSignal', signal);
  }
}

export function isEventTarget(obj) {
  return obj?.constructor?.[kIsEventTarget];
}

const kThrowSite = 'node:internal/event_target:1101\n  process.nextTick(() => { throw err; });\n                           ^\n';

function reportLater(err) {
  ctx.process.nextTick(() => {
    if (err !== null && typeof err === 'object') setThrowSite(err, kThrowSite);
    throw err;
  });
}

export class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    this[kEvents] = new Map();
    this[kMaxListeners] = 10;
    this[kMaxListenersWarned] = false;
    this[kHandlers] = new Map();
  }

  [kNewListener](size, type) {
    if (this[kMaxListeners] > 0 && size > this[kMaxListeners] && !this[kMaxListenersWarned]) {
      this[kMaxListenersWarned] = true;
      const w = new Error(`Possible EventTarget memory leak detected. ${size} ${type} listeners added to ${ctx.inspect(this, { depth: -1 })}. MaxListeners is ${this[kMaxListeners]}. Use events.setMaxListeners() to increase limit`);
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = size;
      ctx.process.emitWarning(w);
    }
  }

  [kRemoveListener]() {}

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    let once = false;
    let capture = false;
    let passive = false;
    let resist = false;
    if (options !== undefined) {
      const opts = listenerOptions(options);
      once = Boolean(opts.once);
      capture = Boolean(opts.capture);
      passive = Boolean(opts.passive);
      resist = Boolean(opts.resist);
      const signal = opts.signal;
      validateAbortSignal(signal, 'options.signal');
      if (signal) {
        if (signal.aborted) return;
        signal.addEventListener('abort', () => {
          this.removeEventListener(type, listener, options);
        }, { __proto__: null, once: true, [kResist]: true });
      }
    }
    if (!validateListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      ctx.process.emitWarning(w);
      return;
    }
    type = `${type}`;
    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { size: 1, next: undefined, resist };
      new Listener(root, listener, once, capture, passive, resist); // eslint-disable-line no-new
      this[kNewListener](root.size, type, listener, once, capture, passive);
      this[kEvents].set(type, root);
      return;
    }
    let handler = root.next;
    let previous = root;
    while (handler !== undefined && !handler.same(listener, capture)) {
      previous = handler;
      handler = handler.next;
    }
    if (handler !== undefined) return;
    new Listener(previous, listener, once, capture, passive, resist); // eslint-disable-line no-new
    root.size++;
    root.resist ||= resist;
    this[kNewListener](root.size, type, listener, once, capture, passive);
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    if (!validateListener(listener)) return;
    type = `${type}`;
    // Node reads `options.capture` only: a boolean `true` does not match a capture listener.
    const capture = options?.capture === true;
    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) return;
    for (let handler = root.next; handler !== undefined; handler = handler.next) {
      if (handler.same(listener, capture)) {
        handler.remove();
        root.size--;
        if (root.size === 0) this[kEvents].delete(type);
        this[kRemoveListener](root.size, type, listener, capture);
        break;
      }
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 1) throw missingArgs('event');
    if (!(event instanceof Event)) throw invalidArgType('event', 'Event', event);
    if (event[kDispatching]) throw nodeError(Error, 'ERR_EVENT_RECURSION', `The event "${event.type}" is already being dispatched`);
    event[kTarget] = this;
    event[kDispatching] = true;
    const type = event.type;
    const root = this[kEvents].get(type);
    if (root !== undefined && root.next !== undefined) {
      let handler = root.next;
      while (handler !== undefined && (root.resist || handler.passive || event[kStop] !== true)) {
        const next = handler.next;
        if (handler.removed || (event[kStop] === true && !handler.resist)) {
          handler = next;
          continue;
        }
        if (handler.once) {
          handler.remove();
          root.size--;
          if (root.size === 0 && this[kEvents].get(type) === root) this[kEvents].delete(type);
          this[kRemoveListener](root.size, type, handler.listener, handler.capture);
        }
        try {
          const result = handler.callback.call(this, event);
          event[kDispatching] = false;
          if (result !== undefined && result !== null && typeof result.then === 'function') {
            result.then(undefined, reportLater);
          }
        } catch (err) {
          reportLater(err);
        }
        handler = next;
      }
    }
    event[kDispatching] = false;
    return event.defaultPrevented !== true;
  }

  [inspectCustom](depth, options) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${ctx.inspect({}, innerOptions(options))}`;
  }
}
tag(EventTarget, 'EventTarget');
enumerable(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);

// `on<event>` attributes: one wrapped listener per event, kept in place when replaced.
export function defineEventHandler(proto, name, event = name) {
  const prop = `on${name}`;
  function get() {
    if (this?.[kHandlers] === undefined) throw invalidThis('EventTarget');
    return this[kHandlers].get(event)?.handler ?? null;
  }
  function set(value) {
    if (this?.[kHandlers] === undefined) throw invalidThis('EventTarget');
    let wrapped = this[kHandlers].get(event);
    if (wrapped) {
      if (typeof wrapped.handler === 'function') {
        const root = this[kEvents].get(event);
        if (root) root.size--;
        this[kRemoveListener](root?.size ?? 0, event, wrapped.handler, false);
      }
      wrapped.handler = value;
      if (typeof value === 'function') {
        const root = this[kEvents].get(event);
        if (root) {
          root.size++;
          this[kNewListener](root.size, event, value, false, false, false);
        }
      }
    } else {
      wrapped = function eventHandler(...args) {
        if (typeof wrapped.handler !== 'function') return undefined;
        return Reflect.apply(wrapped.handler, this, args);
      };
      wrapped.handler = value;
      this.addEventListener(event, wrapped);
    }
    this[kHandlers].set(event, wrapped);
  }
  named(get, `get ${prop}`);
  named(set, `set ${prop}`);
  Object.defineProperty(proto, prop, { get, set, configurable: true, enumerable: true });
}

// ---------------------------------------------------------------- abort

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kTimeout = Symbol('kTimeout');
const kComposite = Symbol('kComposite');
const kSources = Symbol('kSourceSignals');
const kDependants = Symbol('kDependantSignals');
const kDontThrow = Symbol('kDontThrowSymbol');

function validateThisSignal(obj) {
  if (obj?.[kAborted] === undefined) throw invalidThis('AbortSignal');
}

function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
  return `${self.constructor.name} ${ctx.inspect(obj, opts)}`;
}

export class AbortSignal extends EventTarget {
  constructor(dontThrow = undefined, init = {}) {
    if (dontThrow !== kDontThrow) throw nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
    this[kMaxListeners] = 0;
    const { aborted = false, reason = undefined, composite = false } = init;
    this[kAborted] = aborted;
    this[kReason] = reason;
    this[kComposite] = composite;
  }

  get aborted() {
    validateThisSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [inspectCustom](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    return new AbortSignal(kDontThrow, { aborted: true, reason });
  }

  static timeout(delay) {
    if (typeof delay !== 'number') throw invalidArgType('delay', 'number', delay);
    if (!Number.isInteger(delay)) throw outOfRange('delay', 'an integer', delay);
    if (delay < 0 || delay > 4294967295) throw outOfRange('delay', '>= 0 && <= 4294967295', delay);
    const signal = new AbortSignal(kDontThrow);
    signal[kTimeout] = true;
    // Unref'd: a pending timeout signal never keeps the process alive.
    ctx.loop.setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay).unref();
    return signal;
  }

  static any(signals) {
    if (signals === null || typeof signals !== 'object' || typeof signals[Symbol.iterator] !== 'function') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Value can not be converted to sequence.');
    }
    const list = [...signals];
    list.forEach((signal, i) => {
      if (!(signal instanceof AbortSignal)) {
        throw invalidArgType(`signals[${i}]`, 'AbortSignal', signal);
      }
    });
    const result = new AbortSignal(kDontThrow, { composite: true });
    if (list.length === 0) return result;
    result[kSources] = new Set();
    for (const signal of list) {
      if (signal.aborted) {
        abortSignal(result, signal.reason);
        return result;
      }
      signal[kDependants] ??= new Set();
      if (!signal[kComposite]) {
        result[kSources].add(signal);
        signal[kDependants].add(result);
      } else if (signal[kSources]) {
        for (const source of signal[kSources]) {
          if (result[kSources].has(source)) continue;
          result[kSources].add(source);
          source[kDependants].add(result);
        }
      }
    }
    return result;
  }
}
tag(AbortSignal, 'AbortSignal');
enumerable(AbortSignal.prototype, ['aborted']);
defineEventHandler(AbortSignal.prototype, 'abort');

function runAbort(signal) {
  signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
}

export function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const dependants = [];
  signal[kDependants]?.forEach((dependant) => {
    if (!dependant[kAborted]) {
      dependant[kReason] = reason;
      dependant[kAborted] = true;
      dependants.push(dependant);
    }
  });
  signal[kDependants] = undefined;
  runAbort(signal);
  for (const dependant of dependants) runAbort(dependant);
}

export class AbortController {
  #signal = new AbortSignal(kDontThrow);

  get signal() {
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal, reason);
  }

  [inspectCustom](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}
tag(AbortController, 'AbortController');
enumerable(AbortController.prototype, ['signal', 'abort']);

for (const [cls, name] of [[Event, 'Event'], [CustomEvent, 'CustomEvent'], [EventTarget, 'EventTarget'], [AbortSignal, 'AbortSignal'], [AbortController, 'AbortController']]) {
  named(cls, name);
}

export function install() {
  ctx.defineGlobal('Event', Event);
  ctx.defineGlobal('EventTarget', EventTarget);
  ctx.defineGlobal('CustomEvent', CustomEvent);
  ctx.defineGlobal('AbortController', AbortController);
  ctx.defineGlobal('AbortSignal', AbortSignal);
}
