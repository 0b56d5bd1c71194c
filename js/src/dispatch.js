// The only code that talks to the worker ops: encodes host calls and turns host
// errors back into Node-shaped JS errors. Captured engine functions live in this
// module's closure and are never reachable from guest code.

let callSync = null;
let ids = null;
let sleep = null;
// Every worker op answers this once the execution is stopping (see _engine/_v8.py).
const STOP = '\u0000secure-exec:stop';

export function installDispatch(capturedCallSync, opIds, capturedSleep) {
  callSync = capturedCallSync;
  ids = opIds;
  sleep = capturedSleep;
}

// Set once the worker has answered STOP. From then on no op is ever called again:
// the worker may be terminating the isolate, and jsrun's terminate() holds the
// Python GIL while it waits, so a call into Python would deadlock the worker.
let stopped = false;

// Thrown, instead of calling an op, by code that runs after a stop: the engine can
// cancel a termination (while it evaluates an ES module for import()) and run
// promise reactions; they must unwind back to the engine without touching Python.
const STOPPED = Object.freeze({ stopped: true });

export function isStopped() {
  return stopped;
}


// The engine rejects a dynamic import this way when it cancels a termination to
// settle the import's promise: the worker is terminating us, so stop here too.
export function stopIfTerminated(err) {
  if (stopped) return true;
  if (err instanceof Error && typeof err.message === 'string' &&
      err.message.includes('because JavaScript execution has been terminated')) {
    stopped = true;
  }
  return stopped;
}

// Calls a worker-local op by name (see js/contract.json, "worker").
export function op(name, ...args) {
  if (stopped) throw STOPPED;
  const result = callSync(ids[name], ...args);
  if (result === STOP) killedSpin();
  return result;
}

export function makeError(err) {
  const E = err.name === 'TypeError' ? TypeError : err.name === 'RangeError' ? RangeError : Error;
  const e = new E(err.message);
  for (const key of ['code', 'errno', 'syscall', 'path', 'dest', 'info', 'requireStack', 'url']) {
    if (err[key] !== undefined && err[key] !== null) e[key] = err[key];
  }
  // For the bridge's own formatting (fs re-words messages with the guest's path); hidden like internals.
  for (const key of ['description', 'detail']) {
    if (err[key] !== undefined && err[key] !== null) {
      Object.defineProperty(e, key, { value: err[key], writable: true, configurable: true, enumerable: false });
    }
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

// The worker asked this execution to stop (exit, kill, CPU limit): wait in
// interruptible code, calling nothing, until the engine's termination lands.
// Atomics.wait sleeps without burning CPU and wakes when V8 terminates.
export function killedSpin() {
  if (stopped) throw STOPPED;  // running again after a cancelled termination
  stopped = true;
  for (;;) sleep();
}

// Library call answered inside the worker (crypto, zlib: src/secure_exec/_engine/_lib).
// Cheap (no host round trip); throws the Node-shaped error the library raised.
export function libCall(name, ...args) {
  const reply = op('lib', name, args);
  if (reply.err) throw makeError(reply.err);
  return reply.ok;
}
