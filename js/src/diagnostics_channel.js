// The `diagnostics_channel` module: named channels with synchronous
// publication, store binding (AsyncLocalStorage) and tracing channels, with
// Node 22's semantics. One difference: Node holds channels weakly (a channel
// nobody references may be collected, losing nothing since it has no
// subscribers); here they are held in a plain Map for the execution's life.
// An exception thrown by a subscriber does not stop publication: it is
// rethrown from a process.nextTick callback, so it is reported as uncaught.

import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { invalidArgType, validateFunction } from './errors.js';
import { named } from './native.js';

let channels = new Map();

function reportLater(err) {
  ctx.process.nextTick(() => {
    throw err;
  });
}

class Channel {
  constructor(name) {
    this._subscribers = [];
    this._stores = new Map();
    this.name = name;
  }

  static [Symbol.hasInstance](instance) {
    return instance !== null && typeof instance === 'object' && Object.prototype.isPrototypeOf.call(Channel.prototype, instance);
  }

  get hasSubscribers() {
    return this._subscribers.length > 0 || this._stores.size > 0;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // A copy, so that a publish in progress keeps the list it started with.
    this._subscribers = [...this._subscribers, subscription];
  }

  unsubscribe(subscription) {
    const index = this._subscribers.indexOf(subscription);
    if (index === -1) return false;
    const next = this._subscribers.slice();
    next.splice(index, 1);
    this._subscribers = next;
    return true;
  }

  bindStore(store, transform) {
    this._stores.set(store, transform);
  }

  unbindStore(store) {
    return this._stores.delete(store);
  }

  publish(data) {
    for (const onMessage of this._subscribers) {
      try {
        onMessage(data, this.name);
      } catch (err) {
        reportLater(err);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    if (this._stores.size === 0) {
      if (this._subscribers.length > 0) this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    }
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores) {
      const next = run;
      run = () => {
        let value;
        try {
          value = transform === undefined ? data : transform(data);
        } catch (err) {
          reportLater(err);
          return next();
        }
        return store.run(value, next);
      };
    }
    return run();
  }
}

function validateName(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') throw invalidArgType('channel', ['string', 'symbol'], name);
}

function channel(name) {
  const existing = channels.get(name);
  if (existing !== undefined) return existing;
  validateName(name);
  const created = new Channel(name);
  channels.set(name, created);
  return created;
}

function subscribe(name, subscription) {
  return channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

function hasSubscribers(name) {
  const found = channels.get(name);
  return found !== undefined && found.hasSubscribers;
}

const TRACE_EVENTS = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

// As in Node, the five channels are not enumerable properties.
function defineEvent(target, event, value) {
  Object.defineProperty(target, event, { value, writable: false, configurable: false, enumerable: false });
}

class TracingChannel {
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const event of TRACE_EVENTS) defineEvent(this, event, channel(`tracing:${nameOrChannels}:${event}`));
    } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
      for (const event of TRACE_EVENTS) {
        const value = nameOrChannels[event];
        if (!(value instanceof Channel)) throw invalidArgType(`nameOrChannels.${event}`, 'Channel', value);
        defineEvent(this, event, value);
      }
    } else {
      throw invalidArgType('nameOrChannels', ['string', 'object', 'TracingChannel'], nameOrChannels);
    }
  }

  get hasSubscribers() {
    return TRACE_EVENTS.some((event) => this[event].hasSubscribers);
  }

  subscribe(handlers) {
    for (const event of TRACE_EVENTS) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let done = true;
    for (const event of TRACE_EVENTS) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const settled = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    const failed = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(settled, failed);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function wrappedCallback(err, res) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = res;
      }
      // Through runStores, so that bound stores are entered again for the continuation.
      const callArgs = arguments;
      asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, callArgs);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, wrappedCallback);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

// The bundler may rename classes that shadow other bindings; guests see Node's names.
named(Channel, 'Channel');
named(TracingChannel, 'TracingChannel');

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

export function install() {
  channels = new Map();
  defineBuiltin('diagnostics_channel', () => ({
    channel: named(channel, 'channel'),
    hasSubscribers: named(hasSubscribers, 'hasSubscribers'),
    subscribe: named(subscribe, 'subscribe'),
    tracingChannel: named(tracingChannel, 'tracingChannel'),
    unsubscribe: named(unsubscribe, 'unsubscribe'),
    Channel,
  }));
}
