import def, { named, counter, inc } from './lib.mjs';
import cjs, { alpha, beta } from './cjs-lib.cjs';
import data from './data.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import * as path from 'path';
console.log(def, named, counter); inc(); console.log(counter);
console.log(cjs.alpha, alpha, beta, data.ok, typeof readFileSync, path.basename(import.meta.filename));
console.log(path.basename(import.meta.dirname), import.meta.url.startsWith('file:///'), import.meta.resolve('./lib.mjs').endsWith('/lib.mjs'));
const dyn = await import('./lib.mjs');
console.log(dyn.default === def, Object.keys(dyn).sort().join());
try { await import('./missing.mjs'); } catch (e) { console.log(e.code); }
try { await import('missing-package'); } catch (e) { console.log(e.code); }
