const show = (label, fn) => {
  try { console.log(label, JSON.stringify(fn())); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
const u8 = (...b) => Uint8Array.from(b);
const d = new TextDecoder();
console.log(d, d.encoding, d.fatal, d.ignoreBOM, Object.prototype.toString.call(d));
show('ascii', () => d.decode(u8(104, 105)));
show('multi', () => d.decode(u8(0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)));
show('bom', () => d.decode(u8(0xef, 0xbb, 0xbf, 0x41)));
show('ignoreBOM', () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(u8(0xef, 0xbb, 0xbf, 0x41)));
show('invalid', () => d.decode(u8(0xff, 0x41, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0xed, 0xa0, 0x80, 0xc0, 0xaf)));
show('truncated', () => d.decode(u8(0x41, 0xf0, 0x9f, 0x98)));
show('fatal', () => new TextDecoder('utf-8', { fatal: true }).decode(u8(0x41, 0xff)));
show('fatal ok', () => new TextDecoder('utf-8', { fatal: true }).decode(u8(0xc3, 0xa9)));
show('empty', () => d.decode());
show('arraybuffer', () => d.decode(u8(0x61, 0x62).buffer));
show('dataview', () => d.decode(new DataView(u8(0x78, 0x79, 0x7a).buffer, 1)));
show('u16 view', () => d.decode(new Uint16Array([0x6968])));
show('bad input', () => d.decode('str'));
show('bad input2', () => d.decode([1, 2]));
const s = new TextDecoder();
const parts = [u8(0xe2), u8(0x82), u8(0xac, 0xf0, 0x9f), u8(0x98, 0x80, 0x41)];
console.log(JSON.stringify(parts.map((p) => s.decode(p, { stream: true })).join('') + s.decode()));
const s2 = new TextDecoder();
show('stream dangling', () => s2.decode(u8(0x41, 0xe2, 0x82), { stream: true }) + s2.decode());
const sf = new TextDecoder('utf-8', { fatal: true });
show('stream fatal partial', () => sf.decode(u8(0xe2, 0x82), { stream: true }));
show('stream fatal end', () => sf.decode());
show('stream bom', () => { const t = new TextDecoder(); return t.decode(u8(0xef, 0xbb), { stream: true }) + t.decode(u8(0xbf, 0x42)); });
for (const label of ['utf8', ' UTF-8 ', 'unicode-1-1-utf-8', 'utf-16', 'utf-16le', 'UCS-2', 'utf-16be', 'latin1', 'ascii',
  'iso-8859-1', 'windows-1252', 'us-ascii', 'x-user-defined', 'nope', '', 'utf-8\u00a0']) {
  show(`label ${JSON.stringify(label)}`, () => new TextDecoder(label).encoding);
}
show('utf16le', () => new TextDecoder('utf-16le').decode(u8(0x41, 0, 0x3d, 0xd8, 0x00, 0xde, 0xff, 0xfe)));
show('utf16le bom', () => new TextDecoder('utf-16le').decode(u8(0xff, 0xfe, 0x41, 0)));
show('utf16le odd', () => new TextDecoder('utf-16le').decode(u8(0x41, 0, 0x42)));
show('utf16le lone', () => new TextDecoder('utf-16le').decode(u8(0x00, 0xd8, 0x41, 0)));
show('utf16le fatal', () => new TextDecoder('utf-16le', { fatal: true }).decode(u8(0x00, 0xdc)));
show('utf16be', () => new TextDecoder('utf-16be').decode(u8(0, 0x41, 0xd8, 0x3d, 0xde, 0x00)));
const s16 = new TextDecoder('utf-16le');
show('utf16 stream', () => [u8(0x41), u8(0, 0x3d), u8(0xd8, 0x00), u8(0xde)].map((p) => s16.decode(p, { stream: true })).join('') + s16.decode(u8(0x42, 0)));
show('latin1', () => new TextDecoder('latin1').decode(u8(0x41, 0xe9, 0xff, 0x80, 0x9f)).split('').map((c) => c.charCodeAt(0)));
show('latin1 stream', () => { const t = new TextDecoder('windows-1252'); return (t.decode(u8(0x80, 0x41), { stream: true }) + t.decode(u8(0x9f))).split('').map((c) => c.charCodeAt(0)); });
show('user-defined', () => new TextDecoder('x-user-defined').decode(u8(0x41, 0x80, 0xff)).split('').map((c) => c.charCodeAt(0)));
show('options bad', () => new TextDecoder('utf-8', 5));
show('options null', () => new TextDecoder('utf-8', null).fatal);
show('this', () => TextDecoder.prototype.decode.call({}, u8(1)));
show('encoding this', () => Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'encoding').get.call({}));
console.log(require('util').inspect(new TextDecoder('utf-16le', { fatal: true }), { showHidden: false }));
console.log(require('util').TextDecoder === TextDecoder, TextDecoder.length, Object.getOwnPropertyNames(TextDecoder.prototype));
show('double bom', () => new TextDecoder().decode(u8(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41)));
show('double bom ignore', () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(u8(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41)));
const long = new TextEncoder().encode('\ufeffstart €uro 😀 ' + 'abc€'.repeat(50) + '\ufeff end');
for (const size of [1, 2, 3, 5, 7, 17, 64, 1000]) {
  for (const opts of [{}, { ignoreBOM: true }, { fatal: true }]) {
    const t = new TextDecoder('utf-8', opts);
    let out = '';
    for (let i = 0; i < long.length; i += size) out += t.decode(long.subarray(i, i + size), { stream: true });
    out += t.decode();
    console.log(size, JSON.stringify(opts), out.length, out.charCodeAt(0).toString(16), out.slice(-6));
  }
}
const invalidLong = Uint8Array.from({ length: 300 }, (_, i) => [0x41, 0xe2, 0x82, 0xff, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0][i % 12]);
console.log(JSON.stringify(new TextDecoder().decode(invalidLong)).length, new TextDecoder().decode(invalidLong).slice(0, 12));
show('fatal long', () => new TextDecoder('utf-8', { fatal: true }).decode(invalidLong));
show('fatal long valid fffd', () => new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode('\ufffd'.repeat(30))).length);
for (const size of [1, 4, 13, 100]) {
  const t = new TextDecoder();
  let out = '';
  for (let i = 0; i < invalidLong.length; i += size) out += t.decode(invalidLong.subarray(i, i + size), { stream: true });
  console.log('invalid stream', size, out.length, out === new TextDecoder().decode(invalidLong));
}
