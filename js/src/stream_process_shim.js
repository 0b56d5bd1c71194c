// `process/` as readable-stream requires it: the guest's own process, read at
// call time (the stream modules are evaluated at snapshot time, before any
// execution has a process).

import { ctx } from './context.js';

export function nextTick(...args) {
  return ctx.process.nextTick(...args);
}

export function emitWarning(...args) {
  return ctx.process.emitWarning(...args);
}

export const env = new Proxy({}, {
  get: (target, key) => ctx.process?.env?.[key],
  has: (target, key) => ctx.process !== null && key in ctx.process.env,
});
