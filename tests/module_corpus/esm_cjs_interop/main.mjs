import reexp, { a, b, fromDefine } from './reexporter.js';
import fn from './function-export.js';
import * as ns from './esmodule-flag.js';
console.log(a, b, fromDefine, typeof reexp, fn(), Object.keys(ns).sort().join());
console.log(ns.default.__esModule, ns.named);
