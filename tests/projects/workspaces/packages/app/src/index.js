const semver = require('semver');
const util = require('@ws/util');

exports.describe = (version) => `${version} is ${semver.valid(version) ? 'valid' : 'invalid'}; a day is ${util.format(86400000)} (${util.kind})`;
exports.where = () => ({ util: require.resolve('@ws/util'), semver: require.resolve('semver'), self: __filename });
