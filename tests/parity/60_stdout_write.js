// process.stdout.write with strings, Buffers, encodings and callbacks.
process.stdout.write('plain\n');
process.stdout.write(Buffer.from('buffer\n'));
process.stdout.write(new Uint8Array([0x75, 0x38, 0x0a]));
process.stdout.write('68657820656e636f6465640a', 'hex');
const ret = process.stdout.write('with callback\n', () => console.log('write callback ran'));
console.log('write returned', ret);
process.stdout.write('ünïcödé ✓ 😀\n');
try {
  process.stdout.write(42);
} catch (err) {
  console.log(err.name, err.code);
}
process.stdout.write('');
process.stdout.write('no trailing newline');
