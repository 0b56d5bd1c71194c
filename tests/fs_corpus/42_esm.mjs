// fs from an ES module: default and named imports, node: specifiers, top-level await.
import fs, { readFileSync, writeFileSync, promises } from 'fs';
import * as ns from 'node:fs';
import { readFile, mkdir, readdir } from 'fs/promises';
import fsp from 'node:fs/promises';

writeFileSync('esm.txt', 'from esm');
console.log(readFileSync('esm.txt', 'utf8'), fs.existsSync('esm.txt'));
console.log(ns.default === fs, promises === fsp, typeof ns.readFileSync, typeof ns.promises);
await mkdir('m/n', { recursive: true });
console.log(await readFile('esm.txt', 'utf8'));
console.log(await readdir('.').then((l) => l.sort()));
try {
  await readFile('missing');
} catch (e) {
  console.log(e.code, e.message);
}
