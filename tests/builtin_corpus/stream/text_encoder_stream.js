// TextEncoderStream: UTF-8 bytes out, surrogate pairs split across chunks.
const log = (...a) => console.log(...a);

async function main() {
  const tes = new TextEncoderStream();
  log(tes, tes.encoding, Object.prototype.toString.call(tes));
  const writer = tes.writable.getWriter();
  const out = [];
  const reading = (async () => {
    for await (const chunk of tes.readable) out.push([chunk.constructor.name, Array.from(chunk)]);
  })();
  await writer.write('h\u00e9');
  await writer.write('\ud83d');
  await writer.write('\ude00!');
  await writer.write('\ud83d');
  await writer.close();
  await reading;
  log(JSON.stringify(out));
}
main();
