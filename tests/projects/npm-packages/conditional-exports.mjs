// Conditional "exports" and "imports" seen from an ES module: import.meta.resolve and createRequire.
import { createRequire } from 'node:module';
import greeting from '#greeting';

const require = createRequire(import.meta.url);
const specifiers = ['zod', 'zod/mini', 'uuid', 'yaml', 'yaml/util', 'graphql', 'graphql/language', 'dotenv', 'dotenv/config', 'semver', 'lodash-es', 'chalk', '#greeting'];
for (const specifier of specifiers) {
  console.log(specifier);
  console.log('  import ', import.meta.resolve(specifier));
  console.log('  require', require.resolve(specifier));
}
console.log('#greeting', greeting, require('#greeting'));
for (const specifier of ['zod/package.json', 'zod/lib/nope', 'uuid/dist-node/v4.js', 'chalk/package.json', 'no-such-package', '#missing']) {
  try {
    console.log(specifier, 'import ok', import.meta.resolve(specifier));
  } catch (err) {
    console.log(specifier, 'import', err.code, err.message);
  }
  try {
    console.log(specifier, 'require ok', require.resolve(specifier));
  } catch (err) {
    console.log(specifier, 'require', err.code, JSON.stringify(err.message), JSON.stringify(err.requireStack));
  }
}
