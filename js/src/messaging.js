// MessageChannel, MessagePort, BroadcastChannel and MessageEvent within the
// isolate, and the `navigator` global. Messages are structured-cloned by the
// engine and delivered asynchronously, one macrotask each, as 'message'
// events. A started port with a message listener keeps the loop alive until
// it is closed or unref'd, as in Node.

import { ctx } from './context.js';
import { nodeError, invalidArgType } from './errors.js';
import { DOMException } from './dom_exception.js';
import { named } from './native.js';
import { Event, EventTarget, kNewListener, kRemoveListener, defineEventHandler, missingArgs } from './event_target.js';
import { createNavigator, Navigator } from './web_navigator.js';

const kData = Symbol('kData');
const kInit = Symbol('kInit');

export class MessageEvent extends Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw missingArgs('type');
    super(type, options);
    const { data = null, origin = '', lastEventId = '', source = null, ports = [] } = options ?? {};
    if (!Array.isArray(ports) && (ports === null || typeof ports[Symbol.iterator] !== 'function')) {
      throw invalidArgType('options.ports', 'Array', ports);
    }
    this[kData] = { data, origin: `${origin}`, lastEventId: `${lastEventId}`, source, ports: [...ports] };
  }

  get data() {
    return this[kData].data;
  }

  get origin() {
    return this[kData].origin;
  }

  get lastEventId() {
    return this[kData].lastEventId;
  }

  get source() {
    return this[kData].source;
  }

  get ports() {
    return this[kData].ports;
  }
}
for (const key of ['data', 'origin', 'lastEventId', 'source', 'ports']) Object.defineProperty(MessageEvent.prototype, key, { enumerable: true });
Object.defineProperty(MessageEvent.prototype, Symbol.toStringTag, { value: 'MessageEvent', configurable: true });

function cloneMessage(value, transfer) {
  let list = [];
  if (transfer !== undefined && transfer !== null) {
    if (Array.isArray(transfer)) list = transfer;
    else if (typeof transfer === 'object' && transfer.transfer !== undefined) list = transfer.transfer;
    else if (typeof transfer !== 'object' || typeof transfer[Symbol.iterator] !== 'function') {
      throw invalidArgType('transfer', 'Array', transfer);
    } else list = [...transfer];
  }
  if (list.some((item) => item instanceof MessagePort)) {
    throw new DOMException('Transferring a MessagePort is not supported in sandbox', 'DataCloneError');
  }
  if (list.length > 0 && new Set(list).size !== list.length) {
    throw new DOMException('Transfer list contains duplicate', 'DataCloneError');
  }
  return clone(value, list);
}

// The engine throws a TypeError where Node throws a DataCloneError DOMException.
// The engine's clone also leaves transferred ArrayBuffers attached: they are
// detached here, after a successful clone, as a transfer must.
const arrayBufferTransfer = ArrayBuffer.prototype.transfer;
function clone(value, list) {
  let out;
  try {
    out = ctx.core.structuredClone(value, list);
  } catch (err) {
    if (err instanceof TypeError) throw new DOMException(err.message, 'DataCloneError');
    throw err;
  }
  for (const item of list) {
    if (item instanceof ArrayBuffer && !item.detached) Reflect.apply(arrayBufferTransfer, item, []);
  }
  return out;
}

class Deliverer {
  constructor() {
    this.handle = null;
    this.refed = true;
  }

  keep(alive) {
    if (alive && this.handle === null) {
      this.handle = new ctx.loop.Handle('MessagePort');
      if (!this.refed) this.handle.unref();
    } else if (!alive && this.handle !== null) {
      this.handle.close();
      this.handle = null;
    }
  }

  ref(value) {
    this.refed = value;
    if (this.handle !== null) {
      if (value) this.handle.ref();
      else this.handle.unref();
    }
  }
}

export class MessagePort extends EventTarget {
  constructor(key = undefined) {
    if (key !== kInit) throw nodeError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    super();
    this._state = { peer: null, queue: [], started: false, closed: false, scheduled: false, listeners: 0, life: new Deliverer() };
  }

  [kNewListener](size, type, ...rest) {
    super[kNewListener](size, type, ...rest);
    if (type === 'message') {
      this._state.listeners++;
      this.start();
    }
  }

  [kRemoveListener](size, type, ...rest) {
    super[kRemoveListener](size, type, ...rest);
    if (type === 'message') {
      this._state.listeners = Math.max(0, this._state.listeners - 1);
      this._sync();
    }
  }

  _sync() {
    const s = this._state;
    s.life.keep(s.started && !s.closed && s.listeners > 0);
  }

