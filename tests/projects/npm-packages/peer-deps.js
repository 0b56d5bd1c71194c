// graphql-tag has graphql as a peer dependency (and tslib as a dependency); graphql 17 is
// loaded through its "module-sync" export condition.
const { createRequire } = require('module');
const gql = require('graphql-tag');
const { print, version, Kind, parse } = require('graphql');

const doc = gql`
  query Q($id: ID!) { user(id: $id) { ...F } }
  fragment F on User { name friends(first: 2) { name } }
`;
console.log('version', version, doc.kind === Kind.DOCUMENT, doc.definitions.length);
console.log(print(doc));
console.log('cached', gql`{ a }` === gql`{ a }`, print(parse('{ b }')));
const fromTag = createRequire(require.resolve('graphql-tag'));
console.log('same graphql', fromTag.resolve('graphql') === require.resolve('graphql'), fromTag('graphql') === require('graphql'));
console.log('tslib', fromTag('tslib/package.json').version, typeof fromTag('tslib').__assign);
console.log('resolve', require.resolve('graphql-tag'), require.resolve('graphql'));
