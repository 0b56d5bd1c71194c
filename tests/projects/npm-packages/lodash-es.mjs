// lodash-es (an ES module package with no "exports"): named, default and deep imports.
import _, { chunk, groupBy, camelCase, debounce } from 'lodash-es';
import * as namespace from 'lodash-es';
import map from 'lodash-es/map.js';

console.log('version', _.VERSION, 'VERSION' in namespace, Object.keys(namespace).length, namespace.default === _);
console.log('chunk', JSON.stringify(chunk(['a', 'b', 'c', 'd'], 3)));
console.log('groupBy', JSON.stringify(groupBy([6.1, 4.2, 6.3], Math.floor)));
console.log('camelCase', camelCase('Foo Bar'), typeof debounce);
console.log('map', JSON.stringify(map({ a: 4, b: 8 }, (n) => n * n)));
console.log('default', _.isPlainObject({}), _.isPlainObject([]));
console.log('resolve', import.meta.resolve('lodash-es'), import.meta.resolve('lodash-es/map.js'));
try {
  await import('lodash-es/map');
} catch (err) {
  console.log('no extension', err.code, err.message);
}
