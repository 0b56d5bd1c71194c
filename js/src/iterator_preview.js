// Map and Set iterator previews for util.inspect and console.table. Node asks
// V8 (v8::Object::PreviewEntries) for the entries an iterator has left; the
// engine here has no such call, and JavaScript cannot read an iterator's
// position. So boot() wraps the methods that create these iterators, to learn
// each iterator's collection and kind, and a preview reads what is left by
// running the iterator to its end. The previewed iterator then delegates to a
// fresh native iterator of the same collection, advanced past the entries that
// come before its position (the collection's size minus what was left), so it
// goes on exactly as before, later changes to the collection included.
//
// What a guest can observe: the wrapped methods (their toString still reads as
// native code, see native.js), and a previewed iterator's prototype, which is a
// child of %MapIteratorPrototype% (or the Set one) holding the delegating next().
// An iterator that was exhausted when previewed stays exhausted.

import { asNative } from './native.js';

const { apply: ReflectApply, defineProperty: ReflectDefineProperty, getPrototypeOf: ReflectGetPrototypeOf } = Reflect;
const { create: ObjectCreate, setPrototypeOf: ObjectSetPrototypeOf, getOwnPropertyDescriptor: ObjectGetOwnPropertyDescriptor } = Object;
const WeakMapCtor = WeakMap;
// Guests may replace WeakMap.prototype methods; the bridge calls the originals.
const weakGet = WeakMap.prototype.get;
const weakSet = WeakMap.prototype.set;
const weakHas = WeakMap.prototype.has;
const get = (map, key) => ReflectApply(weakGet, map, [key]);
const set = (map, key, value) => ReflectApply(weakSet, map, [key, value]);
const has = (map, key) => ReflectApply(weakHas, map, [key]);

// Captured when the bundle is evaluated, before any guest code exists.
const mapProto = Map.prototype;
const setProto = Set.prototype;
const mapCreators = { entries: mapProto.entries, keys: mapProto.keys, values: mapProto.values };
const setCreators = { entries: setProto.entries, values: setProto.values };
const mapSize = ObjectGetOwnPropertyDescriptor(mapProto, 'size').get;
const setSize = ObjectGetOwnPropertyDescriptor(setProto, 'size').get;
const mapIteratorProto = ReflectGetPrototypeOf(new Map().entries());
const setIteratorProto = ReflectGetPrototypeOf(new Set().values());
const mapNext = mapIteratorProto.next;
const setNext = setIteratorProto.next;

const MAP = { creators: mapCreators, size: mapSize, next: mapNext, proto: mapIteratorProto, delegating: null };
const SET = { creators: setCreators, size: setSize, next: setNext, proto: setIteratorProto, delegating: null };

let origins = null;     // iterator -> { family, source, kind }
let delegates = null;   // previewed iterator -> native iterator it reads from, or null once done

function tracked(family, kind) {
  const original = family.creators[kind];
  // A method (not a constructor), named and sized like the original.
  const wrapper = {
    [kind]() {
      const iterator = ReflectApply(original, this, []);
      set(origins, iterator, { family, source: this, kind });
      return iterator;
    },
  }[kind];
  return asNative(wrapper, original);
}

function delegatingNext(family) {
  const next = {
    next() {
      if (!has(delegates, this)) return ReflectApply(family.next, this, []);
      const live = get(delegates, this);
      if (live === null) return { value: undefined, done: true };
      const result = ReflectApply(family.next, live, []);
      if (result.done) set(delegates, this, null);
      return result;
    },
  }.next;
  return asNative(next, family.next);
}

export function installIteratorPreview() {
  origins = new WeakMapCtor();
  delegates = new WeakMapCtor();
  for (const family of [MAP, SET]) {
    family.delegating = ObjectCreate(family.proto, {
      next: { value: delegatingNext(family), writable: true, enumerable: false, configurable: true },
    });
  }
  const define = (target, key, value) => ReflectDefineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  const mapEntries = tracked(MAP, 'entries');
  define(mapProto, 'entries', mapEntries);
  define(mapProto, Symbol.iterator, mapEntries);
  define(mapProto, 'keys', tracked(MAP, 'keys'));
  define(mapProto, 'values', tracked(MAP, 'values'));
  const setValues = tracked(SET, 'values');
  define(setProto, 'values', setValues);
  define(setProto, 'keys', setValues);
  define(setProto, Symbol.iterator, setValues);
  define(setProto, 'entries', tracked(SET, 'entries'));
}

// Node's previewEntries(iterator, true): [entries, isKeyValue], where key/value
// iterators give [k1, v1, k2, v2, ...]. Weak collections (called without
// `isIterator`) cannot be read at all; the build makes inspect say
// "<items unknown>" for them instead of asking.
export function previewEntries(value, isIterator) {
  if (!isIterator) return [];
  const origin = origins === null ? undefined : get(origins, value);
  if (origin === undefined) return [[], false];
  const { family, source, kind } = origin;
  const live = has(delegates, value) ? get(delegates, value) : value;
  const left = [];
  if (live !== null) {
    for (;;) {
      const result = ReflectApply(family.next, live, []);
      if (result.done) break;
      left[left.length] = result.value;
    }
  }
  let fresh = null;
  if (left.length > 0) {
    fresh = ReflectApply(family.creators[kind], source, []);
    const before = ReflectApply(family.size, source, []) - left.length;
    for (let i = 0; i < before; i++) ReflectApply(family.next, fresh, []);
  }
  set(delegates, value, fresh);
  if (ReflectGetPrototypeOf(value) === family.proto) ObjectSetPrototypeOf(value, family.delegating);
  if (kind !== 'entries') return [left, false];
  const flat = [];
  for (let i = 0; i < left.length; i++) {
    flat[2 * i] = left[i][0];
    flat[2 * i + 1] = left[i][1];
  }
  return [flat, true];
}
