// The same project from an ES module: default imports of CommonJS packages and named ones the lexer finds.
import chalk from 'chalk';
import debug from 'debug';
import gql from 'graphql-tag';
import { print, parse as parseGraphql } from 'graphql';
import minimatch from 'minimatch';
import ms from 'ms';
import qs, { stringify } from 'qs';

console.log('ms', ms(90000), ms('1h'));
console.log('chalk', JSON.stringify(new chalk.Instance({ level: 2 }).hex('#00ff00')('g')));
console.log('debug', typeof debug.enable, debug.enabled('nothing'));
console.log('minimatch', minimatch.match(['a.js', 'b.ts', 'c.js'], '*.js').join(','));
console.log('qs', stringify({ q: ['a', 'b'] }, { arrayFormat: 'brackets' }), qs.stringify === stringify);
console.log(print(parseGraphql('{ a }')) === print(gql`{ a }`));
