// `stream/web` and the web-stream globals: the WHATWG streams of
// `web-streams-polyfill` (ponyfill), with Node's names and inspect output, and
// TextEncoderStream (UTF-8 through Buffer) and TextDecoderStream (over the
// guest's TextDecoder, when another family defines it).

import * as polyfill from 'web-streams-polyfill';
import { Buffer } from 'buffer';
import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { named } from './native.js';
import { invalidArgType, nodeError } from './errors.js';

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const {
  ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamBYOBRequest,
  ReadableByteStreamController, ReadableStreamDefaultController, TransformStream, TransformStreamDefaultController,
  WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController, ByteLengthQueuingStrategy,
  CountQueuingStrategy,
} = polyfill;

for (const [name, cls] of Object.entries(polyfill)) if (typeof cls === 'function') named(cls, name);

// Node's inspect for the web-stream classes: `Name { field: value, ... }`.
function customInspect(self, depth, options, name, data) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${ctx.inspect(data, opts)}`;
}

function defineInspect(cls, name, data) {
  Object.defineProperty(cls.prototype, customInspectSymbol, {
    value: named(function inspect(depth, options) {
      return customInspect(this, depth, options, name, data(this));
    }, '[nodejs.util.inspect.custom]'),
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

export function isReadableStream(value) {
  return value instanceof ReadableStream;
}

export function isWritableStream(value) {
  return value instanceof WritableStream;
}

defineInspect(ReadableStream, 'ReadableStream', (s) => ({
  locked: s.locked,
  state: s._state,
  supportsBYOB: s._readableStreamController instanceof ReadableByteStreamController,
}));
defineInspect(WritableStream, 'WritableStream', (s) => ({ locked: s.locked, state: s._state }));
defineInspect(TransformStream, 'TransformStream', (s) => ({
  readable: s.readable,
  writable: s.writable,
  backpressure: s._backpressure,
}));
defineInspect(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader', (r) => ({
  stream: r._ownerReadableStream,
  readRequests: r._readRequests.length,
  close: r._closedPromise,
}));
defineInspect(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader', (r) => ({
  stream: r._ownerReadableStream,
  readIntoRequests: r._readIntoRequests.length,
  close: r._closedPromise,
}));
defineInspect(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter', (w) => ({
  stream: w._ownerWritableStream,
  close: w._closedPromise,
  ready: w._readyPromise,
  desiredSize: w._ownerWritableStream === undefined ? null : w.desiredSize,
}));
defineInspect(ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy', (s) => ({ highWaterMark: s.highWaterMark }));
defineInspect(CountQueuingStrategy, 'CountQueuingStrategy', (s) => ({ highWaterMark: s.highWaterMark }));
defineInspect(ReadableStreamDefaultController, 'ReadableStreamDefaultController', (c) => ({
  stream: c._controlledReadableStream,
}));
defineInspect(ReadableByteStreamController, 'ReadableByteStreamController', (c) => ({
  stream: c._controlledReadableByteStream,
}));
defineInspect(WritableStreamDefaultController, 'WritableStreamDefaultController', (c) => ({
  stream: c._controlledWritableStream,
}));
defineInspect(TransformStreamDefaultController, 'TransformStreamDefaultController', (c) => ({
  stream: c._controlledTransformStream,
}));

// Node's errors for the common misuse of a locked stream.
function invalidState(message) {
  const err = new TypeError(`Invalid state: ${message}`);
  err.code = 'ERR_INVALID_STATE';
  return err;
}

// Node's errors for the common misuse, checked before the polyfill's own
// (same call, same promise timing; only the error differs).
function wrapMethod(cls, key, check) {
  const original = cls.prototype[key];
  const wrapper = {
    [key](...args) {
      const err = check(this, ...args);
      if (err) {
        if (err.async) return Promise.reject(err.error);
        throw err.error;
      }
      return Reflect.apply(original, this, args);
    },
  }[key];
  Object.defineProperty(cls.prototype, key, { value: wrapper, writable: true, configurable: true, enumerable: true });
}

const sync = (error) => ({ error, async: false });
const async = (error) => ({ error, async: true });

function argValue(name, value, reason = 'is invalid') {
  const kind = name.includes('.') ? 'property' : 'argument';
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${kind} '${name}' ${reason}. Received ${ctx.inspect(value)}`);
}

