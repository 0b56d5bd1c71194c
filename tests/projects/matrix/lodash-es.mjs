// lodash-es: chains, collections, objects, strings, functions.
import _, { chunk, groupBy, sortBy, debounce, merge, cloneDeep, template, kebabCase, get, set, isEqual, uniqBy, partition, zipObject, memoize, flow } from 'lodash-es';

const people = [
  { name: 'ann', age: 36, team: 'red' },
  { name: 'bob', age: 24, team: 'blue' },
  { name: 'cid', age: 41, team: 'red' },
  { name: 'dee', age: 24, team: 'green' },
];
console.log(JSON.stringify(_.chain(people).filter((p) => p.age > 23).sortBy(['age', 'name']).map('name').value()));
console.log(JSON.stringify(groupBy(people, 'team')));
console.log(JSON.stringify(sortBy(people, (p) => -p.age).map((p) => p.name)));
console.log(JSON.stringify(chunk([1, 2, 3, 4, 5, 6, 7], 3)), JSON.stringify(partition([1, 2, 3, 4], (n) => n % 2)));
console.log(JSON.stringify(merge({ a: { b: [1, { c: 2 }] } }, { a: { b: [3, { d: 4 }] } })));
const deep = { d: new Date(0), r: /x/g, m: new Map([[1, { z: 1 }]]) };
const copy = cloneDeep(deep);
console.log(copy.d.getTime(), copy.r.source, copy.m.get(1).z, copy.m.get(1) !== deep.m.get(1), isEqual(copy, deep));
console.log(template('Hello <%= user %>! <% _.forEach(items, function(i) { %><li><%- i %></li><% }); %>')({ user: 'Ann', items: ['<a>', 'b'] }));
console.log(kebabCase('Foo Bar__baz'), _.camelCase('--foo-bar--'), _.startCase('fooBar'), _.padStart('5', 3, '0'));
const obj = {};
set(obj, 'a[0].b.c', 7);
console.log(JSON.stringify(obj), get(obj, 'a[0].b.c'), get(obj, 'a[1].b', 'dflt'));
console.log(JSON.stringify(uniqBy([2.1, 1.2, 2.3], Math.floor)), JSON.stringify(zipObject(['a', 'b'], [1, 2])));
let calls = 0;
const sq = memoize((n) => { calls += 1; return n * n; });
sq(4); sq(4); sq(5);
console.log('memo calls', calls, flow([(x) => x + 1, (x) => x * 2])(3));
const debounced = debounce((v) => console.log('debounced', v), 20);
debounced(1); debounced(2); debounced(3);
setTimeout(() => console.log('after debounce'), 60);
