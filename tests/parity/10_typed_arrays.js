// Typed arrays, ArrayBuffer, DataView and Buffer.
console.log(new Uint8Array([1, 2, 3]), new Int16Array(2), new Float64Array([1.5, -0]));
console.log(new BigInt64Array([1n, -2n]), new Uint8ClampedArray([300]), new Float32Array([0.1]));
console.log(new Uint8Array(200));
const ab = new ArrayBuffer(8);
new Uint8Array(ab).set([1, 2, 255]);
console.log(ab);
console.log(new ArrayBuffer(0), new ArrayBuffer(60));
console.log(new DataView(ab, 2, 4));
console.log(Buffer.from('hello world'));
console.log(Buffer.alloc(60));
console.log(Buffer.from([1, 2, 3]).toString('hex'), Buffer.from('aGk=', 'base64').toString());
console.log({ buf: Buffer.from('x'), typed: new Uint16Array([7]) });
const extra = new Uint8Array(2);
extra.foo = 'bar';
console.log(extra);
console.log(new Uint8Array(new ArrayBuffer(16), 4, 4));
console.log([new Int8Array([-1])]);
