// What Node's `buffer` module has beyond the npm package's Buffer: Blob and
// File (immutable byte snapshots; stream() is a web ReadableStream), atob and
// btoa (forgiving base64, DOMException errors), transcode, isUtf8, isAscii,
// Node's constants, and resolveObjectURL over the blob URL registry.

import * as npmBuffer from 'buffer';
import { ctx } from './context.js';
import { domException } from './dom_exception.js';
import { invalidArgType, nodeError } from './errors.js';
import { named } from './native.js';
import { web } from './stream_web.js';

const { Buffer, SlowBuffer } = npmBuffer;
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const kMaxLength = 2 ** 53 - 1;
const kStringMaxLength = 2 ** 29 - 24;

function missingArgs(...names) {
  const list = names.map((n) => `"${n}"`);
  const what = list.length === 1 ? `The ${list[0]} argument` : `The ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]} arguments`;
  return nodeError(TypeError, 'ERR_MISSING_ARGS', `${what} must be specified`);
}

function customInspect(self, depth, options, name, data) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${ctx.inspect(data, opts)}`;
}

// ---------------------------------------------------------------- Blob

const kBytes = Symbol('kBytes');
const kType = Symbol('kType');

function bytesOfPart(part, endings) {
  if (part instanceof Blob) return part[kBytes];
  if (part instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && part instanceof SharedArrayBuffer)) {
    return new Uint8Array(part.slice(0));
  }
  if (ArrayBuffer.isView(part)) {
    return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  }
  let text = `${part}`;
  if (endings === 'native') text = text.replace(/\r?\n/g, '\n');
  return Buffer.from(text, 'utf8');
}

function normaliseType(type) {
  const str = `${type}`;
  return /[^\u0020-\u007E]/.test(str) ? '' : str.toLowerCase();
}

function concatParts(parts) {
  let size = 0;
  for (const part of parts) size += part.byteLength;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function isDictionary(value) {
  return value === undefined || value === null || typeof value === 'object' || typeof value === 'function';
}

function blobInit(self, sources, options) {
  if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function' || typeof sources === 'string') {
    throw invalidArgType('sources', 'a sequence', sources);
  }
  if (!isDictionary(options)) throw invalidArgType('options', 'a dictionary', options);
  const endings = options?.endings === undefined ? 'transparent' : `${options.endings}`;
  if (endings !== 'transparent' && endings !== 'native') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.endings' is invalid. Received ${ctx.inspect(endings)}`);
  }
  const parts = [];
  for (const source of sources) parts.push(bytesOfPart(source, endings));
  self[kBytes] = concatParts(parts);
  self[kType] = options?.type === undefined ? '' : normaliseType(options.type);
}

function checkBlob(self) {
  if (self === null || typeof self !== 'object' || !(kBytes in self)) {
    throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Blob');
  }
}

function relativeIndex(value, size) {
  if (value === undefined) return undefined;
  let n = Math.trunc(Number(value));
  if (Number.isNaN(n)) n = 0;
  return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
}

// Date.now() as the guest's clock reads it (frozen in freeze mode), not
// through the guest's own (replaceable) Date.
function dateNow() {
  return ctx.config.timing === 'freeze' ? ctx.config.frozenTimeMs : ctx.clocks.realNow();
}

// Named through an object key, which the bundler never renames.
export const Blob = ({ Blob: class {
  constructor(sources = [], options = undefined) {
    blobInit(this, sources, options);
  }

  get type() {
    checkBlob(this);
    return this[kType];
  }

  get size() {
    checkBlob(this);
    return this[kBytes].byteLength;
  }

  slice(start = 0, end = undefined, contentType = '') {
    checkBlob(this);
    const size = this[kBytes].byteLength;
    const from = relativeIndex(start, size) ?? 0;
    const to = relativeIndex(end, size) ?? size;
    const blob = new Blob();
    blob[kBytes] = this[kBytes].subarray(from, Math.max(from, to));
    blob[kType] = contentType === undefined ? '' : normaliseType(contentType);
    return blob;
  }

  arrayBuffer() {
    if (this === null || typeof this !== 'object' || !(kBytes in this)) {
      return Promise.reject(nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Blob'));
    }
    const bytes = this[kBytes];
    return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }

  text() {
    if (this === null || typeof this !== 'object' || !(kBytes in this)) {
      return Promise.reject(nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Blob'));
    }
    const bytes = this[kBytes];
    return Promise.resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  }

  bytes() {
    if (this === null || typeof this !== 'object' || !(kBytes in this)) {
      return Promise.reject(nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Blob'));
    }
    return Promise.resolve(this[kBytes].slice());
  }

  stream() {
    checkBlob(this);
    const bytes = this[kBytes];
    let offset = 0;
    return new web.ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (offset >= bytes.byteLength) {
          controller.close();
          return;
        }
        const end = Math.min(offset + 65536, bytes.byteLength);
        controller.enqueue(bytes.slice(offset, end));
        offset = end;
        if (offset >= bytes.byteLength) controller.close();
      },
    });
  }
} }).Blob;

Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });
for (const key of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'bytes', 'stream']) {
  Object.defineProperty(Blob.prototype, key, { enumerable: true });
}
Object.defineProperty(Blob.prototype, customInspectSymbol, {
  value: named(function inspect(depth, options) {
    return customInspect(this, depth, options, 'Blob', { size: this.size, type: this.type });
  }, '[nodejs.util.inspect.custom]'),
  writable: true,
  configurable: true,
});

// ---------------------------------------------------------------- File

const kName = Symbol('kName');
const kLastModified = Symbol('kLastModified');

