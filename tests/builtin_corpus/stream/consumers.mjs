// stream/consumers over Node streams, web streams and async iterables.
import { text, json, buffer, arrayBuffer, blob } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import * as consumers from 'node:stream/consumers';

console.log(Object.keys(consumers).sort());
console.log(await text(Readable.from(['he', 'llo'])));
console.log(await json(Readable.from(['{"a":', '[1,2]}'])));
console.log(await buffer(Readable.from([Buffer.from('ab'), Buffer.from('c')])));
const ab = await arrayBuffer(Readable.from([Buffer.from([1, 2, 3])]));
console.log(ab instanceof ArrayBuffer, ab.byteLength);
const b = await blob(Readable.from(['xyz']));
console.log(b, await b.text());
console.log(await text(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([0xe2, 0x82])); c.enqueue(new Uint8Array([0xac])); c.close(); } })));
console.log(JSON.stringify(await text(Readable.from([Buffer.from([0xef, 0xbb, 0xbf, 0x41])]))));
try {
  await json(Readable.from(['{bad']));
} catch (err) {
  console.log(err.name);
}
