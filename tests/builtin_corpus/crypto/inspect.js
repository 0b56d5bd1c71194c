// How KeyObjects, Hash and Hmac look in console.log.
const c = require('crypto');
console.log(c.createSecretKey(Buffer.from('abc')));
console.log(c.generateKeyPairSync('ed25519').publicKey);
console.log(c.createHash('md5'));
const h = c.createHmac('sha1', 'k'); h.digest(); console.log(h);
