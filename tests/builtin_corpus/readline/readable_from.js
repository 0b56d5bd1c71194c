const { Readable } = require('stream');
const readline = require('readline');
(async () => {
  const rl = readline.createInterface({ input: Readable.from(['alpha\nbe', 'ta\r\ngamma\n', 'delta']), crlfDelay: Infinity });
  const lines = [];
  for await (const line of rl) lines.push(line);
  console.log(lines);
  const rl2 = readline.createInterface({ input: Readable.from([Buffer.from('x\ny\n')]) });
  rl2.on('line', (l) => console.log('line', l));
  rl2.on('close', () => console.log('close'));
})();
