// uuid: deterministic v3/v5, v4/v7 shapes, validate/version/parse/stringify.
import { v1, v3, v4, v5, v6, v7, NIL, MAX, validate, version, parse, stringify } from 'uuid';

const NS = '1b671a64-40d5-491e-99b0-da01ff1f3341';
console.log('v5 dns', v5('example.com', v5.DNS));
console.log('v5 url', v5('https://example.com/a?b=c', v5.URL));
console.log('v5 custom', v5('hello', NS));
console.log('v3 dns', v3('example.com', v3.DNS));
console.log('v3 bytes', v3(new Uint8Array([1, 2, 3]), NS));
const a = v4();
const b = v4();
console.log('v4 shape', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(a), a !== b, version(a));
console.log('v4 random', v4({ random: Uint8Array.from({ length: 16 }, (_, i) => i * 7) }));
console.log('v7 fixed', v7({ msecs: 1700000000000, seq: 0, random: new Uint8Array(16).fill(9) }));
console.log('v7 shape', version(v7()), validate(v7()));
console.log('v1 fixed', v1({ msecs: 1700000000000, nsecs: 5, clockseq: 0x1234, node: Uint8Array.of(1, 2, 3, 4, 5, 6) }));
console.log('v6 fixed', v6({ msecs: 1700000000000, nsecs: 5, clockseq: 0x1234, node: Uint8Array.of(1, 2, 3, 4, 5, 6) }));
console.log('nil max', NIL, MAX, validate(NIL), validate('nope'));
const bytes = parse(NS);
console.log('parse', Array.from(bytes).join(','), stringify(bytes) === NS);
try {
  parse('zzz');
} catch (err) {
  console.log('error', err.name, err.message);
}
