// readable-stream's errors made Node's: its error classes set `code` on the
// prototype and read as `NodeError` under inspect; Node's have an own `code`
// and print as `Error [ERR_X]: message ... { code: 'ERR_X' }`. Every class in
// its `codes` table is replaced by one that builds the message the same way
// and returns errors.js's nodeError. This module must be imported before
// anything that evaluates readable-stream, since its modules take the
// classes out of `codes` when they load.

import errorsModule from 'readable-stream/lib/ours/errors.js';
import { nodeError } from './errors.js';

const { codes } = errorsModule;

for (const [code, Original] of Object.entries(codes)) {
  const Base = Object.getPrototypeOf(Original);
  const Replacement = {
    [code]: function (...args) {
      const { message } = Reflect.construct(Original, args);
      const err = nodeError(Base, code, message);
      Error.captureStackTrace(err, Replacement);
      return err;
    },
  }[code];
  codes[code] = Replacement;
}
