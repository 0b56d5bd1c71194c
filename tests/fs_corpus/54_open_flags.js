// Every flag string Node accepts, on an existing and a missing file.
const fs = require('fs');
const flags = ['r', 'rs', 'sr', 'r+', 'rs+', 'sr+', 'w', 'wx', 'xw', 'w+', 'wx+', 'xw+', 'a', 'ax', 'xa', 'as', 'sa', 'a+', 'ax+', 'xa+', 'as+', 'sa+'];
for (const flag of flags) {
  const out = [];
  for (const name of ['exists.txt', 'missing.txt']) {
    fs.rmSync(name, { force: true });
    if (name === 'exists.txt') fs.writeFileSync(name, 'old');
    try {
      const fd = fs.openSync(name, flag);
      let wrote = '-';
      try {
        wrote = fs.writeSync(fd, 'N');
      } catch (e) {
        wrote = e.code;
      }
      let read = '-';
      try {
        const b = Buffer.alloc(8);
        read = b.toString('utf8', 0, fs.readSync(fd, b, 0, 8, 0));
      } catch (e) {
        read = e.code;
      }
      fs.closeSync(fd);
      out.push(`${name}:w=${wrote},r=${read},c=${fs.readFileSync(name, 'utf8')}`);
    } catch (e) {
      out.push(`${name}:${e.code}`);
    }
  }
  console.log(flag.padEnd(4), out.join('  '));
}
