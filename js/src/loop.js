// The guest event loop ("park mode"). jsrun's own dispatcher spins a core while
// idle, so the whole loop runs here, inside one engine job: when nothing is
// runnable the loop blocks in the worker's `park` op until the next host event or
// timer deadline. Phases follow Node's: timers, poll (host events), check
// (immediates); nextTicks and microtasks are drained after every callback.

import { makeError, op } from './dispatch.js';
import { budgetError, validateFunction } from './errors.js';

const S = {
  core: null,
  realNow: null,           // monotonic-enough real clock in ms (never frozen)
  hop: null,               // engine macrotask hop, used while module loads are pending
  onUncaught: null,        // (err, origin) => void
  onRejection: null,       // (reason, promise) => void
  isExiting: () => false,  // process._exiting: nextTick() queues nothing then
  maxTimers: 10000,
  maxHandles: 10000,
};

const ATTENTION_MS = 10;
const tickQueue = [];
let timerSeq = 1;
const timerHeap = [];      // binary heap ordered by (when, seq)
let activeTimers = 0;      // timers scheduled and not yet fired/cleared
let refedTimers = 0;
const immediates = [];
let refedImmediates = 0;
let refedHandles = 0;      // other handles: stdin, servers, child processes (later)
let activeHandles = 0;
const pendingAsync = new Map();   // async host call id -> {resolve, reject, refed}
let refedAsync = 0;
const eventHandlers = new Map();  // event type -> handler(event)

export function configureLoop(options) {
  Object.assign(S, options);
  if (options.core) {
    getContext = options.core.getAsyncContext;
    setContext = options.core.setAsyncContext;
  }
  hooks.length = 0;
  currentScope = TOP_SCOPE;
  asyncIdCounter = 1;
}

// ---------------------------------------------------------------- async scopes
//
// AsyncLocalStorage rides on V8's continuation-preserved embedder data (the
// engine's get/setAsyncContext): V8 itself carries it into promise reactions.
// Everything the loop schedules (timers, immediates, ticks, async host calls)
// captures it with an async scope when scheduled, and the loop restores that
// scope around the callback. A scope also carries async_hooks' ids: the
// resource's asyncId and the triggerAsyncId that was current when it was made.

let getContext = () => undefined;
let setContext = () => {};
const TOP_SCOPE = { context: undefined, asyncId: 1, triggerAsyncId: 0, resource: null };
let currentScope = TOP_SCOPE;
let asyncIdCounter = 1;
// Enabled async_hooks (objects with optional init/before/after/destroy).
export const hooks = [];

export function newAsyncId() {
  return ++asyncIdCounter;
}

export function currentAsyncScope() {
  return currentScope;
}

// A scope for a new resource of `type`, created now; fires the init hooks.
export function captureScope(type, resource) {
  const scope = { context: getContext(), asyncId: ++asyncIdCounter, triggerAsyncId: currentScope.asyncId, resource };
  if (hooks.length > 0) emitHook('init', scope.asyncId, type, scope.triggerAsyncId, resource);
  return scope;
}

export function emitHook(name, ...args) {
  for (const hook of hooks.slice()) {
    const fn = hook[name];
    if (typeof fn === 'function') Reflect.apply(fn, hook.owner ?? hook, args);
  }
}

// Runs fn(...args) inside `scope` (its async context and ids), then restores
// the caller's. Exceptions propagate after the restore.
export function runInScope(scope, fn, thisArg, args) {
  const prevContext = getContext();
  const prevScope = currentScope;
  setContext(scope.context);
  currentScope = scope;
  const hooked = hooks.length > 0;
  if (hooked) emitHook('before', scope.asyncId);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    if (hooked && hooks.length > 0) emitHook('after', scope.asyncId);
    currentScope = prevScope;
    setContext(prevContext);
  }
}

export function getAsyncContext() {
  return getContext();
}

export function setAsyncContext(value) {
  setContext(value);
}

export function onHostEvent(type, handler) {
  eventHandlers.set(type, handler);
}

// ---------------------------------------------------------------- nextTick

