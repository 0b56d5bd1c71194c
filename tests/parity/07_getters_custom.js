// Getter display modes and custom inspect functions.
const util = require('util');
const o = { get g() { return { nested: 1 }; }, get t() { throw new Error('boom'); } };
console.log(o);
console.log(util.inspect({ get g() { return 5; } }, { getters: true }));
console.log(util.inspect({ get g() { return 5; }, set g(v) {} }, { getters: 'set' }));
console.log(util.inspect({ get g() { return 5; } }, { getters: 'get' }));
class Temp {
  constructor() { this.c = 21; }
  [util.inspect.custom](depth, options, inspect) {
    return `Temp<${inspect(this.c * 2, options)}>`;
  }
}
console.log(new Temp(), [new Temp()], { t: new Temp() });
const returnsObject = { [util.inspect.custom]() { return { replaced: true }; } };
console.log(returnsObject);
console.log(util.inspect(returnsObject, { customInspect: false }));
console.log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
const multiline = { [Symbol.for('nodejs.util.inspect.custom')]() { return 'line1\nline2'; } };
console.log({ inner: multiline });
