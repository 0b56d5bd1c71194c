import qs, { parse, stringify, escape, unescape } from 'node:querystring';
console.log(typeof qs, parse('a=1&a=2'), stringify({ b: [1, 2] }), escape('a b'), unescape('%41'));