export function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  if (S.isExiting()) return;
  tickQueue.push({ callback, args, scope: captureScope('TickObject', null) });
}

// Node's processTicksAndRejections: all ticks, then microtasks, until both are
// empty and no rejection is left to report. A tick that throws ends the drain
// (in Node the exception leaves processTicksAndRejections): what is still
// queued waits for the loop's next drain, after its next callback or before
// its next immediates (see runImmediates).
export function runTicks() {
  do {
    while (tickQueue.length > 0) {
      const tick = tickQueue.shift();
      try {
        runInScope(tick.scope, tick.callback, undefined, tick.args);
      } catch (err) {
        S.onUncaught(err, 'uncaughtException');
        return;
      } finally {
        if (hooks.length > 0) emitHook('destroy', tick.scope.asyncId);
      }
    }
    S.core.runMicrotasks();
  } while (tickQueue.length > 0 || processRejections());
}

function processRejections() {
  const drained = S.core.ops.op_drain_pending_rejections();
  if (!Array.isArray(drained) || drained.length === 0) return false;
  // The engine hands back [promise, reason, <unused>] triples.
  for (let i = 0; i + 1 < drained.length; i += 3) {
    S.onRejection(drained[i + 1], drained[i]);
  }
  return true;
}

// ---------------------------------------------------------------- timers

function heapLess(a, b) {
  return a.when < b.when || (a.when === b.when && a.seq < b.seq);
}

function heapPush(t) {
  timerHeap.push(t);
  let i = timerHeap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!heapLess(timerHeap[i], timerHeap[p])) break;
    [timerHeap[i], timerHeap[p]] = [timerHeap[p], timerHeap[i]];
    i = p;
  }
}

function heapPop() {
  const top = timerHeap[0];
  const last = timerHeap.pop();
  if (timerHeap.length > 0) {
    timerHeap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < timerHeap.length && heapLess(timerHeap[l], timerHeap[m])) m = l;
      if (r < timerHeap.length && heapLess(timerHeap[r], timerHeap[m])) m = r;
      if (m === i) break;
      [timerHeap[i], timerHeap[m]] = [timerHeap[m], timerHeap[i]];
      i = m;
    }
  }
  return top;
}

function normaliseDelay(ms) {
  ms = Number(ms);
  if (!(ms >= 1 && ms <= 2147483647)) ms = 1;   // Node: NaN, <1 and overflow become 1
  return Math.trunc(ms);
}

const kEntry = Symbol('timerEntry');
const kScope = Symbol('asyncScope');
// Not enumerable: util.inspect of a Timeout/Immediate does not show it.
function defineScope(target, scope) {
  Object.defineProperty(target, kScope, { value: scope, writable: true, configurable: true, enumerable: false });
}
let timerIdCounter = 1;
const timersById = new Map();

export class Timeout {
  constructor(callback, delay, args, repeat) {
    if (activeTimers >= S.maxTimers) throw budgetError('maximum number of timers exceeded');
    this._idleTimeout = normaliseDelay(delay);
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = repeat ? this._idleTimeout : null;
    this._destroyed = false;
    this._refed = true;
    this._id = timerIdCounter++;
    this[kEntry] = null;
    activeTimers++;
    refedTimers++;
    timersById.set(this._id, this);
    defineScope(this, captureScope('Timeout', this));
    this._schedule();
  }
  _schedule() {
    const entry = { when: S.realNow() + this._idleTimeout, seq: timerSeq++, timer: this, live: true };
    this[kEntry] = entry;
    heapPush(entry);
  }
  _unschedule() {
    if (this[kEntry]) this[kEntry].live = false;
    this[kEntry] = null;
  }
  _close(quiet = false) {
    if (this._destroyed) return;
    this._destroyed = true;
    this._unschedule();
    if (!quiet && hooks.length > 0) emitHook('destroy', this[kScope].asyncId);
    activeTimers--;
    if (this._refed) refedTimers--;
    timersById.delete(this._id);
  }
  // clearTimeout(): unlike a timer that fired, a cleared one cannot be refreshed.
  _clear() {
    this._close();
    this._idleTimeout = -1;
  }
  ref() {
    if (!this._refed && !this._destroyed) refedTimers++;
    this._refed = true;
    return this;
  }
  unref() {
    if (this._refed && !this._destroyed) refedTimers--;
    this._refed = false;
    return this;
  }
  hasRef() {
    return this._refed;
  }
  // Node re-arms a timer that already fired, and restarts a pending one.
  refresh() {
    if (this._idleTimeout < 0) return this;
    if (this._destroyed) {
      if (activeTimers >= S.maxTimers) throw budgetError('maximum number of timers exceeded');
      this._destroyed = false;
      activeTimers++;
      if (this._refed) refedTimers++;
      timersById.set(this._id, this);
    }
    this._unschedule();
    this._schedule();
    return this;
  }
  close() {
    this._clear();
    return this;
  }
  [Symbol.toPrimitive]() {
    return this._id;
  }
  [Symbol.dispose]() {
    this._clear();
  }
}

