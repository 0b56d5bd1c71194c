// The text codecs behind TextEncoder/TextDecoder: what Node's
// internalBinding('encoding_binding') and ICU's converters do for the
// encodings the sandbox has (utf-8, utf-16le, utf-16be and the legacy
// single-byte ones, as Node's ICU has them), per the WHATWG Encoding Standard: invalid input becomes
// U+FFFD, or an ERR_ENCODING_INVALID_ENCODED_DATA TypeError when fatal.

import { ctx } from './context.js';
import { nodeError } from './errors.js';
import singleByteTables from 'secure-exec:single-byte-tables';

// Builtins as the bridge found them (a guest may replace the prototypes' methods).
const uncurry = (fn) => (self, ...args) => Reflect.apply(fn, self, args);
const ReflectApply = Reflect.apply;
const fromCharCode = String.fromCharCode;
const ArrayPrototypePush = uncurry(Array.prototype.push);
const ArrayPrototypeJoin = uncurry(Array.prototype.join);
const TypedArrayPrototypeSubarray = uncurry(Uint8Array.prototype.subarray);
const StringPrototypeIncludes = uncurry(String.prototype.includes);
const StringPrototypeCharCodeAt = uncurry(String.prototype.charCodeAt);
const StringPrototypeSlice = uncurry(String.prototype.slice);
const StringPrototypeIsWellFormed = uncurry(String.prototype.isWellFormed);
const StringPrototypeToWellFormed = uncurry(String.prototype.toWellFormed);
const JSONParse = JSON.parse;
const ObjectHasOwn = Object.hasOwn;
const CHUNK = 8192;

function invalidData(encoding) {
  return nodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', `The encoded data was not valid for encoding ${encoding}`);
}

// The bytes of an ArrayBuffer, SharedArrayBuffer or view, as node_buffer's
// ArrayBufferViewContents reads them.
function bytesOf(input) {
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (ctx.core.isAnyArrayBuffer(input)) return new Uint8Array(input);
  throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
}

// Collects UTF-16 code units and joins them in bounded chunks.
class Output {
  constructor() {
    this.parts = [];
    this.units = [];
  }
  push(unit) {
    ArrayPrototypePush(this.units, unit);
    if (this.units.length >= CHUNK) this.flush();
  }
  pushCodePoint(cp) {
    if (cp > 0xffff) {
      cp -= 0x10000;
      this.push(0xd800 + (cp >> 10));
      this.push(0xdc00 + (cp & 0x3ff));
    } else {
      this.push(cp);
    }
  }
  flush() {
    if (this.units.length > 0) {
      ArrayPrototypePush(this.parts, ReflectApply(fromCharCode, null, this.units));
      this.units = [];
    }
  }
  text() {
    this.flush();
    return this.parts.length === 1 ? this.parts[0] : ArrayPrototypeJoin(this.parts, '');
  }
}

// ---------------------------------------------------------------- UTF-8

