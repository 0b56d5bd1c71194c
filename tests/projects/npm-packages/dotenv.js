// dotenv (CommonJS with "exports"): parse a buffer, load .env from the working directory.
const dotenv = require('dotenv');

const parsed = dotenv.parse(Buffer.from('A=1\nB="two words"\n# comment\nC=\'single\'\nexport D=4\nMULTI="l1\\nl2"\nEMPTY=\n'));
console.log('parse', JSON.stringify(parsed));
const target = { KEEP: 'mine', GREETING: 'not replaced' };
const loaded = dotenv.config({ processEnv: target, quiet: true });
console.log('config', JSON.stringify(loaded.parsed), JSON.stringify(target));
const overridden = {};
dotenv.config({ path: ['.env', 'lib/override.env'], processEnv: overridden, override: true, quiet: true });
console.log('override', JSON.stringify(overridden));
const missing = dotenv.config({ path: 'missing.env', processEnv: {}, quiet: true });
console.log('missing', missing.error.code, missing.error.message);
console.log('populate', JSON.stringify(dotenv.populate({}, { X: '1' })));
console.log('resolve', require.resolve('dotenv'), require.resolve('dotenv/config'));
