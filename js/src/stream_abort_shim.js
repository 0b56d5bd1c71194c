// `abort-controller` as readable-stream requires it: the guest's global
// AbortController/AbortSignal, looked up at call time (another module family
// defines them per execution; the stream modules are evaluated at snapshot
// time). Where the guest has removed them (or they are not defined), streams
// keep working on the npm `abort-controller` package, as Node's internals do
// not depend on the guest's globals.

import * as fallback from 'abort-controller/dist/abort-controller.mjs';

function current() {
  return typeof globalThis.AbortController === 'function' ? globalThis : fallback;
}

export function AbortController() {
  return new (current().AbortController)();
}

export const AbortSignal = {
  any: (signals) => {
    const { AbortSignal: Signal } = current();
    if (typeof Signal.any === 'function') return Signal.any(signals);
    const controller = new (current().AbortController)();
    for (const signal of signals) {
      if (signal.aborted) {
        controller.abort(signal.reason);
        return controller.signal;
      }
    }
    for (const signal of signals) signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    return controller.signal;
  },
};