export class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this._refed = true;
    refedImmediates++;
    defineScope(this, captureScope('Immediate', this));
    immediates.push(this);
  }
  ref() {
    if (!this._refed && !this._destroyed) refedImmediates++;
    this._refed = true;
    return this;
  }
  unref() {
    if (this._refed && !this._destroyed) refedImmediates--;
    this._refed = false;
    return this;
  }
  hasRef() {
    return this._refed;
  }
  _clear() {
    if (this._destroyed) return;
    this._destroyed = true;
    if (this._refed) refedImmediates--;
    if (hooks.length > 0) emitHook('destroy', this[kScope].asyncId);
  }
  [Symbol.dispose]() {
    this._clear();
  }
}

export function setTimeout(callback, delay, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, delay, args, false);
}

export function setInterval(callback, delay, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, delay, args, true);
}

export function clearTimeout(timer) {
  if (timer == null) return;
  if (timer instanceof Timeout) {
    timer._clear();
    return;
  }
  const t = timersById.get(Number(timer));
  if (t) t._clear();
}

export function clearInterval(timer) {
  clearTimeout(timer);
}

export function setImmediate(callback, ...args) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, args);
}

export function clearImmediate(immediate) {
  if (immediate instanceof Immediate) immediate._clear();
}

function runTimers() {
  const now = S.realNow();
  while (timerHeap.length > 0) {
    const top = timerHeap[0];
    if (!top.live) { heapPop(); continue; }
    if (top.when > now) break;
    heapPop();
    const timer = top.timer;
    timer[kEntry] = null;
    const oneShot = timer._repeat === null;
    if (oneShot) timer._close(true);   // its destroy hook fires after the callback
    try {
      runInScope(timer[kScope], timer._onTimeout, timer, timer._timerArgs);
    } catch (err) {
      S.onUncaught(err, 'uncaughtException');
    }
    if (timer._repeat !== null && !timer._destroyed && timer[kEntry] === null) {
      // Node reschedules intervals from the time the callback started.
      timer[kEntry] = { when: now + timer._repeat, seq: timerSeq++, timer, live: true };
      heapPush(timer[kEntry]);
    }
    if (oneShot && timer._destroyed && hooks.length > 0) emitHook('destroy', timer[kScope].asyncId);
    runTicks();
  }
}

function nextDeadline() {
  while (timerHeap.length > 0 && !timerHeap[0].live) heapPop();
  return timerHeap.length > 0 ? timerHeap[0].when : null;
}

function runImmediates() {
  // Node's check phase opens with a callback scope of its own, so ticks left
  // over by a drain that an exception ended run before the first immediate.
  if (immediates.length > 0) runTicks();
  const batch = immediates.splice(0, immediates.length);
  for (const imm of batch) {
    if (imm._destroyed) continue;
    const scope = imm[kScope];
    imm._destroyed = true;
    if (imm._refed) refedImmediates--;
    try {
      runInScope(scope, imm._onImmediate, imm, imm._argv);
    } catch (err) {
      S.onUncaught(err, 'uncaughtException');
    }
    if (hooks.length > 0) emitHook('destroy', scope.asyncId);
    runTicks();
  }
}

