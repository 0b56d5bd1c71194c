// readline over process.stdin (the parity runner gives an empty stdin to both).
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin });
const lines = [];
rl.on('line', (l) => lines.push(l));
rl.on('close', () => console.log('closed with', lines.length, 'lines'));
