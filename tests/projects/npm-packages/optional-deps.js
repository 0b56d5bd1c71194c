// chokidar 3 declares fsevents as an optional dependency: not installed on Linux, and it loads anyway.
const { createRequire } = require('module');
const chokidar = require('chokidar');

console.log('chokidar', typeof chokidar.watch, typeof chokidar.FSWatcher, require('chokidar/package.json').version);
console.log('optional', JSON.stringify(require('chokidar/package.json').optionalDependencies));
try {
  require.resolve('fsevents');
} catch (err) {
  console.log('fsevents', err.code);
}
// chokidar's own dependencies, resolved from chokidar's directory.
const fromChokidar = createRequire(require.resolve('chokidar'));
const anymatch = fromChokidar('anymatch');
console.log('anymatch', anymatch(['*.js', '!x.js'], 'a.js'), anymatch(['*.js', '!x.js'], 'x.js'));
console.log('glob-parent', fromChokidar('glob-parent')('path/to/*.js'), fromChokidar('is-glob')('a/*.js'));
console.log('braces', JSON.stringify(fromChokidar('braces')('a/{b,c}/d', { expand: true })));
console.log('normalize-path', fromChokidar('normalize-path')('a\\b\\c'), fromChokidar('is-binary-path')('x.png'));
fromChokidar('readdirp')
  .promise('lib', { fileFilter: '*.json' })
  .then((entries) => console.log('readdirp', JSON.stringify(entries.map((e) => e.path).sort())));
