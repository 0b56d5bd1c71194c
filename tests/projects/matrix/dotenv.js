// dotenv: parse a fixture .env, populate a target object, config() with options.
const fs = require('fs');
const dotenv = require('dotenv');

const parsed = dotenv.parse(fs.readFileSync('.env'));
for (const [k, v] of Object.entries(parsed)) console.log(`${k}=${JSON.stringify(v)}`);
console.log(JSON.stringify(dotenv.parse('A=1\nB="x\\ny"\nC=${A}')));
const target = { BASIC: 'keep' };
const result = dotenv.config({ path: '.env', processEnv: target, quiet: true });
console.log(result.error === undefined, target.BASIC, target.EXPORTED, Object.keys(result.parsed).length);
const over = { BASIC: 'keep' };
dotenv.config({ path: '.env', processEnv: over, override: true, quiet: true });
console.log(over.BASIC);
const missing = dotenv.config({ path: 'missing.env', quiet: true });
console.log(missing.error && missing.error.code);
const env = {};
dotenv.populate(env, { X: '1' });
console.log(JSON.stringify(env));
