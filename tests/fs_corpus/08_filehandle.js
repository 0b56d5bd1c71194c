// fs.promises.open and FileHandle methods.
const fsp = require('fs/promises');
(async () => {
  const fh = await fsp.open('h.txt', 'w+');
  console.log('fd', typeof fh.fd, fh.constructor.name);
  console.log('write', await fh.write('hello handle'));
  const w2 = await fh.write(Buffer.from('XYZ'), 0, 3, 0);
  console.log('write-pos', w2.bytesWritten);
  const r = await fh.read(Buffer.alloc(5), 0, 5, 0);
  console.log('read', r.bytesRead, r.buffer.toString());
  const r2 = await fh.read({ buffer: Buffer.alloc(4), position: 3 });
  console.log('read-options', r2.bytesRead, r2.buffer.toString());
  const r3 = await fh.read();
  console.log('read-default', r3.bytesRead, r3.buffer.length);
  console.log('stat', (await fh.stat()).size, (await fh.stat({ bigint: true })).size);
  await fh.truncate(5);
  console.log('readFile', await fh.readFile('utf8'));
  await fh.writeFile('rewritten');
  await fh.appendFile('+app');
  const all = await fsp.readFile('h.txt', 'utf8');
  console.log('content', all);
  await fh.chmod(0o600);
  await fh.sync();
  await fh.datasync();
  await fh.utimes(1000, 2000);
  const st = await fh.stat();
  console.log('mode', (st.mode & 0o777).toString(8), st.mtimeMs, st.atimeMs);
  const wv = await fh.writev([Buffer.from('a'), Buffer.from('b')], 0);
  console.log('writev', wv.bytesWritten, wv.buffers.length);
  const rv = await fh.readv([Buffer.alloc(2), Buffer.alloc(3)], 0);
  console.log('readv', rv.bytesRead, rv.buffers.map(String));
  let closed = 0;
  fh.on('close', () => closed++);
  await fh.close();
  console.log('closed', fh.fd, closed);
  await fh.close();
  for (const [label, fn] of [
    ['read-closed', () => fh.read(Buffer.alloc(1))],
    ['stat-closed', () => fh.stat()],
    ['write-closed', () => fh.write('x')],
    ['truncate-closed', () => fh.truncate()],
    ['readFile-closed', () => fh.readFile()],
    ['open-missing', () => fsp.open('missing')],
    ['open-bad-flags', () => fsp.open('h.txt', 'bogus')],
  ]) {
    try {
      await fn();
      console.log(label, 'ok');
    } catch (e) {
      console.log(label, e.code, e.syscall, e.message);
    }
  }
  const ro = await fsp.open('h.txt');
  try {
    await ro.write('nope');
  } catch (e) {
    console.log('write-ro', e.code, e.syscall, e.message);
  }
  await ro.close();
  const h = await fsp.open('h.txt');
  console.log('asyncDispose', typeof h[Symbol.asyncDispose], (await h.readFile('utf8')).length);
  await h[Symbol.asyncDispose]();
  console.log('disposed', h.fd);
})();
