// ajv from ESM: the CommonJS default export (its `default` property and the module itself).
import Ajv from 'ajv';
import * as ns from 'ajv';

console.log(typeof Ajv, typeof Ajv.default, typeof ns.default, Object.keys(ns).sort().join(','));
const AjvClass = Ajv.default ?? Ajv;
const ajv = new AjvClass({ allErrors: true });
const validate = ajv.compile({ type: 'array', items: { type: 'integer' }, minItems: 2 });
console.log(validate([1, 2]), validate([1.5]), JSON.stringify(validate.errors.map((e) => [e.instancePath, e.keyword])));
