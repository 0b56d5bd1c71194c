import('./sub/esm.mjs').then((m) => console.log('from cjs:', m.value));
require('./sub/loader.js').load().then((v) => console.log('nested:', v));
const s = "import('./not-a-call.mjs')"; // import('./nor-this.mjs')
console.log(s.length);
