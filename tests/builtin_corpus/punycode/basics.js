const punycode = require('punycode');
console.log(punycode.version, Object.keys(punycode).join(' '));
console.log(punycode.encode('mañana'), punycode.decode('maana-pta'));
console.log(punycode.toASCII('mañana.com'), punycode.toUnicode('xn--maana-pta.com'));
console.log(punycode.toASCII('☃-⌘.com'), punycode.toUnicode('xn----dqo34k.com'));
console.log(punycode.ucs2.decode('\ud83d\ude00a'), punycode.ucs2.encode([0x1f600, 97]));
try { punycode.decode('\u0080'); } catch (e) { console.log(e.name, e.message); }
const again = require('node:punycode');
console.log(again === punycode);
