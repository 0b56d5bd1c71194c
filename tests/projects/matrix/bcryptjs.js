// bcryptjs: hash with a fixed salt, compare, async forms, salt shapes.
const bcrypt = require('bcryptjs');

const salt = '$2b$06$abcdefghijklmnopqrstuu';
const hash = bcrypt.hashSync('correct horse', salt);
console.log('hash', hash);
console.log('compare', bcrypt.compareSync('correct horse', hash), bcrypt.compareSync('wrong', hash));
console.log('rounds', bcrypt.getRounds(hash), bcrypt.getSalt(hash));
console.log('unicode', bcrypt.hashSync('pässwörd 🔑', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.'));
console.log('truncates', bcrypt.truncates('x'.repeat(80)), bcrypt.truncates('short'));
const generated = bcrypt.genSaltSync(5);
console.log('genSalt shape', generated.length, generated.slice(0, 7));
const random = bcrypt.hashSync('pw', 4);
console.log('random salt', random.length, bcrypt.compareSync('pw', random));
try {
  bcrypt.hashSync('pw', 'not-a-salt');
} catch (err) {
  console.log('error', err.name, err.message);
}
bcrypt.hash('async pw', salt).then(async (h) => {
  console.log('async hash', h);
  console.log('async compare', await bcrypt.compare('async pw', h), await bcrypt.compare('nope', h));
  bcrypt.compare('async pw', h, (err, same) => console.log('callback compare', err, same));
});
