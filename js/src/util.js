// The `util` module.

import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { invalidArgType } from './errors.js';

export function install() {
  const { util, process } = ctx;
  const deprecatedCodes = new Set();
  const utilModule = {
    inspect: util.inspect,
    format: util.format,
    formatWithOptions: util.formatWithOptions,
    stripVTControlCharacters: util.stripVTControlCharacters,
    inherits(ctor, superCtor) {
      Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
      Object.setPrototypeOf(ctor, superCtor);
      Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    },
    deprecate(fn, msg, code) {
      if (typeof fn !== 'function') throw invalidArgType('fn', 'Function', fn);
      if (process.noDeprecation === true) return fn;
      let warned = false;
      function deprecated(...args) {
        if (!warned && !(code !== undefined && deprecatedCodes.has(code))) {
          warned = true;
          if (code !== undefined) deprecatedCodes.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        }
        return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
      }
      Object.setPrototypeOf(deprecated, fn);
      if (fn.prototype) deprecated.prototype = fn.prototype;
      return deprecated;
    },
    promisify(fn) {
      if (fn[Symbol.for('nodejs.util.promisify.custom')]) return fn[Symbol.for('nodejs.util.promisify.custom')];
      return function (...args) {
        return new Promise((resolve, reject) => {
          fn.call(this, ...args, (err, value) => (err ? reject(err) : resolve(value)));
        });
      };
    },
  };
  defineBuiltin('util', () => utilModule);
}
