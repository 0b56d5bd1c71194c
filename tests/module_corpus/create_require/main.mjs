import { createRequire, builtinModules, isBuiltin } from 'node:module';
const require = createRequire(import.meta.url);
console.log(require('./helper.cjs'), require.resolve('./helper.cjs').endsWith('helper.cjs'));
console.log(isBuiltin('fs'), isBuiltin('node:test'), isBuiltin('nope'), builtinModules.includes('fs'));
