import assert, { strictEqual, deepStrictEqual, strict } from 'node:assert';
import strictAssert from 'node:assert/strict';
console.log(typeof assert, typeof strictEqual, typeof deepStrictEqual, strict === strictAssert);
try { assert.ok(1 === 2); } catch (e) { console.log(JSON.stringify(e.message)); }
try { strictAssert.equal(1, '1'); } catch (e) { console.log(JSON.stringify(e.message)); }
