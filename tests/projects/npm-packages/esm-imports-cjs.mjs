// An ES module importing CommonJS packages: default imports and named imports found by cjs-module-lexer.
import semver, { valid, satisfies } from 'semver';
import _ from 'lodash';
import * as lodashNamespace from 'lodash';
import dotenv, { parse } from 'dotenv';
import YAML, { parse as parseYaml, stringify } from 'yaml';
import gql from 'graphql-tag';
import data from './lib/data.json' with { type: 'json' };

console.log('semver', valid('1.0.0'), satisfies('1.2.0', '^1'), semver.valid === valid);
console.log('lodash', _.chunk([1, 2, 3], 2).length, Object.keys(lodashNamespace).sort().join(','), lodashNamespace.default === _);
console.log('dotenv', JSON.stringify(parse('K=v')), dotenv.parse === parse);
console.log('yaml', JSON.stringify(parseYaml('[1, {a: b}]')), stringify({ k: 'v' }).trim(), YAML.parse === parseYaml);
console.log('graphql-tag', typeof gql, gql`{ a }`.kind);
console.log('json', JSON.stringify(data));
try {
  await import('./lib/bad-named-import.mjs');
} catch (err) {
  console.log('named import', err.name, JSON.stringify(err.message));
}
try {
  await import('./lib/missing.mjs');
} catch (err) {
  console.log('missing', err.code, err.message);
}
