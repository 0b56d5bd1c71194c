const util = require('util');
const { types } = util;
function Base() {}
Base.prototype.hello = function () { return 'hi'; };
function Child() { Base.call(this); }
util.inherits(Child, Base);
console.log(new Child().hello(), Child.super_ === Base, Object.getOwnPropertyDescriptor(Child, 'super_'));
for (const [ctor, sup] of [[null, Base], [Child, null], [Child, {}], [Child, function () {}.bind()]]) {
  try { util.inherits(ctor, sup); } catch (e) { console.log(e.name, e.code, e.message); }
}
const values = [
  new Date(), (function () { return arguments; })(), Object(1n), Object(true), Object(1), Object('s'), Object(Symbol()),
  new Error(), /x/, async () => {}, function* () {}, (function* () {})(), Promise.resolve(), new Map(), new Set(),
  new Map().keys(), new Set().values(), new WeakMap(), new WeakSet(), new ArrayBuffer(1), new DataView(new ArrayBuffer(1)),
  new Proxy({}, {}), new Uint8Array(1), new Uint8ClampedArray(1), new Uint16Array(1),
  new Uint32Array(1), new Int8Array(1), new Int16Array(1), new Int32Array(1), new Float32Array(1), new Float64Array(1),
  new BigInt64Array(1), new BigUint64Array(1), Buffer.alloc(1), {}, [], null, 1,
];
for (const name of Object.keys(types)) {
  console.log(name, types[name].name, values.map((v) => (types[name](v) ? 1 : 0)).join(''));
}
