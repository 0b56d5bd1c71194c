// lodash (CommonJS): collections, objects, strings, templates (compiled with Function), lodash/fp.
const _ = require('lodash');
const fp = require('lodash/fp');

console.log('version', _.VERSION);
console.log('chunk', JSON.stringify(_.chunk([1, 2, 3, 4, 5], 2)));
console.log('groupBy', JSON.stringify(_.groupBy(['one', 'two', 'three'], 'length')));
console.log('merge', JSON.stringify(_.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] })));
console.log('sortBy', JSON.stringify(_.sortBy([{ n: 'b', a: 2 }, { n: 'a', a: 2 }, { n: 'c', a: 1 }], ['a', 'n'])));
console.log('strings', _.kebabCase('Foo Bar_baz'), _.camelCase('--foo-bar--'), _.padStart('7', 3, '0'), _.escape('<a href="x">&</a>'));
console.log('isEqual', _.isEqual({ a: [1, { b: new Date(0) }] }, { a: [1, { b: new Date(0) }] }), _.isEqual([1], ['1']));
console.log('cloneDeep', JSON.stringify(_.cloneDeep({ m: new Map([[1, { x: [1, 2] }]]).size, s: [{ t: 1 }] })));
console.log('get/set', _.get({ a: [{ b: { c: 3 } }] }, 'a[0].b.c'), JSON.stringify(_.set({}, 'x.y[1].z', 9)));
console.log('range', _.range(0, 20, 5).join(','), _.sum([1, 2, 3]), _.uniqueId('id_'), _.uniqueId('id_'));
const memo = _.memoize((n) => n * 2);
memo(21);
console.log('memoize', memo.cache.has(21), memo(21));
const compiled = _.template('hello <%= user %>!<% _.forEach(items, function(i) { %> <b><%- i %></b><% }); %>');
console.log('template', compiled({ user: 'fred', items: ['<a>', 'b&c'] }));
console.log('fp', JSON.stringify(fp.map((x) => x + 1)([1, 2, 3])), fp.flow(fp.filter(Boolean), fp.size)([0, 1, '', 'a']));
console.log('resolve', require.resolve('lodash'), require.resolve('lodash/fp/map'));