  postMessage(message, transfer = undefined) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    const s = this._state;
    const data = cloneMessage(message, transfer);
    if (s.closed || s.peer === null) return;
    s.peer._enqueue(data);
  }

  _enqueue(data) {
    const s = this._state;
    if (s.closed) return;
    s.queue.push(data);
    this._schedule();
  }

  _schedule() {
    const s = this._state;
    if (!s.started || s.scheduled || s.queue.length === 0) return;
    s.scheduled = true;
    const timer = ctx.loop.setImmediate(() => {
      s.scheduled = false;
      if (!s.started || s.queue.length === 0) return;
      const data = s.queue.shift();
      this.dispatchEvent(new MessageEvent('message', { data }));
      this._schedule();
    });
    // The loop only waits for a port that is alive (listening, started, ref'd).
    if (!this.hasRef()) timer.unref();
  }

  start() {
    const s = this._state;
    if (s.closed) return;
    s.started = true;
    this._sync();
    this._schedule();
  }

  close() {
    const s = this._state;
    if (s.closed) return;
    const peer = s.peer;
    this._shutdown(true);
    if (peer !== null) peer._shutdown(peer.hasRef(), peer._state.started);
  }

  // The 'close' event of a port nobody keeps alive does not hold the loop.
  // A port that never started does not see its peer's close as an event.
  _shutdown(keepAlive, notify = true) {
    const s = this._state;
    if (s.closed) return;
    s.closed = true;
    s.peer = null;
    s.queue.length = 0;
    s.life.keep(false);
    if (!notify) return;
    const timer = ctx.loop.setImmediate(() => this.dispatchEvent(new Event('close')));
    if (!keepAlive) timer.unref();
  }

  ref() {
    this._state.life.ref(true);
    return this;
  }

  unref() {
    this._state.life.ref(false);
    return this;
  }

  hasRef() {
    return this._state.life.handle !== null && this._state.life.refed;
  }
}
Object.defineProperty(MessagePort.prototype, '_state', { writable: true, enumerable: false, value: undefined });
for (const key of ['_sync', '_enqueue', '_schedule', '_shutdown']) Object.defineProperty(MessagePort.prototype, key, { enumerable: false });
for (const key of ['postMessage', 'start', 'close', 'ref', 'unref', 'hasRef']) Object.defineProperty(MessagePort.prototype, key, { enumerable: true });
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, { value: 'MessagePort', configurable: true });
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');
defineEventHandler(MessagePort.prototype, 'close');

export class MessageChannel {
  constructor() {
    const port1 = new MessagePort(kInit);
    const port2 = new MessagePort(kInit);
    port1._state.peer = port2;
    port2._state.peer = port1;
    Object.defineProperty(this, 'port1', { value: port1, enumerable: true });
    Object.defineProperty(this, 'port2', { value: port2, enumerable: true });
  }
}

// BroadcastChannel: every open channel of the same name in this execution.
const channels = new Map();

export class BroadcastChannel extends EventTarget {
  #name;
  #port;

  constructor(name) {
    if (arguments.length === 0) throw missingArgs('name');
    super();
    this.#name = `${name}`;
    this.#port = { closed: false, listeners: 0, life: new Deliverer(), queue: [], scheduled: false };
    let set = channels.get(this.#name);
    if (set === undefined) channels.set(this.#name, (set = new Set()));
    set.add(this);
  }

  get name() {
    return this.#name;
  }

  [kNewListener](size, type, ...rest) {
    super[kNewListener](size, type, ...rest);
    if (type === 'message') {
      this.#port.listeners++;
      this.#port.life.keep(!this.#port.closed);
    }
  }

  [kRemoveListener](size, type, ...rest) {
    super[kRemoveListener](size, type, ...rest);
    if (type === 'message') {
      this.#port.listeners = Math.max(0, this.#port.listeners - 1);
      if (this.#port.listeners === 0) this.#port.life.keep(false);
    }
  }

  postMessage(message) {
    if (arguments.length === 0) throw missingArgs('message');
    if (this.#port.closed) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    const data = cloneMessage(message);
    for (const other of channels.get(this.#name) ?? []) {
      if (other !== this) other.#deliver(data);
    }
  }

  #deliver(data) {
    const p = this.#port;
    if (p.closed) return;
    p.queue.push(clone(data, []));
    if (p.scheduled) return;
    p.scheduled = true;
    const run = () => {
      p.scheduled = false;
      if (p.closed || p.queue.length === 0) return;
      this.dispatchEvent(new MessageEvent('message', { data: p.queue.shift() }));
      if (p.queue.length > 0) {
        p.scheduled = true;
        schedule(run);
      }
    };
    const schedule = (fn) => {
      const timer = ctx.loop.setImmediate(fn);
      if (p.life.handle === null || !p.life.refed) timer.unref();
    };
    schedule(run);
  }

  close() {
    if (this.#port.closed) return;
    this.#port.closed = true;
    this.#port.queue.length = 0;
    this.#port.life.keep(false);
    channels.get(this.#name)?.delete(this);
  }

  ref() {
    this.#port.life.ref(true);
    return this;
  }

  unref() {
    this.#port.life.ref(false);
    return this;
  }
}
for (const key of ['name', 'postMessage', 'close', 'ref', 'unref']) Object.defineProperty(BroadcastChannel.prototype, key, { enumerable: true });
Object.defineProperty(BroadcastChannel.prototype, Symbol.toStringTag, { value: 'BroadcastChannel', configurable: true });
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

for (const [cls, name] of [[MessageEvent, 'MessageEvent'], [MessagePort, 'MessagePort'], [MessageChannel, 'MessageChannel'], [BroadcastChannel, 'BroadcastChannel']]) {
  named(cls, name);
}

export function install() {
  channels.clear();
  for (const cls of [MessageEvent, MessagePort, MessageChannel, BroadcastChannel, Navigator]) ctx.defineGlobal(cls.name, cls);
  let navigator = null;
  Object.defineProperty(globalThis, 'navigator', {
    get: named(() => (navigator ??= createNavigator()), 'get navigator'),
    set: undefined,
    enumerable: true,
    configurable: true,
  });
}
