// uuid through require() (uuid is ESM with a CommonJS build).
const { v5, v4, validate, version } = require('uuid');
console.log(v5('matrix', v5.URL));
const id = v4();
console.log(validate(id), version(id), id.length);
