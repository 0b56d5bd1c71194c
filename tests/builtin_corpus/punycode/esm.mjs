import punycode, { encode } from 'node:punycode';
console.log(typeof punycode.decode, encode('ü'));
