// StringDecoder: partial multi-byte sequences across writes, end(), every
// encoding, invalid input, the module's shape and errors.
const { StringDecoder } = require('string_decoder');
const log = (...a) => console.log(...a);
const show = (s) => JSON.stringify(s);

log(Object.keys(require('string_decoder')));
for (const enc of [undefined, 'utf8', 'UTF-8', 'utf16le', 'ucs2', 'UCS-2', 'base64', 'base64url', 'hex', 'latin1', 'binary', 'ascii']) {
  const d = new StringDecoder(enc);
  log(enc, d.encoding);
}

// utf8: a euro sign split byte by byte, a 4-byte emoji split 2+2
let d = new StringDecoder('utf8');
log(show(d.write(Buffer.from([0xe2]))), show(d.write(Buffer.from([0x82]))), show(d.write(Buffer.from([0xac]))));
log(show(d.write(Buffer.from([0xf0, 0x9f]))), show(d.write(Buffer.from([0x98, 0x80, 0x41]))));
// incomplete at end()
log(show(d.write(Buffer.from([0xe2, 0x82]))), show(d.end()));
log(show(d.write(Buffer.from([0xf0]))), show(d.end(Buffer.from([0x41]))));
// invalid bytes
log(show(d.write(Buffer.from([0xff, 0x41, 0xc0, 0x80, 0xed, 0xa0, 0x80]))), show(d.end()));
log(show(d.write(Buffer.from([0xe2, 0x41]))), show(d.write(Buffer.from([0xe2, 0x82, 0x41]))), show(d.end()));
log(show(d.write(Buffer.from([0xf0, 0x9f, 0x41]))), show(d.end()));
log(show(d.end(Buffer.from('plain'))), show(d.end()));

// utf16le: odd byte counts and split surrogate pairs
d = new StringDecoder('utf16le');
log(show(d.write(Buffer.from([0x61]))), show(d.write(Buffer.from([0x00, 0x62]))), show(d.write(Buffer.from([0x00]))));
const pair = Buffer.from('\u{1F600}', 'utf16le');
log(show(d.write(pair.subarray(0, 2))), show(d.write(pair.subarray(2))));
log(show(d.write(pair.subarray(0, 3))), show(d.end()));
log(show(d.write(Buffer.from([0x61]))), show(d.end()));

// base64 / base64url: 3-byte groups across writes
for (const enc of ['base64', 'base64url']) {
  d = new StringDecoder(enc);
  log(enc, show(d.write(Buffer.from([0xfb]))), show(d.write(Buffer.from([0xff, 0xfe, 0x01]))), show(d.end()));
  log(enc, show(d.write(Buffer.from([1, 2, 3, 4]))), show(d.end(Buffer.from([5]))));
}

// hex, latin1, ascii
d = new StringDecoder('hex');
log(show(d.write(Buffer.from([0, 255]))), show(d.end(Buffer.from([16]))));
d = new StringDecoder('latin1');
log(show(d.write(Buffer.from([0xe9, 0x41]))));
d = new StringDecoder('ascii');
log(show(d.write(Buffer.from([0xe9, 0x41]))));

// strings pass through; typed arrays; errors
d = new StringDecoder();
log(show(d.write('already a string')), show(d.write(new Uint8Array([0x68, 0x69]))));
for (const f of [() => new StringDecoder('nope'), () => new StringDecoder(42), () => d.write(42), () => d.write(null), () => d.end(42)]) {
  try {
    log('ok', show(f()));
  } catch (err) {
    log(err.name, err.code, err.message);
  }
}
log(typeof d.lastChar, typeof d.lastNeed, typeof d.lastTotal);
