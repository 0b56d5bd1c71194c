// Node 22's StringDecoder. UTF-8 is decoded as the WHATWG Encoding spec
// decodes it (what V8 does under Node): each maximal invalid subpart becomes
// one U+FFFD, a sequence cut at the end of a write waits for the next one,
// and end() turns an unfinished sequence into U+FFFD. UTF-16LE keeps an odd
// byte and a trailing lead surrogate; base64 keeps up to two bytes.

import { Buffer } from 'buffer';
import { invalidArgType, nodeError } from './errors.js';

const ENCODINGS = {
  utf8: 'utf8', 'utf-8': 'utf8',
  ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le',
  latin1: 'latin1', binary: 'latin1',
  base64: 'base64', base64url: 'base64url',
  hex: 'hex', ascii: 'ascii',
};

function normalizeEncoding(encoding) {
  if (encoding === undefined || encoding === null || encoding === '') return 'utf8';
  return ENCODINGS[`${encoding}`.toLowerCase()];
}

const kState = Symbol('kStringDecoderState');

function fromCodes(units) {
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode.apply(null, units.slice(i, i + 8192));
  return out;
}

// The WHATWG UTF-8 decoder, resumable: `s` carries the unfinished sequence.
function decodeUtf8(s, bytes, flush) {
  let units = [];
  // The decoded text so far, in pieces: bounds the code unit array's size.
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (units.length >= 8192) {
      out += String.fromCharCode.apply(null, units);
      units = [];
    }
    const byte = bytes[i];
    if (s.needed === 0) {
      if (byte <= 0x7f) {
        units.push(byte);
      } else if (byte >= 0xc2 && byte <= 0xdf) {
        s.needed = 1;
        s.cp = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) s.lower = 0xa0;
        if (byte === 0xed) s.upper = 0x9f;
        s.needed = 2;
        s.cp = byte & 0xf;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) s.lower = 0x90;
        if (byte === 0xf4) s.upper = 0x8f;
        s.needed = 3;
        s.cp = byte & 0x7;
      } else {
        units.push(0xfffd);
        continue;
      }
      s.bytes = [byte];
      continue;
    }
    if (byte < s.lower || byte > s.upper) {
      // The unfinished sequence is one U+FFFD; the byte starts afresh.
      resetUtf8(s);
      units.push(0xfffd);
      i--;
      continue;
    }
    s.lower = 0x80;
    s.upper = 0xbf;
    s.cp = (s.cp << 6) | (byte & 0x3f);
    s.bytes.push(byte);
    if (s.bytes.length - 1 === s.needed) {
      const cp = s.cp;
      resetUtf8(s);
      if (cp > 0xffff) {
        units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      } else {
        units.push(cp);
      }
    }
  }
  if (flush && s.needed !== 0) {
    resetUtf8(s);
    units.push(0xfffd);
  }
  return out + fromCodes(units);
}

// One-shot WHATWG UTF-8 decoding (Buffer's toString('utf8')).
export function utf8Decode(bytes) {
  const s = { bytes: [] };
  resetUtf8(s);
  return decodeUtf8(s, bytes, true);
}

function resetUtf8(s) {
  s.needed = 0;
  s.cp = 0;
  s.lower = 0x80;
  s.upper = 0xbf;
  s.bytes = [];
}

function decodeUtf16(s, bytes, flush) {
  let data = bytes;
  if (s.bytes.length) {
    data = new Uint8Array(s.bytes.length + bytes.length);
    data.set(s.bytes, 0);
    data.set(bytes, s.bytes.length);
  }
  const whole = data.length - (data.length % 2);
  const units = [];
  for (let i = 0; i < whole; i += 2) units.push(data[i] | (data[i + 1] << 8));
  s.bytes = Array.from(data.subarray(whole));
  // A lead surrogate at the end waits for its trail (or for end()).
  // (Node emits it at once when an odd byte follows it.)
  if (whole === data.length && units.length && units[units.length - 1] >= 0xd800 && units[units.length - 1] <= 0xdbff) {
    const lead = units.pop();
    s.bytes = [lead & 0xff, lead >> 8, ...s.bytes];
  }
  let out = fromCodes(units);
  if (flush) {
    if (s.bytes.length >= 2) out += String.fromCharCode(s.bytes[0] | (s.bytes[1] << 8));
    s.bytes = [];
  }
  return out;
}

function decodeBase64(s, bytes, flush, encoding) {
  let data = bytes;
  if (s.bytes.length) {
    data = new Uint8Array(s.bytes.length + bytes.length);
    data.set(s.bytes, 0);
    data.set(bytes, s.bytes.length);
  }
  const whole = flush ? data.length : data.length - (data.length % 3);
  s.bytes = flush ? [] : Array.from(data.subarray(whole));
  if (whole === 0) return '';
  return Buffer.from(data.buffer, data.byteOffset, whole).toString(encoding);
}

function decode(self, buf, flush) {
  const s = self[kState];
  const bytes = buf === undefined ? new Uint8Array(0) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  switch (s.encoding) {
    case 'utf8': return decodeUtf8(s, bytes, flush);
    case 'utf16le': return decodeUtf16(s, bytes, flush);
    case 'base64':
    case 'base64url': return decodeBase64(s, bytes, flush, s.encoding);
    default: return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(s.encoding);
  }
}

function validateBuf(buf) {
  if (!ArrayBuffer.isView(buf)) throw invalidArgType('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
}

export class StringDecoder {
  constructor(encoding) {
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
    this.encoding = normalized;
    const state = { encoding: normalized, bytes: [] };
    resetUtf8(state);
    Object.defineProperty(this, kState, { value: state, enumerable: false });
  }

  write(buf) {
    if (typeof buf === 'string') return buf;
    validateBuf(buf);
    return decode(this, buf, false);
  }

  end(buf) {
    let out = '';
    if (buf !== undefined) out = this.write(buf);
    return out + decode(this, undefined, true);
  }

  text(buf, offset) {
    validateBuf(buf);
    this[kState].bytes = [];
    resetUtf8(this[kState]);
    return this.write(buf.subarray(offset));
  }

  get lastChar() {
    const out = Buffer.alloc(4);
    out.set(this[kState].bytes.slice(0, 4));
    return out;
  }

  get lastNeed() {
    const s = this[kState];
    if (s.encoding === 'utf8') return s.needed === 0 ? 0 : s.needed + 1 - s.bytes.length;
    if (s.encoding === 'utf16le') return s.bytes.length % 2 ? 1 : s.bytes.length ? 2 : 0;
    if (s.encoding === 'base64' || s.encoding === 'base64url') return s.bytes.length ? 3 - s.bytes.length : 0;
    return 0;
  }

  get lastTotal() {
    const s = this[kState];
    if (s.encoding === 'utf8') return s.needed === 0 ? 0 : s.needed + 1;
    if (s.encoding === 'utf16le') return s.bytes.length > 2 ? 4 : s.bytes.length ? 2 : 0;
    if (s.encoding === 'base64' || s.encoding === 'base64url') return s.bytes.length ? 3 : 0;
    return 0;
  }
}
for (const key of ['lastChar', 'lastNeed', 'lastTotal']) {
  Object.defineProperty(StringDecoder.prototype, key, { enumerable: true });
}
