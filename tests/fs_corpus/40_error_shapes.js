// What a program sees of an fs error: own keys, inspect output of callback errors, SystemErrors.
const fs = require('fs');
try {
  fs.openSync('nope');
} catch (e) {
  console.log(Object.keys(e), e instanceof Error, e.name, String(e), Object.getPrototypeOf(e) === Error.prototype);
}
try {
  fs.renameSync('nope', 'other');
} catch (e) {
  console.log(Object.keys(e), e.dest);
}
fs.mkdirSync('d');
fs.readFile('nope', (err) => {
  console.log(err);
  fs.rename('nope', 'x', (err) => {
    console.log(err);
    fs.rm('d', (err) => {
      console.log(err);
      console.log(Object.keys(err), err.toString(), err.name, err instanceof Error);
      fs.close(9999, (err) => {
        console.log(err);
        fs.promises.stat('nope').catch((e) => {
          console.log(Object.keys(e), e.message);
        });
      });
    });
  });
});
