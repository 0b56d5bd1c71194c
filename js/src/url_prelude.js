// whatwg-url's lib/encoding.js builds a TextEncoder and a TextDecoder at module
// load, which happens at snapshot time, before the encoding family defines the
// real globals. This module (imported by url.js before whatwg-url) lends it a
// small UTF-8 pair for that moment; url.js takes them away again right after.
// @exodus/bytes, which loads first, keeps its own pure-JS paths.

export const lent = [];

class Utf8Encoder {
  encode(input = '') {
    const s = `${input}`;
    const out = [];
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        } else c = 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }
}

class Utf8Decoder {
  constructor(label = 'utf-8', options = {}) {
    this.fatal = Boolean(options.fatal);
    this.ignoreBOM = Boolean(options.ignoreBOM);
  }
  decode(bytes = new Uint8Array(0)) {
    const b = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
    let out = '';
    let i = 0;
    if (!this.ignoreBOM && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
    const bad = () => {
      if (this.fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
      return '\ufffd';
    };
    while (i < b.length) {
      const x = b[i];
      let need = 0;
      let cp = 0;
      let lower = 0x80;
      let upper = 0xbf;
      if (x < 0x80) {
        out += String.fromCharCode(x);
        i++;
        continue;
      } else if (x >= 0xc2 && x <= 0xdf) {
        need = 1;
        cp = x & 0x1f;
      } else if (x >= 0xe0 && x <= 0xef) {
        need = 2;
        cp = x & 0xf;
        if (x === 0xe0) lower = 0xa0;
        if (x === 0xed) upper = 0x9f;
      } else if (x >= 0xf0 && x <= 0xf4) {
        need = 3;
        cp = x & 0x7;
        if (x === 0xf0) lower = 0x90;
        if (x === 0xf4) upper = 0x8f;
      } else {
        out += bad();
        i++;
        continue;
      }
      let j = 1;
      for (; j <= need; j++) {
        const y = b[i + j];
        if (y === undefined || y < lower || y > upper) break;
        lower = 0x80;
        upper = 0xbf;
        cp = (cp << 6) | (y & 0x3f);
      }
      if (j <= need) {
        out += bad();
        i += j;
        continue;
      }
      out += String.fromCodePoint(cp);
      i += need + 1;
    }
    return out;
  }
}

for (const [name, value] of [['TextEncoder', Utf8Encoder], ['TextDecoder', Utf8Decoder]]) {
  if (typeof globalThis[name] === 'undefined') {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
    lent.push(name);
  }
}
