// A sample program for the sandbox: console formatting, timers, the event
// loop and process, all as Node.js 22 does them.
const os = process.platform;
console.log('hello from %s, Node %s', os, process.version);
console.log({ nested: { list: [1, 2, 3], map: new Map([['a', 1]]) }, when: new Date(0) });
console.table([{ task: 'parse', ms: 12 }, { task: 'render', ms: 7 }]);

let ticks = 0;
const timer = setInterval(() => {
  ticks += 1;
  console.log(`tick ${ticks}`);
  if (ticks === 3) clearInterval(timer);
}, 10);

process.on('exit', (code) => console.log(`exiting with ${code} after ${ticks} ticks; argv: ${JSON.stringify(process.argv.slice(2))}`));
