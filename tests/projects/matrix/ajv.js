// ajv: compile schemas (generated code), validate, errors, $ref, custom keywords and formats.
const Ajv = require('ajv');

const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: false });
ajv.addFormat('slug', /^[a-z0-9-]+$/);
ajv.addKeyword({ keyword: 'even', type: 'number', validate: (want, n) => !want || n % 2 === 0, errors: false });
ajv.addSchema({ $id: 'https://example.com/address.json', type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
const schema = {
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1, even: true },
    slug: { type: 'string', format: 'slug' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 3 },
    kind: { enum: ['a', 'b'] },
    level: { type: 'number', default: 1 },
    address: { $ref: 'https://example.com/address.json' },
  },
  required: ['id', 'slug'],
  additionalProperties: false,
};
const validate = ajv.compile(schema);
const good = { id: 2, slug: 'hello-world', tags: ['x'], address: { city: 'Oslo' } };
console.log('good', validate(good), JSON.stringify(good), validate.errors);
const bad = { id: 3, slug: 'Not A Slug', tags: ['x', 'x', 'y', 'z'], kind: 'c', extra: 1, address: {} };
console.log('bad', validate(bad));
for (const err of validate.errors) console.log(err.instancePath || '/', err.keyword, err.message, JSON.stringify(err.params));
console.log(ajv.errorsText(validate.errors, { separator: ' | ' }));
const oneOf = ajv.compile({ oneOf: [{ type: 'string' }, { type: 'number', multipleOf: 5 }] });
console.log('oneOf', oneOf('s'), oneOf(10), oneOf(7), JSON.stringify(oneOf.errors.map((e) => e.keyword)));
try {
  ajv.compile({ type: 'nope' });
} catch (err) {
  console.log('schema error', err.message.split('\n')[0]);
}
try {
  ajv.compile({ $ref: 'missing.json' });
} catch (err) {
  console.log('ref error', err.constructor.name, err.message);
}
const asyncValidate = ajv.compile({ $async: true, type: 'object', properties: { n: { type: 'number' } } });
asyncValidate({ n: 'x' }).catch((err) => console.log('async', err instanceof Ajv.ValidationError, err.errors.length));
