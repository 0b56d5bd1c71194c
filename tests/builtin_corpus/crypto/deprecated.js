// The Hash and Hmac constructors warn once (DEP0179, DEP0181); instanceof still works.
const crypto = require('crypto');

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
console.log(crypto.createHash('md5') instanceof crypto.Hash, crypto.createHmac('md5', 'k') instanceof crypto.Hmac);
console.log(crypto.Hash.length, crypto.Hmac.length);
console.log(crypto.Hash('md5').update('a').digest('hex'), new crypto.Hash('sha1').update('a').digest('hex'));
console.log(new crypto.Hmac('sha1', 'k').update('a').digest('hex'), crypto.Hmac('md5', 'k').digest('hex'));
console.log(crypto.Hash('md5') instanceof crypto.Hash);
