// semver (CommonJS without "exports"): parsing, ranges, sorting, deep requires.
const semver = require('semver');
const Range = require('semver/classes/range');
const satisfies = require('semver/functions/satisfies');

console.log('spec', semver.SEMVER_SPEC_VERSION);
console.log('valid', semver.valid('1.2.3'), semver.valid('a.b.c'), semver.clean('  =v1.2.3   '));
console.log('satisfies', semver.satisfies('1.2.3', '1.x || >=2.5.0 || 5.0.0 - 7.2.3'), satisfies('3.0.0', '^2'));
console.log('compare', semver.gt('1.2.3', '9.8.7'), semver.lt('1.2.3', '9.8.7'), semver.compare('1.0.0', '1.0.0-rc.1'));
console.log('minVersion', semver.minVersion('>=1.0.0 <2').version, semver.coerce('v2').version, semver.coerce('4.6.3.9.2-alpha2', { loose: true }).version);
console.log('inc', semver.inc('1.2.3', 'prerelease', 'beta'), semver.inc('1.2.3-beta.0', 'prerelease'), semver.inc('1.2.3', 'major'));
console.log('sort', semver.sort(['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.9']).join(' '), semver.rsort(['1.0.0', '2.0.0']).join(' '));
console.log('range', new Range('^1.2.3 || ~2.0').range, semver.intersects('^1.2.0', '~1.3.0'), semver.validRange('x'));
console.log('diff', semver.diff('1.2.3', '2.0.0'), semver.diff('1.2.3', '1.2.3-pre'), JSON.stringify(semver.parse('1.2.3-alpha.1+build.5').prerelease));
console.log('maxSatisfying', semver.maxSatisfying(['1.2.3', '1.2.4', '1.3.0'], '~1.2'));
try {
  new semver.SemVer('nope');
} catch (err) {
  console.log('error', err.name, err.message);
}
console.log('resolve', require.resolve('semver'), require.resolve('semver/package.json'));
