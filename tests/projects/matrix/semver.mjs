// semver from ESM: named imports of a CommonJS package (found by Node's cjs-module-lexer) and the default.
import semver, { satisfies, maxSatisfying, SemVer, Range, compare } from 'semver';
import parse from 'semver/functions/parse.js';

console.log(satisfies('1.4.2', '^1.2.0'), maxSatisfying(['1.0.0', '1.5.0', '2.0.0'], '~1.5'), compare('2.0.0', '1.9.9'));
console.log(new SemVer('3.2.1-beta.1').inc('prerelease').version, new Range('1.x').range);
console.log(semver.satisfies === satisfies, typeof semver.default, parse('1.2.3').minor);
console.log(Object.keys(await import('semver')).filter((k) => k !== 'default').sort().slice(0, 8).join(','));
