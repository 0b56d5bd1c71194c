// Blob, File, atob/btoa, and the buffer module's extras.
const buffer = require('buffer');
const log = (...a) => console.log(...a);

async function main() {
  log(Object.keys(buffer));
  log(buffer.Blob === Blob, buffer.File === File, buffer.atob === atob, buffer.btoa === btoa);
  log(buffer.constants, buffer.kMaxLength, buffer.kStringMaxLength, buffer.INSPECT_MAX_BYTES);

  const b = new Blob(['ab', new Uint8Array([99]), new Blob(['d']), new Uint16Array([0x6665]).buffer], { type: 'TEXT/Plain' });
  log(b, b.size, b.type, Object.keys(b), String(b), Object.prototype.toString.call(b));
  log(await b.text(), Array.from(await b.bytes()), (await b.arrayBuffer()).byteLength);
  log(b.slice(1, 3), await b.slice(1, 3).text(), await b.slice(-2).text(), b.slice(2, 1).size, b.slice(0, 2, 'A/B').type);
  log(new Blob([], { type: '\u0100bad' }).type, new Blob(['x'], { type: 'ok/Type;charset=UTF-8' }).type);
  log(await new Blob(['a\r\nb\rc'], { endings: 'native' }).text() === 'a\nb\nc', await new Blob([1, null, {}]).text());
  const s = b.stream();
  log(s);
  const parts = [];
  for await (const chunk of s) parts.push(...chunk);
  log('stream', parts);
  for (const f of [() => new Blob(5), () => new Blob('str'), () => new Blob([], 5), () => new File([]), () => new Blob([], { endings: 'x' })]) {
    try {
      log('ok', f());
    } catch (err) {
      log(err.name, err.code, err.message);
    }
  }
  try {
    await Blob.prototype.text.call({});
  } catch (err) {
    log(err.name, err.code, err.message);
  }

  const f = new File(['hello'], 'a.txt', { type: 'text/plain', lastModified: 42 });
  log(f, f.name, f.lastModified, f instanceof Blob, await f.text(), typeof new File([], 'x').lastModified);
  log(Object.getOwnPropertyNames(Blob.prototype), Object.getOwnPropertyNames(File.prototype));

  log(btoa('hello'), atob('aGVsbG8='), atob(' aGVs\nbG8 '), atob('YQ'), atob(''), btoa(''), btoa(null), atob(undefined === 1 ? '' : 'dW5kZWZpbmVk'));
  for (const input of ['***', 'a', 'YQ=', 'YQ===', 'Y=Q=', 'YQ==YQ==']) {
    try {
      log('atob', JSON.stringify(input), JSON.stringify(atob(input)));
    } catch (err) {
      log('atob', JSON.stringify(input), err.name, err.code, err.message, err instanceof DOMException);
    }
  }
  try {
    btoa('\u0100');
  } catch (err) {
    log(err.name, err.code, err.message);
  }
  for (const f of [() => atob(), () => btoa()]) {
    try {
      f();
    } catch (err) {
      log(err.name, err.code, err.message);
    }
  }

  log(buffer.isUtf8(Buffer.from('héllo €')), buffer.isUtf8(Buffer.from([0xff])), buffer.isUtf8(Buffer.from([0xed, 0xa0, 0x80])), buffer.isUtf8(new Uint8Array([0xe2, 0x82])), buffer.isUtf8(new ArrayBuffer(2)));
  log(buffer.isAscii(Buffer.from('abc')), buffer.isAscii(Buffer.from('é')), buffer.isAscii(new Uint16Array([0x7f7f])));
  try {
    buffer.isUtf8('x');
  } catch (err) {
    log(err.name, err.code, err.message);
  }
  log(buffer.transcode(Buffer.from('héllo'), 'utf8', 'latin1'), buffer.transcode(Buffer.from('h€'), 'utf8', 'ascii'));
  log(buffer.transcode(Buffer.from('h€'), 'utf8', 'ucs2'), buffer.transcode(Buffer.from('hé', 'latin1'), 'latin1', 'utf8'));
  log(buffer.transcode(Buffer.from('hi', 'ucs2'), 'ucs2', 'utf8'), buffer.transcode(Buffer.alloc(0), 'utf8', 'latin1'));
  for (const f of [() => buffer.transcode(Buffer.from('a'), 'utf8', 'nope'), () => buffer.transcode('a', 'utf8', 'latin1')]) {
    try {
      f();
    } catch (err) {
      log(err.name, err.code, err.message);
    }
  }
  log(buffer.resolveObjectURL('blob:nodedata:nothing'), buffer.resolveObjectURL('https://x'));
  log(buffer.SlowBuffer(3).length);
  buffer.INSPECT_MAX_BYTES = 2;
  log(Buffer.from([1, 2, 3, 4]), buffer.INSPECT_MAX_BYTES);
  buffer.INSPECT_MAX_BYTES = 50;
  try {
    buffer.INSPECT_MAX_BYTES = -1;
  } catch (err) {
    log(err.name, err.code, err.message);
  }
}
main();