// ---------------------------------------------------------------- handles

// A handle keeps the loop alive while referenced (stdin, servers, children ...).
export class Handle {
  constructor(kind) {
    if (activeHandles >= S.maxHandles) throw budgetError('maximum active handles exceeded');
    this.kind = kind;
    this.refed = true;
    this.closed = false;
    activeHandles++;
    refedHandles++;
  }
  ref() {
    if (!this.refed && !this.closed) refedHandles++;
    this.refed = true;
  }
  unref() {
    if (this.refed && !this.closed) refedHandles--;
    this.refed = false;
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    activeHandles--;
    if (this.refed) refedHandles--;
  }
}

// ---------------------------------------------------------------- async host calls

export function hostCallAsync(name, payload) {
  return new Promise((resolve, reject) => {
    const id = op('callAsync', name, payload === undefined ? null : payload);
    pendingAsync.set(id, { resolve, reject, context: getContext() });
    refedAsync++;
  });
}

onHostEvent('reply', (ev) => {
  const pending = pendingAsync.get(ev.id);
  if (!pending) return;
  pendingAsync.delete(ev.id);
  refedAsync--;
  const prev = getContext();
  setContext(pending.context);
  try {
    if (ev.err) pending.reject(makeError(ev.err));
    else pending.resolve(ev.ok);
  } finally {
    setContext(prev);
  }
});

function dispatchEvents(events) {
  for (const ev of events) {
    const handler = eventHandlers.get(ev.type);
    if (handler) {
      try {
        handler(ev);
      } catch (err) {
        S.onUncaught(err, 'uncaughtException');
      }
    }
    runTicks();
  }
}

// ---------------------------------------------------------------- the loop

export function isAlive() {
  return refedTimers > 0 || refedImmediates > 0 || refedHandles > 0 || refedAsync > 0;
}


// Runs the loop until nothing referenced is left. `done` is called once, when
// the loop is exhausted (the caller then emits beforeExit/exit). Returns
// without finishing only to hop through the engine while module loads are
// pending; it re-enters itself through S.hop.
let engineAttention = false;   // set once the engine has module work of its own
let engineTurn = false;        // control is in the engine's own loop, between a hop and resume()
const ownTurnQueue = [];       // work that must wait until control is back here

// Runs `fn` now if the loop has control, else first thing when it gets it back.
// The worker cannot stop an isolate that exits while the engine is evaluating
// a module, so a fatal report from there has to wait for our own turn.
export function inOwnTurn(fn) {
  if (engineTurn) ownTurnQueue.push(fn);
  else fn();
}

export function runLoop(done) {
  for (;;) {
    runTimers();
    if (op('importActivity')) {
      // A dynamic import() is being loaded by the engine: let its loop run.
      engineAttention = true;
      engineTurn = true;
      S.hop(() => resume(done));
      return;
    }
    if (!isAlive()) {
      if (done()) return;
      continue;
    }
    let timeout = -1;
    if (immediates.length > 0 && refedImmediates > 0) timeout = 0;
    else {
      const deadline = nextDeadline();
      if (deadline !== null) timeout = Math.max(0, deadline - S.realNow());
    }
    // The engine settles import() promises in its own loop, which does not run
    // while we park: after module work, park briefly and hop through it.
    if (engineAttention && (timeout < 0 || timeout > ATTENTION_MS)) timeout = ATTENTION_MS;
    const events = op('park', timeout);
    if (events.length > 0) dispatchEvents(events);
    runImmediates();
    if (engineAttention && events.length === 0) {
      engineTurn = true;
      S.hop(() => resume(done));
      return;
    }
  }
}

// Back from the engine's own loop, which may have run guest code (an ES
// module's body after top-level await): its ticks come before anything else.
function resume(done) {
  engineTurn = false;
  while (ownTurnQueue.length > 0) ownTurnQueue.shift()();
  runTicks();
  runLoop(done);
}
