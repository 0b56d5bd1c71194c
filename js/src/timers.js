// The `timers` and `timers/promises` modules over the bridge's event loop (loop.js).

import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';

// Returns the timer functions index.js defines as globals.
export function install() {
  const { loop } = ctx;
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
  loop.setTimeout[Symbol.for('nodejs.util.promisify.custom')] = timersPromises.setTimeout;
  loop.setImmediate[Symbol.for('nodejs.util.promisify.custom')] = timersPromises.setImmediate;
  defineBuiltin('timers', () => timers);
  defineBuiltin('timers/promises', () => timersPromises);
  return timers;
}
