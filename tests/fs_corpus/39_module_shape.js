// The module objects: keys, types, constants, promises identity, builtin spellings.
const fs = require('fs');
console.log(Object.keys(fs).join(' '));
console.log(Object.keys(fs.promises).join(' '));
console.log(Object.keys(fs.constants).length, JSON.stringify(fs.constants));
console.log(require('node:fs') === fs, require('fs/promises') === fs.promises, require('node:fs/promises') === fs.promises);
console.log(fs.promises.constants === fs.constants);
const kinds = {};
for (const [k, v] of Object.entries(fs)) kinds[typeof v] = (kinds[typeof v] || 0) + 1;
console.log(kinds);
console.log(fs.readFileSync.name, fs.promises.readFile.name, fs.Stats.name === undefined, typeof fs.Dirent, typeof fs.ReadStream, typeof fs.WriteStream);
console.log(fs.ReadStream === fs.FileReadStream, fs.WriteStream === fs.FileWriteStream);
console.log(typeof fs.realpathSync.native, typeof fs.realpath.native);
console.log(fs._toUnixTimestamp(5), fs._toUnixTimestamp(new Date(3000)));
console.log(Object.isFrozen(fs.constants), Object.getPrototypeOf(fs.constants));
const util = require('util');
console.log(typeof util.promisify(fs.stat), typeof util.promisify(fs.read));
util.promisify(fs.read)(0, Buffer.alloc(1), 0, 0, null).then((r) => console.log('promisify-read', Object.keys(r)));