// The WHATWG UTF-8 decoder; `state` carries a partial sequence between calls.
class Utf8Decoder {
  constructor(fatal) {
    this.fatal = fatal;
    this.codePoint = 0;
    this.needed = 0;
    this.seen = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
  error(out) {
    if (this.fatal) {
      this.reset();
      throw invalidData('utf-8');
    }
    out.push(0xfffd);
  }
  reset() {
    this.codePoint = 0;
    this.needed = 0;
    this.seen = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
  decode(bytes, flush, out) {
    // Fast path: the engine's native decoder (WHATWG's replacement rules) for
    // every complete sequence; this state machine only for a partial tail, or
    // to find the error when a fatal decoder's input is not valid.
    if (this.needed === 0 && bytes.length > 16) {
      const cut = flush ? bytes.length : completeLength(bytes);
      const text = decodeKeepingBOM(TypedArrayPrototypeSubarray(bytes, 0, cut));
      if (!this.fatal || !StringPrototypeIncludes(text, '\ufffd')) {
        out.flush();
        ArrayPrototypePush(out.parts, text);
        bytes = TypedArrayPrototypeSubarray(bytes, cut);
      }
    }
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      if (this.needed === 0) {
        // ASCII runs need no state.
        let j = i;
        while (j < n && bytes[j] < 0x80) j++;
        if (j > i) {
          for (let k = i; k < j; k += CHUNK) {
            out.flush();
            ArrayPrototypePush(out.parts, ReflectApply(fromCharCode, null, TypedArrayPrototypeSubarray(bytes, k, Math.min(j, k + CHUNK))));
          }
          i = j;
          if (i === n) break;
        }
        const byte = bytes[i++];
        if (byte >= 0xc2 && byte <= 0xdf) {
          this.needed = 1;
          this.codePoint = byte & 0x1f;
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lower = 0xa0;
          if (byte === 0xed) this.upper = 0x9f;
          this.needed = 2;
          this.codePoint = byte & 0xf;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lower = 0x90;
          if (byte === 0xf4) this.upper = 0x8f;
          this.needed = 3;
          this.codePoint = byte & 0x7;
        } else {
          this.error(out);
        }
        continue;
      }
      const byte = bytes[i];
      if (byte < this.lower || byte > this.upper) {
        // The byte starts over (it is not consumed).
        this.reset();
        this.error(out);
        continue;
      }
      i++;
      this.lower = 0x80;
      this.upper = 0xbf;
      this.codePoint = (this.codePoint << 6) | (byte & 0x3f);
      this.seen++;
      if (this.seen === this.needed) {
        const cp = this.codePoint;
        this.reset();
        out.pushCodePoint(cp);
      }
    }
    if (flush && this.needed !== 0) {
      this.reset();
      this.error(out);
    }
  }
}

// How many leading bytes end on a sequence boundary (a partial sequence at the
// end waits for the next chunk).
function completeLength(bytes) {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i];
    if (b < 0x80) return n;
    if (b < 0xc0) continue;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return n - i < size ? i : n;
  }
  return n;
}

// The engine's decoder drops a leading BOM; inside a stream it is text.
function decodeKeepingBOM(bytes) {
  let prefix = '';
  while (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    prefix += '\ufeff';
    bytes = TypedArrayPrototypeSubarray(bytes, 3);
  }
  return prefix + ctx.core.decode(bytes);
}

// ---------------------------------------------------------------- UTF-16

class Utf16Decoder {
  constructor(fatal, bigEndian) {
    this.fatal = fatal;
    this.bigEndian = bigEndian;
    this.leadByte = -1;
    this.leadSurrogate = -1;
    this.encoding = bigEndian ? 'utf-16be' : 'utf-16le';
  }
  error(out) {
    if (this.fatal) {
      this.leadByte = -1;
      this.leadSurrogate = -1;
      throw invalidData(this.encoding);
    }
    out.push(0xfffd);
  }
  unit(cu, out) {
    if (this.leadSurrogate !== -1) {
      const lead = this.leadSurrogate;
      this.leadSurrogate = -1;
      if (cu >= 0xdc00 && cu <= 0xdfff) {
        out.push(lead);
        out.push(cu);
        return;
      }
      this.error(out);
    }
    if (cu >= 0xd800 && cu <= 0xdbff) {
      this.leadSurrogate = cu;
    } else if (cu >= 0xdc00 && cu <= 0xdfff) {
      this.error(out);
    } else {
      out.push(cu);
    }
  }
  decode(bytes, flush, out) {
    for (let i = 0; i < bytes.length; i++) {
      if (this.leadByte === -1) {
        this.leadByte = bytes[i];
        continue;
      }
      const cu = this.bigEndian ? (this.leadByte << 8) | bytes[i] : this.leadByte | (bytes[i] << 8);
      this.leadByte = -1;
      this.unit(cu, out);
    }
    if (flush && (this.leadByte !== -1 || this.leadSurrogate !== -1)) {
      this.leadByte = -1;
      this.leadSurrogate = -1;
      this.error(out);
    }
  }
}

// ---------------------------------------------------------------- single-byte

// Each legacy single-byte encoding's 256 code points, generated at build time
// from the pinned Node's ICU (scripts/build_js.py); U+FFFD marks a byte with
// no code point.
let singleByte;
function singleByteTable(encoding) {
  singleByte ??= JSONParse(singleByteTables);
  return ObjectHasOwn(singleByte, encoding) ? singleByte[encoding] : undefined;
}

class SingleByteDecoder {
  constructor(encoding, table, fatal) {
    this.encoding = encoding;
    this.table = table;
    this.fatal = fatal;
  }
  decode(bytes, flush, out) {
    const { table } = this;
    for (let i = 0; i < bytes.length; i++) {
      const unit = StringPrototypeCharCodeAt(table, bytes[i]);
      if (unit === 0xfffd && this.fatal) throw invalidData(this.encoding);
      out.push(unit);
    }
  }
}

