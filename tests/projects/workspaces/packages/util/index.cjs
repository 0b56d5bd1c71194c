const ms = require('ms');

exports.kind = 'cjs';
exports.format = (n) => ms(n, { long: true });
