// semver: parsing, comparison, ranges, increments and coercion.
const semver = require('semver');

const versions = ['1.2.3', '1.10.0', '2.0.0-beta.2', '2.0.0-beta.10', '2.0.0', '0.9.9', '1.2.3-rc.1'];
console.log('sorted', semver.sort([...versions]).join(' '));
console.log('rsorted', semver.rsort([...versions]).join(' '));
for (const range of ['^1.2.0', '~1.2.3', '>=1.5.0 <2.0.0', '1.x || >=2.0.0-beta.5', '*']) {
  console.log(range, '->', semver.maxSatisfying(versions, range), semver.minSatisfying(versions, range),
    semver.validRange(range));
}
console.log('prerelease in range', semver.satisfies('2.0.0-beta.10', '>=2.0.0-beta.2', { includePrerelease: false }));
for (const inc of ['major', 'minor', 'patch', 'premajor', 'prerelease']) console.log(inc, semver.inc('1.2.3', inc, 'rc'));
console.log('diff', semver.diff('1.2.3', '1.3.0'), semver.diff('1.2.3', '2.0.0-alpha.1'));
console.log('coerce', String(semver.coerce('v3.4 final')), String(semver.coerce('42')));
console.log('valid', semver.valid('1.2'), semver.valid(' =v1.2.3 '), semver.clean('  =v1.2.3  '));
const parsed = semver.parse('4.5.6-alpha.7+build.8');
console.log('parsed', parsed.major, parsed.minor, parsed.patch, parsed.prerelease, parsed.build, parsed.format());
console.log('compare', semver.compare('1.2.3', '1.2.4'), semver.rcompare('1.2.3', '1.2.4'), semver.gt('1.10.0', '1.9.9'));
console.log('intersects', semver.intersects('^1.0.0', '~1.4.0'), semver.intersects('^1.0.0', '^2.0.0'));
console.log('outside', semver.outside('3.0.0', '^2.0.0', '>'), semver.gtr('3.0.0', '^2.0.0'));
try {
  new semver.SemVer('not-a-version');
} catch (err) {
  console.log('error', err.name, err.message);
}
console.log('Range', new semver.Range('>=1.2.7 <1.3.0 || 2.x').set.map((c) => c.map(String).join(' ')).join(' | '));
