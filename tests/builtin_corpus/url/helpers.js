// url module helpers: fileURLToPath, pathToFileURL, urlToHttpOptions, domainTo*.
const url = require('url');
for (const p of ['/a b/c', '/tmp/%41', '/q?x#y', '/new\nline', '/ü/😀', '/tab\t', '/back\\slash', '/trail/', 'relative/x', '/', '/a/../b/.']) {
  console.log(JSON.stringify(p), url.pathToFileURL(p).href);
}
for (const u of ['file:///a%20b/c', 'file:///%C3%BC', 'file://localhost/etc', new URL('file:///x/y'), 'file:///a%2fb', 'file:///a%2Fb', 'http://x/y', 'file://host/x', 'not a url', 42, { href: 'file:///fake' }]) {
  try {
    console.log(JSON.stringify(String(u)), url.fileURLToPath(u));
  } catch (err) {
    console.log(JSON.stringify(String(u)), err.name, err.code, err.message);
  }
}
console.log(url.fileURLToPathBuffer('file:///a%20b/%FF'));
console.log(url.urlToHttpOptions(new URL('https://a%20b:p%40ss@[::1]:8443/p/q?x=1#h')));
console.log(url.urlToHttpOptions(new URL('http://plain/')));
for (const d of ['español.com', 'xn--espaol-zwa.com', 'EXAMPLE.com', 'münchen.de', 'xn--iñvalid.com', 'a..b', '', 'xn--nxasmq6b.com', '☃.net', 'ex ample', '[::1]', '1.2.3.4', 'ß.de']) {
  console.log(JSON.stringify(d), JSON.stringify(url.domainToASCII(d)), JSON.stringify(url.domainToUnicode(d)));
}
try { url.domainToASCII(); } catch (err) { console.log(err.name, err.code, err.message); }
console.log(url.URL === URL, url.URLSearchParams === URLSearchParams, Object.keys(url));
