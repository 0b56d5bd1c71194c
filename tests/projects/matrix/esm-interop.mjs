// ESM importing packages: CommonJS named exports (semver) and ESM ones (lodash-es), and the SyntaxError
// for a named export that is not there, in each case.
import { satisfies } from 'semver';
import * as semverNs from 'semver';
import { chunk } from 'lodash-es';

console.log(satisfies('1.0.0', '1.x'), chunk([1, 2, 3], 2).length, typeof semverNs.default, 'SemVer' in semverNs);
for (const file of ['./lib/missing-cjs-export.mjs', './lib/missing-esm-export.mjs']) {
  try {
    await import(file);
    console.log('imported?', file);
  } catch (err) {
    console.log(file, err.name);
    console.log(err.message);
  }
}
