// console.trace's first line (the stack lines that follow name host paths).
const original = process.stderr.write;
const lines = [];
process.stderr.write = function (chunk, ...rest) {
  lines.push(String(chunk).split('\n')[0]);
  return true;
};
console.trace('trace with %s', 'format', { o: 1 });
console.trace();
console.trace({ obj: true });
process.stderr.write = original;
console.log(lines);
Error.stackTraceLimit = 0;
console.trace('no frames');
console.trace('multi\nline');
