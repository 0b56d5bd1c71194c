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
