// nanoid: a seeded customRandom is deterministic; nanoid() and customAlphabet give the right shapes.
import { nanoid, customAlphabet, customRandom, urlAlphabet } from 'nanoid';

function seeded(seed) {
  let state = seed >>> 0;
  return (size) => {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      bytes[i] = state >>> 24;
    }
    return bytes;
  };
}
const next = customRandom('abcdefghijklmnopqrstuvwxyz0123456789', 12, seeded(42));
console.log(next(), next(), next());
const hex = customRandom('0123456789abcdef', 8, seeded(7));
console.log(hex(), hex(4));
const id = nanoid();
console.log(id.length, /^[A-Za-z0-9_-]+$/.test(id), nanoid(5).length, nanoid() !== id);
const digits = customAlphabet('0123456789', 6);
const code = digits();
console.log(code.length, /^\d{6}$/.test(code), digits(3).length);
console.log(urlAlphabet.length, urlAlphabet.split('').sort().join(''));
