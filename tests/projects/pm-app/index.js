// The same output under every package manager: each dependency finds its own dependencies.
const { createRequire } = require('module');
const chalk = require('chalk');
const debug = require('debug');
const gql = require('graphql-tag');
const { print } = require('graphql');
const minimatch = require('minimatch');
const ms = require('ms');
const qs = require('qs');

const versionSeenBy = (dependent, name) => createRequire(require.resolve(dependent))(`${name}/package.json`).version;

console.log('ms', require('ms/package.json').version, ms(60000), ms('2 days'), ms(1500));
console.log('ms seen by debug', versionSeenBy('debug', 'ms'));
console.log('brace-expansion seen by minimatch', versionSeenBy('minimatch', 'brace-expansion'));
console.log('side-channel seen by qs', versionSeenBy('qs', 'side-channel'));
console.log('ansi-styles seen by chalk', versionSeenBy('chalk', 'ansi-styles'));
console.log('graphql seen by graphql-tag', versionSeenBy('graphql-tag', 'graphql'));

const colors = new chalk.Instance({ level: 1 });
console.log('chalk', JSON.stringify(colors.green.bold('ok')), chalk.level);

debug.inspectOpts.hideDate = true;
debug.inspectOpts.colors = false;
const log = debug('app:main');
log.log = console.log.bind(console);
debug.enable('app:*');
log('debug %s %o %d', 'enabled', { a: [1, 2] }, 42);
console.log('debug enabled', debug.enabled('app:x'), debug.enabled('other'));

console.log('minimatch', minimatch('src/a/b.js', 'src/**/*.js'), minimatch('x.ts', '*.{js,jsx}'), minimatch.makeRe('*.{js,ts}').source);
console.log('qs', qs.stringify({ a: { b: [1, 2] }, c: 'x y' }), JSON.stringify(qs.parse('a[b][0]=1&a[b][1]=2&c=x%20y&d[e]=f')));
console.log(print(gql`query { items(first: 3) { id } }`));
