import { x } from './x.js';
import c from './c.cjs';
console.log(x, c, typeof require);
