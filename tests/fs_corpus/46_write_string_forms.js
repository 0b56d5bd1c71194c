// fs.write / writeSync with strings: position and encoding arguments in their various spellings.
const fs = require('fs');
const fd = fs.openSync('s.txt', 'w+');
console.log(fs.writeSync(fd, 'abcdef'));
console.log(fs.writeSync(fd, 'XY', 1));
console.log(fs.writeSync(fd, '5a5a', 4, 'hex'));
console.log(fs.writeSync(fd, 'é', null, 'latin1'));
console.log(JSON.stringify(fs.readFileSync('s.txt', 'latin1')));
fs.write(fd, 'Q', 0, (err, n, str) => {
  console.log('pos-cb', err, n, str);
  fs.write(fd, '7e', 2, 'hex', (err, n) => {
    console.log('enc-cb', err, n);
    fs.write(fd, 'tail', (err, n) => {
      console.log('plain-cb', err, n, JSON.stringify(fs.readFileSync('s.txt', 'latin1')));
      const b = Buffer.from('0123456789');
      fs.write(fd, b, 2, 3, 0, (err, n, buf) => {
        console.log('buf-cb', err, n, buf === b, fs.readFileSync('s.txt', 'latin1').slice(0, 5));
        fs.write(fd, b, { offset: 5, length: 2, position: 1 }, (err, n) => {
          console.log('buf-options', err, n, fs.readFileSync('s.txt', 'latin1').slice(0, 5));
          fs.closeSync(fd);
        });
      });
    });
  });
});
