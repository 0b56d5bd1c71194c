// Bridge functions that stand in for engine built-ins (Map.prototype.entries,
// Date, ...) must read as native code, as the originals do in Node:
// Function.prototype.toString answers for them with the original's text.

const { apply: ReflectApply, defineProperty: ReflectDefineProperty } = Reflect;
const originalToString = Function.prototype.toString;
const stands = new WeakMap();   // replacement -> the built-in it stands in for
// Guests may replace WeakMap.prototype methods; the bridge calls the originals.
const weakGet = WeakMap.prototype.get;
const weakSet = WeakMap.prototype.set;

export function asNative(replacement, original) {
  ReflectApply(weakSet, stands, [replacement, original]);
  return replacement;
}

// Gives a bridge function the name a guest expects (esbuild may rename
// bindings, e.g. `Date` to `Date2`, to avoid shadowing).
export function named(fn, name) {
  ReflectDefineProperty(fn, 'name', { value: name, writable: false, enumerable: false, configurable: true });
  return fn;
}

export function installNativeToString() {
  const toString = {
    toString() {
      // WeakMap#get answers undefined for primitives, which the original then rejects as Node does.
      return ReflectApply(originalToString, ReflectApply(weakGet, stands, [this]) ?? this, []);
    },
  }.toString;
  ReflectApply(weakSet, stands, [toString, originalToString]);
  ReflectDefineProperty(Function.prototype, 'toString', { value: toString, writable: true, enumerable: false, configurable: true });
}
