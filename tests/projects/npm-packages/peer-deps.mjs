// graphql-tag from an ES module: its CommonJS main is the default export; graphql's ESM build.
import gql from 'graphql-tag';
import { print, version } from 'graphql';
import * as graphql from 'graphql';

const doc = gql`mutation M { like(id: 1) { count } }`;
console.log('version', version, print(doc));
console.log('namespace', typeof graphql.buildSchema, 'default' in graphql);
const schema = graphql.buildSchema('type Query { hello(name: String = "world"): String }');
const result = graphql.graphqlSync({ schema, source: '{ hello }', rootValue: { hello: ({ name }) => `hi ${name}` } });
console.log('execute', JSON.stringify(result));
console.log('resolve', import.meta.resolve('graphql-tag'), import.meta.resolve('graphql'));
