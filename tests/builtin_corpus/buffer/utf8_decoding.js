// Buffer's UTF-8 decoding: a maximal invalid subpart is one U+FFFD, as V8 under Node.
const cases = [[0xe2, 0x41], [0xf0, 0x9f, 0x41], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98, 0x80], [0xff, 0xfe], [0x80]];
for (const c of cases) console.log(JSON.stringify(Buffer.from(c).toString()), JSON.stringify(Buffer.from(c).toString('utf8', 1)));
console.log(Buffer.from('héllo wörld €').toString('utf8', 1, 5), Buffer.from('abc').toString(undefined, -1, 10), Buffer.from('abc').toString('utf-8', 2, 1));
for (const enc of [null, '', 'UTF8', 'Utf-8']) {
  try {
    console.log(JSON.stringify(enc), Buffer.from('a').toString(enc));
  } catch (e) {
    console.log(JSON.stringify(enc), e.code, e.message);
  }
}
console.log(Buffer.from('a', null), Buffer.from('', null), Buffer.alloc(2).write('hi', 0, 2, null));
