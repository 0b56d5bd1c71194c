// Where each package lives: this differs between package managers (hoisted, nested, symlinked).
const { createRequire } = require('module');
const fs = require('fs');

require('chalk');
require('debug');
require('graphql-tag');
require('minimatch');
require('qs');
for (const [from, name] of [['.', 'ms'], ['debug', 'ms'], ['minimatch', 'brace-expansion'], ['qs', 'side-channel'], ['graphql-tag', 'graphql'], ['graphql-tag', 'tslib']]) {
  const base = from === '.' ? __filename : require.resolve(from);
  const resolved = createRequire(base).resolve(name);
  console.log(`${name} from ${from}:`, resolved, fs.realpathSync(resolved) === resolved);
}
try {
  console.log('undeclared balanced-match:', require.resolve('balanced-match'));
} catch (err) {
  console.log('undeclared balanced-match:', err.code);
}
const loaded = Object.keys(require.cache).filter((file) => file.includes('node_modules'));
console.log('loaded', loaded.length);
for (const file of loaded.sort()) console.log(' ', file);
console.log('node_modules', fs.readdirSync('node_modules').filter((name) => !name.startsWith('.')).sort().join(' '));
