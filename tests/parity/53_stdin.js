// Reading stdin with 'data' and 'end' events and an encoding.
// parity: stdin=line one\nline two\nünïcode ✓\n
process.stdin.setEncoding('utf8');
let data = '';
let chunks = 0;
process.stdin.on('data', (chunk) => {
  chunks++;
  data += chunk;
});
process.stdin.on('end', () => {
  console.log(JSON.stringify(data), chunks > 0, data.split('\n').length);
});
console.log('registered listeners');
