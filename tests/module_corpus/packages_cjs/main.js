console.log(require('plain'), require('with-main'), require('with-exports'), require('with-exports/feature'));
try { require('with-exports/hidden.js'); } catch (e) { console.log(e.code); }
console.log(require('#internal'));
console.log(require('scoped-pkg-parent'));
const path = require('path');
console.log(path.relative(__dirname, require.resolve('with-exports')));
