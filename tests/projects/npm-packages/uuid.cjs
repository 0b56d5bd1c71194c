// uuid from CommonJS: require() of an ES-module-only package (Node 22's require(esm)).
const uuid = require('uuid');

console.log('keys', Object.keys(uuid).sort().join(','));
console.log('tag', Object.prototype.toString.call(uuid), uuid.__esModule);
console.log('v5', uuid.v5('secure-exec', uuid.v5.URL), uuid.validate(uuid.NIL));
console.log('resolve', require.resolve('uuid'));
