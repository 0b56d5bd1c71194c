// pipeline() with an AbortSignal: AbortError when aborted.
const sp = require('stream/promises');
const { Readable, PassThrough } = require('stream');
const log = (...a) => console.log(...a);

async function main() {
  const ac = new AbortController();
  const slow = new Readable({ read() {} });
  const pr = sp.pipeline(slow, new PassThrough(), { signal: ac.signal }).catch((err) => log('p7', err.name, err.code, err.message));
  ac.abort();
  await pr;
}
main();