export const File = ({ File: class extends Blob {
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw missingArgs('fileBits', 'fileName');
    super(fileBits, options);
    this[kName] = `${fileName}`;
    const lastModified = options?.lastModified;
    this[kLastModified] = lastModified === undefined ? Math.trunc(dateNow()) : Math.trunc(Number(lastModified)) || 0;
  }

  get name() {
    if (this === null || typeof this !== 'object' || !(kName in this)) {
      throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type File');
    }
    return this[kName];
  }

  get lastModified() {
    if (this === null || typeof this !== 'object' || !(kName in this)) {
      throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type File');
    }
    return this[kLastModified];
  }
} }).File;

Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });
for (const key of ['name', 'lastModified']) Object.defineProperty(File.prototype, key, { enumerable: true });
Object.defineProperty(File.prototype, customInspectSymbol, {
  value: named(function inspect(depth, options) {
    return customInspect(this, depth, options, 'File', {
      size: this.size, type: this.type, name: this.name, lastModified: this.lastModified,
    });
  }, '[nodejs.util.inspect.custom]'),
  writable: true,
  configurable: true,
});

// ---------------------------------------------------------------- atob / btoa

const BASE64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const WHITESPACE = '\t\n\f\r ';

export const atob = named(function atob(input) {
  if (arguments.length === 0) throw missingArgs('input');
  const str = `${input}`;
  let significant = 0;
  let equals = 0;
  for (let i = 0; i < str.length; i++) {
    const ch = str[i];
    if (WHITESPACE.includes(ch)) continue;
    if (ch === '=') {
      significant++;
      equals++;
      if (equals > 2) throw domException('Invalid character', 'InvalidCharacterError');
    } else if (BASE64_CHARS.includes(ch)) {
      significant++;
      if (equals) throw domException('Invalid character', 'InvalidCharacterError');
    } else {
      throw domException('Invalid character', 'InvalidCharacterError');
    }
  }
  let remainder = significant % 4;
  if (!remainder) {
    remainder = (significant - equals) % 4;
  } else if (equals) {
    throw domException('Invalid character', 'InvalidCharacterError');
  }
  if (remainder === 1) throw domException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  return Buffer.from(str, 'base64').toString('latin1');
}, 'atob');

export const btoa = named(function btoa(input) {
  if (arguments.length === 0) throw missingArgs('input');
  const str = `${input}`;
  for (let i = 0; i < str.length; i++) {
    if (str.charCodeAt(i) > 0xff) throw domException('Invalid character', 'InvalidCharacterError');
  }
  return Buffer.from(str, 'latin1').toString('base64');
}, 'btoa');

// ---------------------------------------------------------------- isUtf8 / isAscii / transcode

function bytesOfInput(input) {
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) {
    return new Uint8Array(input);
  }
  throw invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isUtf8(input) {
  const b = bytesOfInput(input);
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need;
    let min;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return false;
    }
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

function isAscii(input) {
  const b = bytesOfInput(input);
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

const TRANSCODE_ENCODINGS = { ascii: 'ascii', latin1: 'latin1', binary: 'latin1', ucs2: 'ucs2', 'ucs-2': 'ucs2', utf16le: 'ucs2', 'utf-16le': 'ucs2', utf8: 'utf8', 'utf-8': 'utf8' };

function transcode(source, fromEncoding, toEncoding) {
  if (!(source instanceof Uint8Array)) throw invalidArgType('source', ['Buffer', 'Uint8Array'], source);
  if (source.length === 0) return Buffer.alloc(0);
  const from = TRANSCODE_ENCODINGS[`${fromEncoding}`.toLowerCase()];
  const to = TRANSCODE_ENCODINGS[`${toEncoding}`.toLowerCase()];
  if (from === undefined || to === undefined) {
    const err = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  const buf = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  let text = buf.toString(from === 'ascii' ? 'latin1' : from);
  if (to === 'ascii' || to === 'latin1') {
    const limit = to === 'ascii' ? 0x7f : 0xff;
    let out = '';
    for (const ch of text) out += ch.codePointAt(0) > limit ? '?' : ch;
    text = out;
  }
  return Buffer.from(text, to === 'ascii' ? 'latin1' : to);
}

// ---------------------------------------------------------------- blob URLs

// id -> Blob, filled by URL.createObjectURL (the url family), read by
// resolveObjectURL; cleared with the execution.
export const blobRegistry = new Map();

function resolveObjectURL(url) {
  const str = `${url}`;
  if (!str.startsWith('blob:nodedata:')) return undefined;
  const id = str.slice('blob:nodedata:'.length).split(/[?#]/)[0];
  return blobRegistry.get(id);
}

// ---------------------------------------------------------------- the module

export function buildBufferModule({ getInspectMaxBytes, setInspectMaxBytes }) {
  const mod = {
    Buffer,
    SlowBuffer,
    transcode,
    isUtf8,
    isAscii,
    kMaxLength,
    kStringMaxLength,
    btoa,
    atob,
    constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
    INSPECT_MAX_BYTES: 0,
    Blob,
    resolveObjectURL,
    File,
  };
  Object.defineProperty(mod, 'INSPECT_MAX_BYTES', {
    get: named(function get() {
      return getInspectMaxBytes();
    }, 'get'),
    set: named(function set(value) {
      if (typeof value !== 'number') throw invalidArgType('INSPECT_MAX_BYTES', 'number', value);
      if (!(value >= 0)) {
        throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "INSPECT_MAX_BYTES" is out of range. It must be >= 0. Received ${value}`);
      }
      setInspectMaxBytes(value);
    }, 'set'),
    enumerable: true,
    configurable: true,
  });
  return mod;
}