wrapMethod(ReadableStream, 'getReader', (self, options) => {
  if (!(self instanceof ReadableStream)) return null;
  const mode = options?.mode;
  if (mode !== undefined && `${mode}` !== 'byob') return sync(argValue('options.mode', mode));
  if (self.locked) return sync(invalidState('ReadableStream is locked'));
  if (mode !== undefined && !(self._readableStreamController instanceof ReadableByteStreamController)) {
    return sync(argValue('stream', self, 'must be a byte stream'));
  }
  return null;
});
wrapMethod(ReadableStream, 'pipeTo', (self, destination) => {
  if (!(self instanceof ReadableStream)) return null;
  if (!(destination instanceof WritableStream)) {
    return async(invalidArgType('transform.writable', 'WritableStream', destination));
  }
  if (self.locked) return async(invalidState('The ReadableStream is locked'));
  if (destination.locked) return async(invalidState('The WritableStream is locked'));
  return null;
});
wrapMethod(ReadableStream, 'pipeThrough', (self) => {
  if (self instanceof ReadableStream && self.locked) return sync(invalidState('The ReadableStream is locked'));
  return null;
});
wrapMethod(ReadableStream, 'cancel', (self) => {
  if (self instanceof ReadableStream && self.locked) return async(invalidState('ReadableStream is locked'));
  return null;
});
wrapMethod(WritableStream, 'getWriter', (self) => {
  if (self instanceof WritableStream && self.locked) return sync(invalidState('WritableStream is locked'));
  return null;
});
for (const key of ['abort', 'close']) {
  wrapMethod(WritableStream, key, (self) => {
    if (self instanceof WritableStream && self.locked) return async(invalidState('WritableStream is locked'));
    return null;
  });
}
for (const cls of [ReadableStreamDefaultReader, ReadableStreamBYOBReader]) {
  wrapMethod(cls, 'read', (self) => {
    if (self instanceof cls && self._ownerReadableStream === undefined) {
      return async(invalidState('The reader is not attached to a stream'));
    }
    return null;
  });
}
wrapMethod(WritableStreamDefaultWriter, 'write', (self) => {
  if (!(self instanceof WritableStreamDefaultWriter) || self._ownerWritableStream === undefined) return null;
  const stream = self._ownerWritableStream;
  if (stream._state === 'closed' || stream._closeRequest !== undefined || stream._inFlightCloseRequest !== undefined) {
    return async(invalidState('WritableStream is closed'));
  }
  return null;
});
for (const key of ['enqueue', 'close']) {
  wrapMethod(ReadableStreamDefaultController, key, (self) => {
    if (!(self instanceof ReadableStreamDefaultController)) return null;
    const stream = self._controlledReadableStream;
    if (self._closeRequested || (stream && stream._state !== 'readable')) return sync(invalidState('Controller is already closed'));
    return null;
  });
  wrapMethod(ReadableByteStreamController, key, (self, chunk) => {
    if (!(self instanceof ReadableByteStreamController)) return null;
    const stream = self._controlledReadableByteStream;
    if (self._closeRequested || (stream && stream._state !== 'readable')) return sync(invalidState('Controller is already closed'));
    if (key === 'enqueue' && ArrayBuffer.isView(chunk) && (chunk.byteLength === 0 || chunk.buffer.byteLength === 0)) {
      return sync(invalidState('chunk ArrayBuffer is zero-length or detached'));
    }
    return null;
  });
}

// ---------------------------------------------------------------- TextEncoderStream / TextDecoderStream

const kTransform = Symbol('kTransform');
const kEncoder = Symbol('kEncoder');
const kDecoder = Symbol('kDecoder');

class TextEncoderStream {
  constructor() {
    let pending = '';
    const encode = (text) => {
      const bytes = Buffer.from(text, 'utf8');
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    };
    this[kEncoder] = 'utf-8';
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        let value = pending + String(chunk);
        pending = '';
        if (value.length === 0) return;
        // A trailing lead surrogate waits for its pair in the next chunk.
        const last = value.charCodeAt(value.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pending = value.slice(-1);
          value = value.slice(0, -1);
          if (value.length === 0) return;
        }
        controller.enqueue(encode(value));
      },
      flush(controller) {
        if (pending) controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
      },
    });
  }

  get encoding() {
    return this[kEncoder];
  }

  get readable() {
    return this[kTransform].readable;
  }

  get writable() {
    return this[kTransform].writable;
  }
}
named(TextEncoderStream, 'TextEncoderStream');
defineInspect(TextEncoderStream, 'TextEncoderStream', (s) => ({
  encoding: s.encoding,
  readable: s.readable,
  writable: s.writable,
}));

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    const decoder = new globalThis.TextDecoder(encoding, options);
    this[kDecoder] = decoder;
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        const value = decoder.decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush(controller) {
        const value = decoder.decode();
        if (value) controller.enqueue(value);
        controller.terminate();
      },
    });
  }

  get encoding() {
    return this[kDecoder].encoding;
  }

  get fatal() {
    return this[kDecoder].fatal;
  }

  get ignoreBOM() {
    return this[kDecoder].ignoreBOM;
  }

  get readable() {
    return this[kTransform].readable;
  }

  get writable() {
    return this[kTransform].writable;
  }
}
named(TextDecoderStream, 'TextDecoderStream');
defineInspect(TextDecoderStream, 'TextDecoderStream', (s) => ({
  encoding: s.encoding,
  fatal: s.fatal,
  ignoreBOM: s.ignoreBOM,
  readable: s.readable,
  writable: s.writable,
}));
for (const cls of [TextEncoderStream, TextDecoderStream]) {
  for (const key of Object.getOwnPropertyNames(cls.prototype)) {
    if (key !== 'constructor') Object.defineProperty(cls.prototype, key, { enumerable: true });
  }
}

