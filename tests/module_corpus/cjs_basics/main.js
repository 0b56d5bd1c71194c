const a = require('./lib/a');
const again = require('./lib/a.js');
console.log(a.name, a === again, typeof require.cache[require.resolve('./lib/a')]);
console.log(require('./data.json').items.length, require('./lib'));
console.log(module.id, require.main === module, module.filename.endsWith('main.js'), __filename.endsWith('main.js'));
console.log(require.resolve('./lib/a').slice(-8), require.resolve('fs'), require.resolve('node:path'));
console.log(module.children.length, module.paths.length > 0);
try { require('./missing'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
try { require('nope-pkg'); } catch (e) { console.log(e.code, e.message.split('\n')[0], e.requireStack.length); }
