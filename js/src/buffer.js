// The `buffer` module: the npm `buffer` package, with the parts a guest sees
// through console.log made Node's (lib/buffer.js): Buffer's inspect output
// and its name, which the bundler may rename.

import * as bufferModule from 'buffer';
import { utilBinding } from './inspect_bindings.js';
import { named } from './native.js';

const { Buffer } = bufferModule;
const { getOwnNonIndexProperties, constants: { ALL_PROPERTIES, ONLY_ENUMERABLE } } = utilBinding;
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const { INSPECT_MAX_BYTES } = bufferModule;

export function installBuffer(inspect) {
  named(Buffer, 'Buffer');
  Buffer.prototype[customInspectSymbol] = function inspectBuffer(recurseTimes, ctx) {
    const max = INSPECT_MAX_BYTES;
    const actualMax = Math.min(max, this.length);
    const remaining = this.length - max;
    let str = this.toString('hex', 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    // Inspect special properties as well, if possible.
    if (ctx) {
      let extras = false;
      const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
      const obj = { __proto__: null };
      for (const key of getOwnNonIndexProperties(this, filter)) {
        extras = true;
        obj[key] = this[key];
      }
      if (extras) {
        if (this.length !== 0) str += ', ';
        // '[Object: null prototype] {'.length === 26
        str += inspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
      }
    }
    let constructorName = 'Buffer';
    try {
      const { constructor } = this;
      if (typeof constructor === 'function' && Object.prototype.hasOwnProperty.call(constructor, 'name')) constructorName = constructor.name;
    } catch {
      // Ignore error and use default name
    }
    return `<${constructorName} ${str}>`;
  };
  named(Buffer.prototype[customInspectSymbol], 'inspect');
  Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];
}
