// lodash's UMD-style module.exports hides its names from cjs-module-lexer.
import { chunk } from 'lodash';

console.log(chunk);
