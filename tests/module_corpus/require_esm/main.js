const m = require('./esm.mjs');
console.log(m.a, m.default, Object.keys(m).join());
try { require('./tla.mjs'); } catch (e) { console.log(e.code); }
