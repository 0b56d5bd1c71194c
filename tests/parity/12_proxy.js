// Proxies: plain, showProxy, revoked, traps that would lie, proxied functions.
const util = require('util');
const target = { a: 1, b: [1, 2] };
const handler = { get: (t, k) => (k in t ? t[k] : 'trapped') };
const p = new Proxy(target, handler);
console.log(p);
console.log(util.inspect(p, { showProxy: true }));
console.log(new Proxy([1, 2, 3], {}));
console.log(new Proxy(function named() {}, {}));
console.log(new Proxy(class K {}, {}));
const { proxy, revoke } = Proxy.revocable({}, {});
revoke();
console.log(proxy);
console.log(util.inspect(proxy, { showProxy: true }));
const sneaky = new Proxy({ real: true }, { ownKeys: () => ['fake'], getOwnPropertyDescriptor: () => ({ value: 'fake', enumerable: true, configurable: true }) });
console.log(sneaky);
console.log(new Proxy(new Map([[1, 2]]), {}));
console.log(util.inspect(new Proxy(new Proxy({}, {}), {}), { showProxy: true }));
console.log({ nested: new Proxy({ z: 1 }, {}) });