const decoders = {
  'utf-8': (fatal) => new Utf8Decoder(fatal),
  'utf-16le': (fatal) => new Utf16Decoder(fatal, false),
  'utf-16be': (fatal) => new Utf16Decoder(fatal, true),
};
function makeDecoder(encoding, fatal) {
  if (ObjectHasOwn(decoders, encoding)) return decoders[encoding](fatal);
  const table = singleByteTable(encoding);
  return table === undefined ? undefined : new SingleByteDecoder(encoding, table, fatal);
}

// ---------------------------------------------------------------- encoding_binding

const encodeIntoResults = new Uint32Array(2);

function encodeUtf8String(input) {
  return ctx.core.encode(StringPrototypeIsWellFormed(input) ? input : StringPrototypeToWellFormed(input));
}

// TextEncoder.encodeInto: whole code points only, as many as fit.
function encodeInto(src, dest) {
  const n = src.length;
  const cap = dest.length;
  let read = 0;
  let written = 0;
  while (read < n) {
    let cp = StringPrototypeCharCodeAt(src, read);
    let units = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && read + 1 < n) {
      const next = StringPrototypeCharCodeAt(src, read + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        units = 2;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (written + size > cap) break;
    if (size === 1) {
      dest[written] = cp;
    } else if (size === 2) {
      dest[written] = 0xc0 | (cp >> 6);
      dest[written + 1] = 0x80 | (cp & 0x3f);
    } else if (size === 3) {
      dest[written] = 0xe0 | (cp >> 12);
      dest[written + 1] = 0x80 | ((cp >> 6) & 0x3f);
      dest[written + 2] = 0x80 | (cp & 0x3f);
    } else {
      dest[written] = 0xf0 | (cp >> 18);
      dest[written + 1] = 0x80 | ((cp >> 12) & 0x3f);
      dest[written + 2] = 0x80 | ((cp >> 6) & 0x3f);
      dest[written + 3] = 0x80 | (cp & 0x3f);
    }
    written += size;
    read += units;
  }
  encodeIntoResults[0] = read;
  encodeIntoResults[1] = written;
}

function decodeUTF8(input, ignoreBOM, fatal) {
  let bytes = bytesOf(input);
  if (!ignoreBOM && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = TypedArrayPrototypeSubarray(bytes, 3);
  const out = new Output();
  new Utf8Decoder(fatal).decode(bytes, true, out);
  return out.text();
}

// Node 22's windows-1252 fast path decodes ISO-8859-1 (each byte is its code point).
function decodeLatin1(input) {
  const bytes = bytesOf(input);
  const out = new Output();
  for (let k = 0; k < bytes.length; k += CHUNK) {
    ArrayPrototypePush(out.parts, ReflectApply(fromCharCode, null, TypedArrayPrototypeSubarray(bytes, k, k + CHUNK)));
  }
  return out.text();
}

export const encodingBinding = { encodeInto, encodeIntoResults, encodeUtf8String, decodeUTF8, decodeLatin1 };

// ---------------------------------------------------------------- ICU converters

const FLUSH = 0x1;
const FATAL = 0x2;
const IGNORE_BOM = 0x4;

class Converter {
  constructor(encoding, flags) {
    this.encoding = encoding;
    this.decoder = makeDecoder(encoding, (flags & FATAL) !== 0);
    this.unicode = encoding.startsWith('utf-');
    this.ignoreBOM = (flags & IGNORE_BOM) !== 0;
    this.bomSeen = false;
  }
}

export const icuBinding = {
  getConverter(encoding, flags) {
    if (!ObjectHasOwn(decoders, encoding) && singleByteTable(encoding) === undefined) return undefined;
    return new Converter(encoding, flags);
  },
  decode(converter, input, flags) {
    const bytes = bytesOf(input);
    const flush = (flags & FLUSH) !== 0;
    const out = new Output();
    try {
      converter.decoder.decode(bytes, flush, out);
    } catch (err) {
      converter.bomSeen = false;
      throw err;
    }
    let text = out.text();
    if (converter.unicode && !converter.ignoreBOM && !converter.bomSeen && text.length > 0) {
      if (StringPrototypeCharCodeAt(text, 0) === 0xfeff) text = StringPrototypeSlice(text, 1);
      converter.bomSeen = true;
    }
    if (flush) converter.bomSeen = false;
    return text;
  },
};
