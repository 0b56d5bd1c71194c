// Encodes a JS value into the tagged tree the host decodes into Python values
// (secure_exec/_engine/_wire.py). Primitives that map one-to-one travel as they are;
// everything else is tagged, so no user data can be mistaken for a tag.
//   {a: [...]} array        {o: {k: v}} plain object   {u: 1} undefined
//   {i: "123"} bigint       {d: ms} Date               {m: [[k, v]...]} Map
//   {S: [...]} Set          {f: "NaN"|"Infinity"|"-Infinity"|"-0"} special number
//   Uint8Array -> bytes (any ArrayBuffer view or ArrayBuffer is copied to bytes)

export class WireError extends TypeError {}

function describe(value) {
  if (typeof value === 'function') return `function ${value.name || '<anonymous>'}`;
  if (typeof value === 'symbol') return String(value);
  const ctor = value && value.constructor && value.constructor.name;
  return ctor ? `${ctor} object` : 'object';
}

// Each level of nesting is two levels once tagged; jsrun refuses values nested
// deeper than its max_serialization_depth (set to 256 by the worker).
export const MAX_DEPTH = 100;

export function toWire(value, path = 'value', seen = new Set()) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isNaN(value)) return { f: 'NaN' };
      if (value === Infinity) return { f: 'Infinity' };
      if (value === -Infinity) return { f: '-Infinity' };
      if (Object.is(value, -0)) return { f: '-0' };
      return value;
    case 'bigint':
      return { i: value.toString() };
    case 'undefined':
      return { u: 1 };
    case 'function':
    case 'symbol':
      throw new WireError(`${path}: ${describe(value)} cannot be transferred to the host`);
  }
  if (value === null) return null;
  if (seen.has(value)) throw new WireError(`${path}: circular reference cannot be transferred to the host`);
  if (seen.size >= MAX_DEPTH) {
    throw new WireError(`${path.slice(0, 40)}…: values nested deeper than ${MAX_DEPTH} levels cannot be transferred to the host`);
  }
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  if (value instanceof ArrayBuffer) return new Uint8Array(value).slice();
  if (value instanceof Date) return { d: value.getTime() };
  seen.add(value);
  try {
    if (Array.isArray(value)) return { a: value.map((v, i) => toWire(v, `${path}[${i}]`, seen)) };
    if (value instanceof Map) {
      return { m: [...value].map(([k, v], i) => [toWire(k, `${path}<key ${i}>`, seen), toWire(v, `${path}<value ${i}>`, seen)]) };
    }
    if (value instanceof Set) return { S: [...value].map((v, i) => toWire(v, `${path}<item ${i}>`, seen)) };
    if (value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet || value instanceof WeakRef) {
      throw new WireError(`${path}: ${describe(value)} cannot be transferred to the host`);
    }
    const out = {};
    for (const key of Object.keys(value)) out[key] = toWire(value[key], `${path}.${key}`, seen);
    if (value instanceof Error) {
      out.name = toWire(value.name, `${path}.name`, seen);
      out.message = toWire(value.message, `${path}.message`, seen);
    }
    return { o: out };
  } finally {
    seen.delete(value);
  }
}
