// Conditional "exports" from CommonJS: require.resolve (also with paths), require.resolve.paths, module.paths.
const path = require('path');

for (const specifier of ['zod', 'yaml', 'graphql', 'graphql/language', 'uuid', 'dotenv/config', 'lodash/fp', '#greeting', 'node:fs', 'fs']) {
  console.log(specifier, require.resolve(specifier));
}
console.log('greeting', require('#greeting'));
console.log('paths option', require.resolve('semver', { paths: [path.join(__dirname, 'lib')] }));
console.log('resolve.paths', require.resolve.paths('anything')[0], require.resolve.paths('fs'), require.resolve.paths('./x')[0]);
console.log('module.paths', module.paths[0]);
console.log('json', require('graphql-tag/package.json').name, require('./package.json').name);
for (const specifier of ['zod/lib/nope', 'uuid/dist-node/v4.js', 'no-such-package', './no-such-file']) {
  try {
    require(specifier);
  } catch (err) {
    console.log(specifier, err.code, JSON.stringify(err.message));
  }
}
