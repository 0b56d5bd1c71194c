// The `events` module: Node 22's own lib/events.js, bundled from the pinned
// Node binary (its internal requires answered by node_internals.js). The bare
// specifier `events` that bundled npm code imports (readable-stream, ...)
// resolves to the same module (ALIASES in scripts/build_js.py), so the bundle
// has one EventEmitter class.
//
// The only change: a fatal report for an unhandled 'error' event starts with
// the throw site Node prints, a line of Node's events.js (the sandbox cannot
// point V8's message location at a file it does not have).

import events from 'node-lib:events';
import { setThrowSite } from './errors.js';
import { named } from './native.js';

// The bundler renames Node's function (another EventEmitter is in scope); guests see Node's name.
export const EventEmitter = named(events, 'EventEmitter');

const kThrowEr = "node:events:497\n      throw er; // Unhandled 'error' event\n      ^\n";
const kThrowErr = "node:events:510\n    throw err; // Unhandled 'error' event\n    ^\n";

const nodeEmit = EventEmitter.prototype.emit;

function emit(type) {
  if (type !== 'error') return Reflect.apply(nodeEmit, this, arguments);
  const events = this._events;
  if (events !== undefined && events.error !== undefined) return Reflect.apply(nodeEmit, this, arguments);
  const er = arguments.length > 1 ? arguments[1] : undefined;
  try {
    return Reflect.apply(nodeEmit, this, arguments);
  } catch (err) {
    if (err === er && er instanceof Error) setThrowSite(er, kThrowEr);
    else if (err !== null && typeof err === 'object' && err.code === 'ERR_UNHANDLED_ERROR' && err.context === er) setThrowSite(err, kThrowErr);
    throw err;
  }
}
EventEmitter.prototype.emit = named(emit, 'emit');

