// uuid (ESM only, exports with a "node" condition): name-based and seeded ids, validation.
import { v1, v3, v4, v5, v6, v7, validate, version, parse, stringify, NIL, MAX, v1ToV6 } from 'uuid';

const random = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 255);
console.log('v5', v5('example.com', v5.DNS), v5('https://example.com/', v5.URL));
console.log('v3', v3('hello', v3.DNS));
console.log('v4', v4({ random }));
console.log('v7', v7({ msecs: 1700000000000, random, seq: 0 }));
const fixed = { msecs: 1700000000000, nsecs: 42, clockseq: 0x1234, node: Uint8Array.of(1, 2, 3, 4, 5, 6) };
console.log('v1', v1(fixed), 'v6', v6(fixed), v1ToV6(v1(fixed)));
console.log('validate', validate(NIL), validate(MAX), validate('not-a-uuid'), version(v5('x', v5.DNS)));
const bytes = parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8');
console.log('parse', bytes.constructor.name, Array.from(bytes).join(','), stringify(bytes));
try {
  parse('nope');
} catch (err) {
  console.log('error', err.name, err.message);
}
console.log('resolve', import.meta.resolve('uuid'));
