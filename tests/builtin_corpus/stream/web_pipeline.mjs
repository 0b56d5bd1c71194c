// pipeline() across Node and web streams, Duplex.fromWeb/toWeb, text streams.
import { pipeline } from 'node:stream/promises';
import { Readable, Writable, Duplex, PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';

const out = [];
await pipeline(
  new ReadableStream({ start(c) { c.enqueue('w1'); c.enqueue('w2'); c.close(); } }),
  new Writable({ objectMode: true, write(chunk, enc, cb) { out.push(chunk); cb(); } }),
);
console.log('web -> node', out);

const seen = [];
await pipeline(
  Readable.from(['n1', 'n2']),
  new TransformStream({ transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); } }),
  new WritableStream({ write(chunk) { seen.push(chunk); } }),
);
console.log('node -> web', seen);

const pair = Duplex.toWeb(new PassThrough());
const writer = pair.writable.getWriter();
writer.write(new Uint8Array(Buffer.from('duplex'))).then(() => writer.close());
console.log('Duplex.toWeb', await text(pair.readable));

const { readable, writable } = new TransformStream();
const duplex = Duplex.fromWeb({ readable, writable }, { encoding: 'utf8' });
duplex.end('via fromWeb');
let got = '';
for await (const chunk of duplex) got += chunk;
console.log('Duplex.fromWeb', got);

const wstream = Writable.fromWeb(new WritableStream({ write(chunk) { console.log('sink', chunk); } }));
wstream.write('abc');
await new Promise((resolve) => wstream.end(resolve));
console.log('done');
