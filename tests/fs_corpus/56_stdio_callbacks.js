// Callback and promise forms on descriptors 0-2, one after another (their order is fixed).
const fs = require('fs');
const util = require('util');
console.log('start');
fs.write(1, 'cb string\n', (err, written, str) => {
  console.log('write', err, written, JSON.stringify(str));
  fs.write(2, Buffer.from('cb buffer\n'), 0, 10, null, (err2, n, buf) => {
    console.log('write buffer', err2, n, Buffer.isBuffer(buf));
    fs.writev(1, [Buffer.from('cb '), Buffer.from('writev\n')], (err3, n3) => {
      console.log('writev', err3, n3);
      fs.fstat(1, (err4, st) => {
        console.log('fstat', err4, st.isFIFO(), st.isFile(), st.size);
        fs.fsync(2, (err5) => {
          console.log('fsync', err5.code, err5.syscall, err5.message);
          fs.read(0, Buffer.alloc(8), 0, 8, null, (err6, n6) => {
            console.log('read stdin', err6, n6);
            promises().then(() => console.log('end'));
          });
        });
      });
    });
  });
});

async function promises() {
  const write = util.promisify(fs.write);
  console.log('promisified', JSON.stringify(await write(1, 'via promisify\n')));
  await fs.promises.writeFile('/dev/stdout', 'promises.writeFile /dev/stdout\n');
  await fs.promises.appendFile('/dev/stderr', 'promises.appendFile /dev/stderr\n');
  try {
    await util.promisify(fs.ftruncate)(1, 0);
  } catch (err) {
    console.log('ftruncate', err.code, err.message);
  }
}
