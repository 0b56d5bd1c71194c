const util = require('util');
console.log(util.stripVTControlCharacters('\u001b[1m\u001b[31mbold red\u001b[39m\u001b[22m \u001b]8;;http://x\u0007link\u001b]8;;\u0007'));
try { util.stripVTControlCharacters(1); } catch (e) { console.log(e.code, e.message); }
console.log(JSON.stringify(util.toUSVString('\ud83d\ude00 \ud800 x \udc00')));
for (const errno of [-1, -2, -13, -98, -110, -4095, -9999]) console.log(errno, util.getSystemErrorName(errno), util.getSystemErrorMessage(errno));
for (const bad of [0, 1, 1.5, 'x', NaN]) {
  try { util.getSystemErrorName(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
const map = util.getSystemErrorMap();
console.log(map.size, map.get(-2), [...map.keys()].slice(0, 5));
console.log(util.styleText('red', 'plain'), util.styleText(['bold', 'italic'], 'two', { validateStream: false }).length);
console.log(JSON.stringify(util.styleText(['green', 'none'], 'forced', { validateStream: false })));
for (const [fmt, text, opts] of [['nope', 'x'], ['red', 5], ['red', 'x', { stream: {} }], ['red', 'x', { validateStream: 'no' }]]) {
  try { util.styleText(fmt, text, opts); } catch (e) { console.log(e.name, e.code, e.message.split('\n')[0]); }
}
const mime = new util.MIMEType('Text/HTML; Charset="utf-8"; foo=bar');
console.log(mime.type, mime.subtype, mime.essence, mime.params.get('charset'), [...mime.params.keys()], `${mime}`);
mime.subtype = 'plain';
mime.params.set('q', '1;2');
console.log(mime.toString(), JSON.stringify(mime), mime);
try { new util.MIMEType('bad'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(util.parseEnv('A=1\nB="x\\ny"\n#comment\nexport C = 3 # hi\nD=\'single\'\nE=\nF = `bt` \n  G=unterminated "q\nH="multi\nline"\r\nI=last'));
try { util.parseEnv(1); } catch (e) { console.log(e.code, e.message); }
const sites = util.getCallSites();
console.log(Array.isArray(sites), sites.length > 0, sites[0].scriptName.endsWith('index.js'), sites[0].lineNumber, typeof sites[0].columnNumber);
try { util.getCallSites(0); } catch (e) { console.log(e.code, e.message); }
console.log(util.debuglog('nothing').enabled, typeof util.debug);
console.log(util.diff('abcd', 'abxd'));
console.log(util.diff(['a', 'b'], ['a', 'c']));
