// yaml: parse, stringify, documents with comments, errors.
import YAML, { parseDocument, stringify, parse, isMap } from 'yaml';

const source = `# service config
name: api   # the service
replicas: 3
ports: [80, 443]
env:
  DEBUG: false
  RATIO: 0.75
anchors:
  base: &base { cpu: 1, mem: 512Mi }
  large:
    <<: *base
    cpu: 4
multi: |
  line one
  line two
date: 2024-02-29
`;
const data = parse(source, { merge: true });
console.log(JSON.stringify(data));
console.log(stringify(data));
const doc = parseDocument(source);
doc.set('replicas', 5);
doc.getIn(['env']).set('NEW', 'yes');
console.log(String(doc));
console.log('isMap', isMap(doc.contents), doc.errors.length);
console.log(stringify({ list: [1, 'two', null, true], nested: { a: [{ b: 1 }] }, text: 'a: b' }, { indent: 4 }));
const bad = parseDocument('a: [1, 2\nb: }');
console.log('errors', bad.errors.map((e) => `${e.code}: ${e.message.split('\n')[0]}`));
try {
  YAML.parse('key: value\n  bad indent: x');
} catch (err) {
  console.log('throws', err.name, err.code, err.linePos && err.linePos[0]);
}
