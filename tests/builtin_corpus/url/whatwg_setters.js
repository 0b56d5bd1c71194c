// URL setters, searchParams live binding, toJSON, errors.
const u = new URL('https://user:pw@example.com:8080/p?a=1#h');
const steps = [
  ['protocol', 'http'], ['protocol', 'ftp:'], ['protocol', 'mailto'], ['protocol', 'file'], ['protocol', 'https'],
  ['username', 'new user'], ['password', 'p@ss:w'], ['host', 'other.org:9090'], ['hostname', 'münchen.de'],
  ['port', '443'], ['port', '80x'], ['port', ''], ['port', '99999'], ['pathname', '/a b/../c'], ['pathname', 'no-slash'],
  ['search', 'x=1&y=2'], ['search', '?z=ü'], ['search', ''], ['hash', 'frag ment'], ['hash', '#'], ['hash', ''],
  ['host', ''], ['hostname', 'a/b'], ['href', 'http://reset.example/?q=1'],
];
for (const [key, value] of steps) {
  u[key] = value;
  console.log(key, JSON.stringify(value), '->', u.href, u.searchParams.toString());
}
try {
  u.href = 'not a url';
} catch (err) {
  console.log(err.name, err.code, err.message, err.input);
}
const live = new URL('http://h/?a=1&b=2');
const sp = live.searchParams;
sp.append('c', '3 4');
console.log(live.href, live.search);
sp.delete('a');
console.log(live.href);
live.search = '?z=9';
console.log(sp.get('z'), sp.get('b'), sp.size);
sp.delete('z');
console.log(JSON.stringify(live.href), live.search === '');
console.log(JSON.stringify({ u: new URL('http://x/y') }), String(new URL('http://x/%7e')), new URL('http://x').toJSON());
const opaque = new URL('data:text/plain,hi  #frag');
opaque.hash = '';
console.log(JSON.stringify(opaque.href));
try { new URL(); } catch (err) { console.log(err.name, err.code, err.message); }
try { URL.canParse(); } catch (err) { console.log(err.name, err.code, err.message); }
try { URL.parse(); } catch (err) { console.log(err.name, err.code, err.message); }
try { Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}); } catch (err) { console.log(err.name); }
console.log(Object.keys(new URL('http://a')), Object.getOwnPropertyNames(URL.prototype), Object.getOwnPropertyNames(URL));
console.log(Object.prototype.toString.call(new URL('http://a')), URL.name, URL.length, typeof URL.createObjectURL);
console.log(new URL({ toString() { return 'http://obj/'; } }).href, new URL('/p', new URL('http://b/q')).href);
for (const s of ['data:text/plain,hi  #frag', 'data:a b ?q', 'data:a b  ', 'data:x %20 #y', ' data:x  ?y ']) {
  const o = new URL(s);
  console.log(JSON.stringify(o.href), JSON.stringify(o.pathname));
  o.search = '';
  o.hash = '';
  console.log(JSON.stringify(o.href));
}
