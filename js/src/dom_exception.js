// DOMException as Node 22 defines it (WebIDL): name, message and code are
// getters on the prototype, the legacy code constants live on both the class
// and its prototype, and an instance is an Error with its own stack.

const kState = Symbol('DOMException state');

// Legacy names and their codes (WebIDL's error names table).
const LEGACY_CODES = [
  ['IndexSizeError', 'INDEX_SIZE_ERR', 1],
  ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR', 2],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR', 3],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR', 4],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR', 5],
  ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR', 6],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR', 7],
  ['NotFoundError', 'NOT_FOUND_ERR', 8],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR', 9],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR', 10],
  ['InvalidStateError', 'INVALID_STATE_ERR', 11],
  ['SyntaxError', 'SYNTAX_ERR', 12],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR', 13],
  ['NamespaceError', 'NAMESPACE_ERR', 14],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR', 15],
  ['ValidationError', 'VALIDATION_ERR', 16],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR', 17],
  ['SecurityError', 'SECURITY_ERR', 18],
  ['NetworkError', 'NETWORK_ERR', 19],
  ['AbortError', 'ABORT_ERR', 20],
  ['URLMismatchError', 'URL_MISMATCH_ERR', 21],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 22],
  ['TimeoutError', 'TIMEOUT_ERR', 23],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR', 24],
  ['DataCloneError', 'DATA_CLONE_ERR', 25],
];
const codeOf = new Map(LEGACY_CODES.map(([name, , code]) => [name, code]));

function state(self) {
  const s = self?.[kState];
  if (s === undefined) {
    const err = new TypeError('Value of "this" must be of type DOMException');
    err.code = 'ERR_INVALID_THIS';
    throw err;
  }
  return s;
}

// Named by its property key, which the bundler never renames (it renames bindings
// that shadow a global the bundle uses), so V8 and inspect see 'DOMException'.
export const DOMException = ({ DOMException: class {
  constructor(message = '', options = 'Error') {
    const err = new Error();
    Error.captureStackTrace(err, DOMException);
    // The instance carries the stack as an own property, like Node's.
    Object.defineProperty(this, 'stack', {
      value: undefined, writable: true, configurable: true, enumerable: false,
    });
    let name = 'Error';
    let cause;
    let hasCause = false;
    if (options !== null && typeof options === 'object') {
      if ('name' in options) name = `${options.name}`;
      if ('cause' in options) {
        hasCause = true;
        cause = options.cause;
      }
    } else if (options !== undefined) {
      name = `${options}`;
    }
    Object.defineProperty(this, kState, { value: { message: `${message}`, name }, enumerable: false });
    if (hasCause) Object.defineProperty(this, 'cause', { value: cause, writable: true, configurable: true, enumerable: false });
    const lines = err.stack.split('\n');
    lines[0] = message === '' || `${message}` === '' ? name : `${name}: ${message}`;
    this.stack = lines.join('\n');
  }

  get name() {
    return state(this).name;
  }

  get message() {
    return state(this).message;
  }

  get code() {
    return codeOf.get(state(this).name) ?? 0;
  }
} }).DOMException;

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
for (const key of ['name', 'message', 'code']) {
  const desc = Object.getOwnPropertyDescriptor(DOMException.prototype, key);
  Object.defineProperty(DOMException.prototype, key, { ...desc, enumerable: true });
}
for (const [, constant, code] of LEGACY_CODES) {
  const desc = { value: code, enumerable: true, writable: false, configurable: false };
  Object.defineProperty(DOMException, constant, desc);
  Object.defineProperty(DOMException.prototype, constant, desc);
}

// A DOMException with the given name: the shape every web API here throws.
export function domException(message, name) {
  return new DOMException(message, name);
}
