// Strings with quotes, newlines, unicode; long strings; strings nested in objects.
console.log('plain string is printed raw');
console.log(["single ' quote", 'double " quote', 'both \' and "', 'back`tick and \' and "']);
console.log({ multi: 'line one\nline two\nline three', tab: 'a\tb', nul: 'a\0b', esc: '\x1b[31m' });
console.log(['emoji 😀', 'wide 漢字', 'lone \ud800 surrogate', 'combining é']);
const long = 'x'.repeat(12000);
console.log({ long }.long.length, [long.slice(0, 200)]);
console.log([long]);
console.log({ para: 'word '.repeat(40) });
console.log('a\nb', 'c');
console.log(['a\\b', 'c\'d\\e']);
