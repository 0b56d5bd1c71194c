// fs writes to 1 and 2 go to the descriptor itself, not through a patched process.stdout.write
// (as loggers like pino rely on), and keep their place among console lines.
const fs = require('fs');
const captured = [];
const original = process.stdout.write;
process.stdout.write = function (chunk) {
  captured.push(String(chunk));
  return true;
};
console.log('captured by the patch');
const n = fs.writeSync(1, 'straight to fd 1\n');
fs.writeFileSync('/dev/stdout', 'straight to /dev/stdout\n');
process.stdout.write = original;
console.log('restored', n, JSON.stringify(captured));
for (let i = 0; i < 3; i++) {
  console.log(`console ${i}`);
  fs.writeSync(1, `fd ${i}\n`);
  process.stdout.write(`stream ${i}\n`);
  fs.writeSync(2, `err fd ${i}\n`);
  console.error(`console.error ${i}`);
}
