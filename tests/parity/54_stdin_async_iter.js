// Reading stdin as Buffers through the async iterator.
// parity: stdin=abc\x00def\n
(async () => {
  const parts = [];
  for await (const chunk of process.stdin) parts.push(chunk);
  const all = Buffer.concat(parts);
  console.log(Buffer.isBuffer(parts[0]), all.length, all.toString('hex'));
})();
