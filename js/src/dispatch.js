// The only code that talks to the worker ops: encodes host calls and turns host
// errors back into Node-shaped JS errors. Captured engine functions live in this
// module's closure and are never reachable from guest code.

let callSync = null;
let ids = null;
// Every worker op answers this once the execution is stopping (see _engine/_v8.py).
const STOP = '\u0000secure-exec:stop';

export function installDispatch(capturedCallSync, opIds) {
  callSync = capturedCallSync;
  ids = opIds;
}

// Calls a worker-local op by name (see js/contract.json, "worker").
export function op(name, ...args) {
  const result = callSync(ids[name], ...args);
  if (result === STOP) killedSpin();
  return result;
}

export function makeError(err) {
  const E = err.name === 'TypeError' ? TypeError : err.name === 'RangeError' ? RangeError : Error;
  const e = new E(err.message);
  for (const key of ['code', 'errno', 'syscall', 'path', 'dest']) {
    if (err[key] !== undefined && err[key] !== null) e[key] = err[key];
  }
  return e;
}

// Synchronous host call: the guest blocks until the host replies.
export function hostCall(name, payload) {
  const reply = op('call', name, payload === undefined ? null : payload);
  if (reply.err) throw makeError(reply.err);
  return reply.ok;
}

// Fire-and-forget host call, ordered with every other frame of this execution.
export function hostPost(name, payload) {
  const reply = op('post', name, payload === undefined ? null : payload);
  if (reply && reply.err) throw makeError(reply.err);
}

// The worker asked this execution to stop (exit, kill, CPU limit): spin in
// interruptible code until the engine's termination lands.
export function killedSpin() {
  for (;;) { /* terminated by the worker */ }
}
