// The `events` module: the npm `events` package (Node's EventEmitter API),
// with emit()'s unhandled 'error' path made Node's (lib/events.js): an Error is
// thrown as it is and its fatal report says where it was emitted; any other
// value becomes ERR_UNHANDLED_ERROR. Both are reported at Node's throw sites.

import * as npmEvents from 'events';
import { kEnhanceStackBeforeInspector, nodeError, setThrowSite } from './errors.js';
import { named } from './native.js';

export const EventEmitter = npmEvents.default ?? npmEvents.EventEmitter;

const kThrowEr = "node:events:497\n      throw er; // Unhandled 'error' event\n      ^\n";
const kThrowErr = "node:events:510\n    throw err; // Unhandled 'error' event\n    ^\n";

function enhanceStackTrace(identicalSequenceRange, err, own) {
  let ctorInfo = '';
  try {
    const { name } = this.constructor;
    if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
  } catch {
    // Continue regardless of error.
  }
  const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;
  const errStack = err.stack.split('\n').slice(1);
  const ownStack = own.stack.split('\n').slice(1);
  const { len, offset } = identicalSequenceRange(ownStack, errStack);
  if (len > 0) ownStack.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
  return err.stack + sep + ownStack.join('\n');
}

export function installEvents({ inspect, identicalSequenceRange }) {
  const originalEmit = EventEmitter.prototype.emit;
  function emit(type, ...args) {
    if (type === 'error' && (this._events === undefined || this._events.error === undefined)) {
      const er = args.length > 0 ? args[0] : undefined;
      if (er instanceof Error) {
        try {
          const capture = {};
          Error.captureStackTrace(capture, EventEmitter.prototype.emit);
          Object.defineProperty(er, kEnhanceStackBeforeInspector, {
            value: enhanceStackTrace.bind(this, identicalSequenceRange, er, capture),
            configurable: true,
          });
        } catch {
          // Continue regardless of error.
        }
        setThrowSite(er, kThrowEr);
        throw er;
      }
      let stringifiedEr;
      try {
        stringifiedEr = inspect(er);
      } catch {
        stringifiedEr = er;
      }
      const err = nodeError(Error, 'ERR_UNHANDLED_ERROR', stringifiedEr === undefined ? 'Unhandled error.' : `Unhandled error. (${stringifiedEr})`);
      err.context = er;
      setThrowSite(err, kThrowErr);
      throw err;
    }
    return Reflect.apply(originalEmit, this, [type, ...args]);
  }
  EventEmitter.prototype.emit = named(emit, 'emit');
}
