// require() of ES modules (chalk 6, lodash-es, a local .mjs), and the error for top-level await.
const chalk = require('chalk');
const lodashEs = require('lodash-es');
const greeting = require('./lib/greeting.mjs');

console.log('chalk', Object.keys(chalk).sort().join(','), typeof chalk.default, JSON.stringify(new chalk.Chalk({ level: 1 }).cyan('c')));
console.log('lodash-es', JSON.stringify(lodashEs.chunk([1, 2, 3], 2)), typeof lodashEs.default);
console.log('local', Object.keys(greeting).join(','), greeting.default, greeting.__esModule);
try {
  require('./lib/tla.mjs');
} catch (err) {
  console.log('tla', err.code, JSON.stringify(err.message.split('\n')[0]));
}