// The classes guests see: the polyfill's, behind a construct trap that gives
// Node's argument errors and hides the polyfill's `_slots` from enumeration
// (prototype, statics and instanceof are the class's own).
function illegal() {
  return nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

const CONSTRUCT_CHECKS = new Map([
  [ReadableStream, (source = undefined) => {
    if (source !== undefined && !isObjectLike(source)) throw invalidArgType('source', 'object', source);
    const type = source?.type;
    if (type !== undefined && `${type}` !== 'bytes') throw argValue('source.type', type);
  }],
  [ReadableStreamDefaultReader, (stream) => {
    if (!(stream instanceof ReadableStream)) throw invalidArgType('stream', 'ReadableStream', stream);
  }],
  [ReadableStreamBYOBReader, (stream) => {
    if (!(stream instanceof ReadableStream)) throw invalidArgType('stream', 'ReadableStream', stream);
  }],
  [CountQueuingStrategy, (init) => {
    if (!isObjectLike(init)) throw invalidArgType('init', 'object', init);
  }],
  [ByteLengthQueuingStrategy, (init) => {
    if (!isObjectLike(init)) throw invalidArgType('init', 'object', init);
  }],
  [ReadableStreamDefaultController, () => { throw illegal(); }],
  [ReadableByteStreamController, () => { throw illegal(); }],
  [ReadableStreamBYOBRequest, () => { throw illegal(); }],
  [WritableStreamDefaultController, () => { throw illegal(); }],
  [TransformStreamDefaultController, () => { throw illegal(); }],
]);

function guestClass(cls) {
  const check = CONSTRUCT_CHECKS.get(cls);
  const proxy = new Proxy(cls, {
    construct(target, args, newTarget) {
      if (check) check(...args);
      const instance = Reflect.construct(target, args, newTarget === proxy ? target : newTarget);
      for (const key of Object.keys(instance)) {
        if (key.startsWith('_')) Object.defineProperty(instance, key, { enumerable: false });
      }
      return instance;
    },
  });
  Object.defineProperty(cls.prototype, 'constructor', { value: proxy, writable: true, configurable: true, enumerable: false });
  return proxy;
}

export const web = {
  ReadableStream: guestClass(ReadableStream),
  ReadableStreamDefaultReader: guestClass(ReadableStreamDefaultReader),
  ReadableStreamBYOBReader: guestClass(ReadableStreamBYOBReader),
  ReadableStreamBYOBRequest: guestClass(ReadableStreamBYOBRequest),
  ReadableByteStreamController: guestClass(ReadableByteStreamController),
  ReadableStreamDefaultController: guestClass(ReadableStreamDefaultController),
  TransformStream: guestClass(TransformStream),
  TransformStreamDefaultController: guestClass(TransformStreamDefaultController),
  WritableStream: guestClass(WritableStream),
  WritableStreamDefaultWriter: guestClass(WritableStreamDefaultWriter),
  WritableStreamDefaultController: guestClass(WritableStreamDefaultController),
  ByteLengthQueuingStrategy: guestClass(ByteLengthQueuingStrategy),
  CountQueuingStrategy: guestClass(CountQueuingStrategy),
  TextEncoderStream,
  TextDecoderStream,
};

export function install(context) {
  const globals = [
    'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
    'ReadableByteStreamController', 'ReadableStreamDefaultController', 'TransformStream',
    'TransformStreamDefaultController', 'WritableStream', 'WritableStreamDefaultWriter',
    'WritableStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
  ];
  for (const name of globals) context.defineGlobal(name, web[name]);
  context.defineGlobal('TextEncoderStream', TextEncoderStream);
  if (typeof globalThis.TextDecoder === 'function') context.defineGlobal('TextDecoderStream', TextDecoderStream);
  defineBuiltin('stream/web', () => ({
    ...web,
    CompressionStream: globalThis.CompressionStream,
    DecompressionStream: globalThis.DecompressionStream,
  }));
}

export { install as installWebStreams };
