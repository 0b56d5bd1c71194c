// The `tty` module: the sandbox has no terminal, so isatty() is false for every
// fd and the stream classes cannot be constructed.

import { defineBuiltin } from './modules.js';
import { unsupportedError } from './errors.js';
import { named } from './native.js';

export function installTty() {
  defineBuiltin('tty', () => {
    class ReadStream {
      constructor() {
        throw unsupportedError('tty.ReadStream');
      }
    }
    class WriteStream {
      constructor() {
        throw unsupportedError('tty.WriteStream');
      }
    }
    return { isatty: named(() => false, 'isatty'), ReadStream, WriteStream };
  });
}
