const path = require('node:path');
console.log(path.join('/a', 'b', '../c'), path.resolve('x'), path.relative('/a/b', '/a/c/d'));
console.log(path.posix === path, path.win32.join('a', 'b'), path.parse('/x/y.tar.gz'));
console.log(require('path/posix') === path.posix, require('path/win32') === path.win32);
