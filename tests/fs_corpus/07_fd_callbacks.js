// fs.open / fs.read / fs.write / fs.close / fs.fstat with callbacks, in sequence.
const fs = require('fs');
fs.open('cb.txt', 'w+', 0o644, (err, fd) => {
  console.log('open', err, typeof fd);
  fs.write(fd, 'hello callbacks', (err, written, str) => {
    console.log('write-str', err, written, str);
    fs.write(fd, Buffer.from('!!'), 0, 2, null, (err, written, buf) => {
      console.log('write-buf', err, written, buf);
      const out = Buffer.alloc(5);
      fs.read(fd, out, 0, 5, 0, (err, bytesRead, b) => {
        console.log('read', err, bytesRead, b.toString(), b === out);
        fs.read(fd, { buffer: Buffer.alloc(3), position: 6 }, (err, n, b2) => {
          console.log('read-options', err, n, b2.toString());
          fs.fstat(fd, (err, st) => {
            console.log('fstat', err, st.size, st.isFile());
            fs.close(fd, (err) => {
              console.log('close', err);
              fs.close(fd, (err) => {
                console.log('close-again', err.code, err.syscall, err.message);
                fs.read(fd, Buffer.alloc(1), 0, 1, 0, (err, n, b3) => {
                  console.log('read-closed', err.code, n, b3.length);
                  fs.open('missing', (err, fd2) => {
                    console.log('open-missing', err.code, err.path, fd2);
                    fs.read(0, Buffer.alloc(0), 0, 0, null, (err, n) => {
                      console.log('zero-length', err, n);
                    });
                  });
                });
              });
            });
          });
        });
      });
    });
  });
});
try {
  fs.open('x.txt', 'r', 0o644);
} catch (e) {
  console.log('no-cb', e.code, e.message);
}
try {
  fs.read(1, Buffer.alloc(0), 0, 1, null, () => {});
} catch (e) {
  console.log('empty-buffer', e.code, e.message);
}
try {
  fs.read(1, Buffer.alloc(4), 0, 8, null, () => {});
} catch (e) {
  console.log('too-long', e.code, e.message);
}
