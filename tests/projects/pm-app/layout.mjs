// Where an ES module finds the packages (realpaths: they differ between package managers).
import { createRequire } from 'node:module';

for (const specifier of ['ms', 'debug', 'graphql', 'graphql-tag', 'qs']) {
  console.log(specifier, import.meta.resolve(specifier));
}
const fromDebug = createRequire(import.meta.resolve('debug'));
console.log('ms from debug', fromDebug.resolve('ms'));
try {
  import.meta.resolve('balanced-match');
  console.log('undeclared balanced-match: found');
} catch (err) {
  console.log('undeclared balanced-match:', err.code);
}
