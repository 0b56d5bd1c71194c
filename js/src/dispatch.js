// The only code that talks to the worker ops: encodes host calls and turns host
// errors back into Node-shaped JS errors. Captured engine functions live in this
// module's closure and are never reachable from guest code.

let callSync = null;
let ids = null;
let sleep = null;
// Every worker op answers this once the execution is stopping (see _engine/_v8.py).
const STOP = '\u0000secure-exec:stop';
// ... and this instead once the engine terminated the isolate itself (jsrun
// defect 14, see engineTerminated): the worker can no longer terminate a guest
// that waits for it, so the bridge unwinds instead.
const ABORT = '\u0000secure-exec:abort';

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


// The engine's words when it rejects an import() whose module it was evaluating
// while the isolate was terminated (it cancels the termination to do so).
const TERMINATED_IMPORT = 'because JavaScript execution has been terminated';

export function isTerminationError(err) {
  return err instanceof Error && typeof err.message === 'string' && err.message.includes(TERMINATED_IMPORT);
}

// Called with the boot promise's reject function: ends the engine job that runs
// this execution (the worker then reads the engine's termination reason).
let abortEvaluation = null;

export function onEngineTermination(abort) {
  abortEvaluation = abort;
}

// jsrun defect 14: the engine terminated JavaScript on its own (jsrun's
// near-heap-limit callback: the worker terminates only after an op answered
// STOP, or while it waits for a busy guest) and then let JS run again: it
// rejected an import() (see TERMINATED_IMPORT), or a later engine timer ran. The
// outcome must still be the termination's, so stop calling ops (the worker may be
// terminating us too) and reject the boot promise with the words jsrun turns
// into RuntimeTerminated carrying its own reason ("Heap limit exceeded").
export function engineTerminated() {
  if (stopped) return;
  stopped = true;
  if (abortEvaluation !== null) abortEvaluation(new Error('execution terminated by the engine'));
}

// The engine rejects a dynamic import this way when it cancels a termination to
// settle the import's promise: stop here too. True if the execution is stopped.
export function stopIfTerminated(err) {
  if (!stopped && isTerminationError(err)) engineTerminated();
  return stopped;
}

// The guest loop's hop through the engine (`setTimeout(fn, 0)` of the engine).
// A termination that lands while `fn` runs unwinds it (no catch or finally runs)
// and the loop, which lives in that callback, is gone: nothing would ever settle
// the boot promise, so jsrun's eval_async would wait forever. Each turn therefore
// schedules a check of its own, which the engine runs after the turn, and which
// finds the turn still open only if it was terminated.
export function guardedHop(engineSetTimeout) {
  let open = false;
  const check = () => {
    if (open) engineTerminated();
  };
  return (fn) => engineSetTimeout(() => {
    check();
    if (stopped) return;
    open = true;
    engineSetTimeout(check, 0);
    try {
      fn();
    } catch (err) {
      // Only the stop signal may leave the loop; anything else would strand it.
      if (!stopped) {
        stopped = true;
        if (abortEvaluation !== null) abortEvaluation(err);
      }
    } finally {
      open = false;
    }
  }, 0);
}

// Calls a worker-local op by name (see js/contract.json, "worker").
export function op(name, ...args) {
  if (stopped) throw STOPPED;
  const result = callSync(ids[name], ...args);
  if (result === STOP) killedSpin();
  if (result === ABORT) {
    engineTerminated();
    throw STOPPED;
  }
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
