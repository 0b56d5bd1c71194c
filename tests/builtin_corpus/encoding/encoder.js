const e = new TextEncoder();
console.log(e, e.encoding, Object.prototype.toString.call(e), Object.getOwnPropertyNames(TextEncoder.prototype));
console.log(e.encode('h€llo 😀'), e.encode(), e.encode(undefined), e.encode(123), e.encode('\ud800x\udc00'));
console.log(e.encode({ toString() { return 'obj'; } }));
const dest = new Uint8Array(5);
console.log(e.encodeInto('a€😀', dest), dest);
console.log(e.encodeInto('', new Uint8Array(0)), e.encodeInto('abc', new Uint8Array(2)), e.encodeInto('\ud800', new Uint8Array(4)));
console.log(e.encodeInto('😀😀', new Uint8Array(7)));
for (const [src, d] of [[1, new Uint8Array(1)], ['x', new Uint16Array(1)], ['x', null], ['x', Buffer.alloc(2)]]) {
  try { console.log(e.encodeInto(src, d)); } catch (err) { console.log(err.name, err.code, err.message); }
}
try { TextEncoder.prototype.encode.call({}); } catch (err) { console.log(err.name, err.code, err.message); }
const big = 'x€'.repeat(100000);
const bytes = e.encode(big);
console.log(bytes.length, new TextDecoder().decode(bytes) === big);
const { TextEncoder: UE } = require('util');
console.log(UE === TextEncoder, require('util').inspect(e, { depth: -1 }));
