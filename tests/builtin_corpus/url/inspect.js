// Node's inspect output of URL, URLSearchParams and their iterators.
const util = require('util');
const u = new URL('https://user:pw@example.com:8080/p/a/t/h?query=string&x=%20#hash');
console.log(u);
console.log([u]);
console.log({ nested: { u } });
console.log(util.inspect(u, { depth: 0 }));
console.log(util.inspect({ u }, { depth: 0 }));
console.log(new URLSearchParams('a=1&b=2&a=3'));
console.log(new URLSearchParams());
console.log(new URLSearchParams('long=' + 'x'.repeat(40) + '&other=' + 'y'.repeat(40)));
const p = new URLSearchParams('a=1&b=2');
console.log(p.keys(), p.values(), p.entries());
const it = p.entries();
it.next();
console.log(it);
console.log(util.inspect({ p }, { depth: 0 }));
console.log(util.format('%s %o', new URL('http://a/'), new URLSearchParams('q=1')));
class MyURL extends URL {}
console.log(new MyURL('http://sub.example/'));
console.log(util.inspect(new URL('http://a/'), { showHidden: false, colors: true }));
