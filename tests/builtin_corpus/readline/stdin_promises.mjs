import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
const rl = createInterface({ input: stdin, output: stdout });
let n = 0;
for await (const line of rl) n += line.length;
console.log('\ncount', n);
