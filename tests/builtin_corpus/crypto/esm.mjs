import crypto, { createHash, createHmac, randomBytes, webcrypto, KeyObject, constants } from 'node:crypto';
import * as ns from 'crypto';

console.log(createHash('sha256').update('esm').digest('hex'));
console.log(createHmac('md5', 'k').update('esm').digest('base64'));
console.log(randomBytes(4).length, typeof KeyObject, constants.RSA_PKCS1_PSS_PADDING);
console.log(ns.default === crypto, ns.createHash === createHash);
console.log(Object.keys(crypto).filter((k) => typeof crypto[k] === 'function').length > 40);
