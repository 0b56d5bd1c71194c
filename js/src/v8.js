// The `v8` module, partial. serialize/deserialize use the isolate's own V8
// ValueSerializer (the engine's core.serialize/deserialize, the structured
// clone format); the header is written as Node 22's V8 writes it (format
// version 15), so plain values give Node's bytes and Node's output reads back.
// Typed arrays and Buffers are written as V8 array buffer views, not as Node's
// host objects: those bytes differ from Node's (they still round-trip here).
// Heap figures come from the real isolate (core.memoryUsage()); heap_size_limit
// is the execution's memory limit. Snapshots, flags, coverage and profiling
// throw `v8.<api> is not supported in sandbox`.

import { Buffer } from 'buffer';
import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { invalidArgType, unsupportedError } from './errors.js';
import { named } from './native.js';

const NODE_WIRE_VERSION = 15;
const DEFAULT_MEMORY_LIMIT = 128 * 1024 * 1024;
const SPACES = [
  'read_only_space', 'new_space', 'old_space', 'code_space', 'shared_space', 'trusted_space',
  'new_large_object_space', 'large_object_space', 'code_large_object_space', 'shared_large_object_space',
  'trusted_large_object_space',
];

function unsupported(api) {
  return named(function () {
    throw unsupportedError(`v8.${api}`);
  }, api);
}

function cloneError(message) {
  return new Error(message);
}

function serialize(value) {
  const { core } = ctx;
  // A value V8 cannot clone fails through the callback, with V8's message;
  // other errors (a RangeError for a too deep value) come through as they are.
  const bytes = core.serialize(value, undefined, (message) => {
    throw cloneError(message);
  });
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length > 1 && buf[0] === 0xff) buf[1] = NODE_WIRE_VERSION;
  return buf;
}

function deserialize(buffer) {
  if (!ArrayBuffer.isView(buffer)) {
    const err = new TypeError('buffer must be a TypedArray or a DataView');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (bytes.length < 2 || bytes[0] !== 0xff || bytes[1] > 15 || bytes[1] < 13) {
    throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
  }
  try {
    return ctx.core.deserialize(bytes);
  } catch (err) {
    // The engine reports bad data as a RangeError of its own; a stack overflow stays one.
    if (err instanceof RangeError && /call stack/.test(err.message)) throw err;
    throw new Error('Unable to deserialize cloned data.');
  }
}

function memory() {
  const usage = ctx.core.memoryUsage();
  // The worker passes the execution's heap limit as config.memoryLimitBytes.
  const limit = ctx.config.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT;
  return { usage, limit };
}

function getHeapStatistics() {
  const { usage, limit } = memory();
  const heapTotal = usage.heapTotal ?? 0;
  const heapUsed = usage.heapUsed ?? 0;
  return {
    total_heap_size: heapTotal,
    total_heap_size_executable: 0,
    total_physical_size: usage.physicalTotal ?? heapTotal,
    total_available_size: Math.max(0, limit - heapUsed),
    used_heap_size: heapUsed,
    heap_size_limit: limit,
    malloced_memory: 0,
    peak_malloced_memory: 0,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: usage.external ?? 0,
  };
}

// The engine reports whole-heap figures only: they are given to old_space.
function getHeapSpaceStatistics() {
  const { usage, limit } = memory();
  return SPACES.map((space) => {
    const old = space === 'old_space';
    return {
      space_name: space,
      space_size: old ? usage.heapTotal ?? 0 : 0,
      space_used_size: old ? usage.heapUsed ?? 0 : 0,
      space_available_size: old ? Math.max(0, limit - (usage.heapUsed ?? 0)) : 0,
      physical_space_size: old ? usage.physicalTotal ?? 0 : 0,
    };
  });
}

function getHeapCodeStatistics() {
  return {
    code_and_metadata_size: 0,
    bytecode_and_metadata_size: 0,
    external_script_source_size: 0,
    cpu_profiler_metadata_size: 0,
  };
}

function getCppHeapStatistics() {
  return {
    committed_size_bytes: 0,
    resident_size_bytes: 0,
    used_size_bytes: 0,
    space_statistics: [],
    type_names: [],
    detail_level: 'brief',
  };
}

// V8's string representation cannot be observed from JavaScript; a string
// of Latin-1 code units is what V8 stores one byte per character.
function isStringOneByteRepresentation(content) {
  if (typeof content !== 'string') throw invalidArgType('content', 'string', content);
  for (let i = 0; i < content.length; i++) if (content.charCodeAt(i) > 0xff) return false;
  return true;
}


// The streaming Serializer/Deserializer API is not provided: each class throws
// its own unsupported error when constructed.
function unsupportedClass(name) {
  const cls = {
    [name]: class {
      constructor() {
        throw unsupportedError(`v8.${name}`);
      }
    },
  }[name];
  return cls;
}

const Serializer = unsupportedClass('Serializer');
const Deserializer = unsupportedClass('Deserializer');
const DefaultSerializer = unsupportedClass('DefaultSerializer');
const DefaultDeserializer = unsupportedClass('DefaultDeserializer');
const GCProfiler = unsupportedClass('GCProfiler');

const startupSnapshot = {
  addSerializeCallback: unsupported('startupSnapshot.addSerializeCallback'),
  addDeserializeCallback: unsupported('startupSnapshot.addDeserializeCallback'),
  setDeserializeMainFunction: unsupported('startupSnapshot.setDeserializeMainFunction'),
  isBuildingSnapshot: named(() => 0, 'isBuildingSnapshot'),
};

function promiseHooksUnsupported(api) {
  return named(function () {
    throw unsupportedError(`v8.promiseHooks.${api}`);
  }, api);
}

export function install() {
  defineBuiltin('v8', () => ({
    // The tag is a property of V8's build; Node 22.20's value, for code that compares it.
    cachedDataVersionTag: named(() => 2596627580, 'cachedDataVersionTag'),
    getHeapSnapshot: unsupported('getHeapSnapshot'),
    getHeapStatistics: named(getHeapStatistics, 'getHeapStatistics'),
    getHeapSpaceStatistics: named(getHeapSpaceStatistics, 'getHeapSpaceStatistics'),
    getHeapCodeStatistics: named(getHeapCodeStatistics, 'getHeapCodeStatistics'),
    getCppHeapStatistics: named(getCppHeapStatistics, 'getCppHeapStatistics'),
    setFlagsFromString: unsupported('setFlagsFromString'),
    Serializer,
    Deserializer,
    DefaultSerializer,
    DefaultDeserializer,
    deserialize: named(deserialize, 'deserialize'),
    takeCoverage: unsupported('takeCoverage'),
    stopCoverage: unsupported('stopCoverage'),
    serialize: named(serialize, 'serialize'),
    writeHeapSnapshot: unsupported('writeHeapSnapshot'),
    promiseHooks: {
      onInit: promiseHooksUnsupported('onInit'),
      onSettled: promiseHooksUnsupported('onSettled'),
      onBefore: promiseHooksUnsupported('onBefore'),
      onAfter: promiseHooksUnsupported('onAfter'),
      createHook: promiseHooksUnsupported('createHook'),
    },
    queryObjects: unsupported('queryObjects'),
    startupSnapshot,
    setHeapSnapshotNearHeapLimit: unsupported('setHeapSnapshotNearHeapLimit'),
    GCProfiler,
    isStringOneByteRepresentation: named(isStringOneByteRepresentation, 'isStringOneByteRepresentation'),
  }));
}
