// The handful of Node internals that Node's own lib/internal/util/inspect.js
// requires. scripts/build_js.py bundles that file (and primordials.js) from
// the pinned Node binary and points each `require('internal/...')` in it at one
// of the objects below (see NODE_SHIMS there). They follow Node 22's
// lib/internal files; what the sandbox does not have (ICU, node: builtin
// sources) takes Node's own fallback path.

import { types, isError, utilBinding, getURL } from './inspect_bindings.js';
import { invalidArgType, nodeError } from './errors.js';
import { NODE_BUILTINS } from './modules.js';

const { apply: ReflectApply } = Reflect;
const StringPrototypeReplace = String.prototype.replace;
const ArrayIsArray = Array.isArray;
const colorRegExp = /\u001b\[\d\d?m/g; // eslint-disable-line no-control-regex

// internalBinding(name): only the bindings inspect.js asks for.
const bindings = {
  util: utilBinding,
  // Without ICU, inspect measures string widths with its own tables.
  config: { hasIntl: false },
};

export function internalBinding(name) {
  const binding = bindings[name];
  if (binding === undefined) throw new Error(`No such binding: ${name}`);
  return binding;
}

// internal/util
export const internalUtil = {
  customInspectSymbol: Symbol.for('nodejs.util.inspect.custom'),
  isWindows: false,
  isMacOS: false,
  getLazy(initializer) {
    let value;
    let initialized = false;
    return function () {
      if (!initialized) {
        value = initializer();
        initialized = true;
      }
      return value;
    };
  },
  isError,
  // "The built-in Array#join is slower in v8 6.0" (Node's comment; kept for identical output).
  join(output, separator) {
    let str = '';
    if (output.length !== 0) {
      const lastIndex = output.length - 1;
      for (let i = 0; i < lastIndex; i++) {
        str += output[i];
        str += separator;
      }
      str += output[lastIndex];
    }
    return str;
  },
  removeColors: (str) => ReflectApply(StringPrototypeReplace, str, [colorRegExp, '']),
};

// internal/errors
let maxStackErrorName;
let maxStackErrorMessage;
export const internalErrors = {
  isStackOverflowError(err) {
    if (maxStackErrorMessage === undefined) {
      try {
        const overflowStack = () => overflowStack();
        overflowStack();
      } catch (overflow) {
        maxStackErrorMessage = overflow.message;
        maxStackErrorName = overflow.name;
      }
    }
    return err && err.name === maxStackErrorName && err.message === maxStackErrorMessage;
  },
};

// internal/assert
export function assert(value, message) {
  if (!value) assert.fail(message);
}
assert.fail = (message) => {
  const suffix = 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
  throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', message === undefined ? suffix : `${message}\n${suffix}`);
};

// internal/bootstrap/realm: inspect dims stack frames of Node's own modules.
const builtinIds = new Set(NODE_BUILTINS);
export const realm = {
  BuiltinModule: {
    exists: (id) => id.startsWith('internal/') || builtinIds.has(id),
  },
};

// internal/validators
const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1 << 0;
const kValidateObjectAllowArray = 1 << 1;
const kValidateObjectAllowFunction = 1 << 2;
export const validators = {
  kValidateObjectAllowArray,
  validateString(value, name) {
    if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
  },
  validateObject(value, name, options = kValidateObjectNone) {
    if (options === kValidateObjectNone) {
      if (value === null || ArrayIsArray(value) || typeof value !== 'object') throw invalidArgType(name, 'Object', value);
      return;
    }
    if ((kValidateObjectAllowNullable & options) === 0 && value === null) throw invalidArgType(name, 'Object', value);
    if ((kValidateObjectAllowArray & options) === 0 && ArrayIsArray(value)) throw invalidArgType(name, 'Object', value);
    const allowFunction = (kValidateObjectAllowFunction & options) !== 0;
    if (value !== null && typeof value !== 'object' && !(allowFunction && typeof value === 'function')) {
      throw invalidArgType(name, 'Object', value);
    }
  },
};

// internal/url: inspect's isURL check and the file: URLs of colored stack traces.
export const internalUrl = {
  get URL() {
    return getURL();
  },
  pathToFileURL(path) {
    return { href: `file://${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}` };
  },
};

// buffer: inspect prints ArrayBuffer contents with Buffer's hexSlice, a
// binding method that the npm buffer package keeps internal.
const hexBytes = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));
export const buffer = {
  Buffer: {
    prototype: {
      hexSlice(start = 0, end = this.length) {
        let out = '';
        for (let i = start; i < end; i++) out += hexBytes[this[i]];
        return out;
      },
    },
  },
};

// internal/util/types
export { types };

// internal/constants: the character codes lib/path.js compares against.
export const constants = {
  CHAR_UPPERCASE_A: 65,
  CHAR_LOWERCASE_A: 97,
  CHAR_UPPERCASE_Z: 90,
  CHAR_LOWERCASE_Z: 122,
  CHAR_DOT: 46,
  CHAR_FORWARD_SLASH: 47,
  CHAR_BACKWARD_SLASH: 92,
  CHAR_COLON: 58,
  CHAR_QUESTION_MARK: 63,
};

// internal/deps/minimatch: only path.matchesGlob (experimental in Node 22) uses it.
export const minimatch = {
  minimatch() {
    const err = new Error('path.matchesGlob is not supported in sandbox');
    err.code = 'ERR_NOT_SUPPORTED_IN_SANDBOX';
    throw err;
  },
};
