// yaml (CommonJS under the "node" condition): documents with comments, stringify, errors.
const YAML = require('yaml');
const { isMap, isSeq, Document } = require('yaml');

const doc = YAML.parseDocument('# top comment\na: 1 # trailing\nb: [x, y]\nc:\n  d: true\n  e: ~\n');
console.log('toJS', JSON.stringify(doc.toJS()), isMap(doc.contents), isSeq(doc.get('b')));
doc.setIn(['c', 'f'], 'new');
doc.delete('a');
process.stdout.write(String(doc));
process.stdout.write(YAML.stringify({ list: [1, 'two', { three: 3 }], text: 'multi\nline\n', quoted: 'yes', n: null }));
console.log('anchors', YAML.parse('base: &a {x: 1}\nref: *a\nmerged:\n  <<: *a\n  y: 2\n', { merge: true }).merged.y);
const built = new Document({ z: [true, 1.5] });
built.commentBefore = ' built';
process.stdout.write(built.toString());
try {
  YAML.parse('a: [1, 2\nb: }');
} catch (err) {
  console.log('error', err.name, err.code, JSON.stringify(err.message));
}
console.log('resolve', require.resolve('yaml'), require.resolve('yaml/util'));
