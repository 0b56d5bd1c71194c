const qs = require('querystring');
const show = (x) => console.log(JSON.stringify(x), Object.getPrototypeOf(x) === null);
show(qs.parse('a=1&b=2&a=3&c=%E2%82%AC&d=&e&=f&g=h=i'));
show(qs.parse('a:1;b:2', ';', ':'));
show(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }));
show(qs.parse('a=1&b=2', '&', '=', { maxKeys: 0 }));
show(qs.parse('x=%ZZ&y=%41+%42'));
show(qs.parse('a=%E4%B8%AD', null, null, { decodeURIComponent: (s) => s.toUpperCase() }));
show(qs.parse(''));
show(qs.parse(123));
console.log(qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: {}, g: 1n, h: NaN, i: '€' }));
console.log(qs.stringify({ a: 1, b: 2 }, ';', ':'));
console.log(qs.stringify({ a: 'ä' }, null, null, { encodeURIComponent: (s) => `<${s}>` }));
console.log(qs.stringify('notobj'), qs.stringify(null));
console.log(qs.escape('a b&c/ä€\ud83d\ude00'), qs.unescape('a%20b%zz+c'));
try { qs.escape('\ud800'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(qs.encode === qs.stringify, qs.decode === qs.parse);
console.log(qs.unescapeBuffer('a%20b%41').toString('hex'));
console.log(Object.keys(qs).join(' '));
