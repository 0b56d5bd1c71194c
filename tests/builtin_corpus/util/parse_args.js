const { parseArgs } = require('util');
const options = {
  verbose: { type: 'boolean', short: 'v', multiple: true },
  name: { type: 'string', short: 'n', default: 'anon' },
  tag: { type: 'string', multiple: true },
};
const show = (x) => console.log(JSON.stringify(x));
show(parseArgs({ args: ['-vv', '--name=bob', '--tag', 'a', '--tag', 'b', '--', '--x'], options, allowPositionals: true }));
show(parseArgs({ args: ['-n', 'x', 'pos'], options, allowPositionals: true, tokens: true }));
show(parseArgs({ args: ['--no-verbose'], options: { verbose: { type: 'boolean' } }, allowNegative: true }));
show(parseArgs({ args: ['--unknown', 'pos'], strict: false }));
const bad = [
  { args: ['--nope'], options },
  { args: ['pos'], options },
  { args: ['--name'], options },
  { args: ['--verbose=yes'], options },
  { args: 'x' },
  { args: [], options: { a: { type: 'number' } } },
  { args: [], options: { a: { type: 'string', short: 'ab' } } },
  { args: [], options: { a: { type: 'string', default: 1 } } },
];
for (const config of bad) {
  try { parseArgs(config); } catch (e) { console.log(e.name, e.code, e.message); }
}
