// The `stream` family: Node's streams from the npm `readable-stream` package
// (Node's lib/internal/streams, extracted), with Node 22's defaults, the
// web-stream adapters (fromWeb/toWeb), duplexPair, `stream/promises`,
// `stream/consumers`, the legacy `_stream_*` names and `stream/web` (the
// WHATWG streams of `web-streams-polyfill`, also the globals).
//
// readable-stream's modules are evaluated at snapshot time: its `process/`
// and `abort-controller` imports are answered by shims that read the guest's
// objects at call time (ALIASES in scripts/build_js.py).

import './stream_errors.js';
import Stream from 'readable-stream/lib/stream.js';
import streamPromises from 'readable-stream/lib/stream/promises.js';
import { errorOrDestroy } from 'readable-stream/lib/internal/streams/destroy.js';
import { Buffer } from 'buffer';
import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { invalidArgType, nodeError } from './errors.js';
import { named } from './native.js';
import { StringDecoder } from './string_decoder_impl.js';
import { installWebStreams, web, isReadableStream, isWritableStream } from './stream_web.js';
import { Blob } from './buffer.js';

// A destroy() that waits on a web stream's promise: the callback runs when it
// settles, and an exception from the callback is rethrown as uncaught (Node's).
function destroyDone(callback, error) {
  return () => {
    try {
      callback(error);
    } catch (err) {
      ctx.process.nextTick(() => { throw err; });
    }
  };
}

const { Readable, Writable, Duplex, Transform, PassThrough } = Stream;

// Node 22 raised the default byte highWaterMark from 16 KiB to 64 KiB.
const NODE_DEFAULT_HWM = 64 * 1024;
Stream.setDefaultHighWaterMark(false, NODE_DEFAULT_HWM);

for (const [cls, name] of [[Stream, 'Stream'], [Readable, 'Readable'], [Writable, 'Writable'], [Duplex, 'Duplex'],
  [Transform, 'Transform'], [PassThrough, 'PassThrough']]) named(cls, name);

Stream._isArrayBufferView = ArrayBuffer.isView;

// readable-stream keys its captureRejections handler by
// EventEmitter.captureRejectionSymbol, which the npm `events` lacks (so the
// key became "undefined"): Node's symbol is Symbol.for('nodejs.rejection').
const kRejection = Symbol.for('nodejs.rejection');
for (const proto of [Readable.prototype, Writable.prototype, Duplex.prototype]) {
  if (Object.hasOwn(proto, 'undefined')) {
    Object.defineProperty(proto, kRejection, Object.getOwnPropertyDescriptor(proto, 'undefined'));
    delete proto.undefined;
  }
}
// Removed in Node 22.
delete Readable.prototype.asIndexedPairs;
// Node's Duplex destroys through Writable's destroy (which errors buffered writes).
Duplex.prototype.destroy = Writable.prototype.destroy;

// Node 22 takes any ArrayBufferView as a byte chunk (readable-stream only a
// Uint8Array), and names all of them in its error.
const CHUNK_TYPES = ['string', 'Buffer', 'TypedArray', 'DataView'];

function asByteChunk(chunk) {
  if (ArrayBuffer.isView(chunk) && !(chunk instanceof Uint8Array)) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return chunk;
}

function invalidChunk(chunk) {
  return chunk !== null && chunk !== undefined && typeof chunk !== 'string' && !ArrayBuffer.isView(chunk);
}

// Node 22 calls write() and end() callbacks with `null` on success.
function nullOnSuccess(cb) {
  if (typeof cb !== 'function') return cb;
  return (err, ...rest) => cb(err === undefined ? null : err, ...rest);
}

for (const proto of [Writable.prototype, Duplex.prototype]) {
  const { write: originalWrite, end: originalEnd } = proto;
  proto.write = named(function write(chunk, encoding, cb) {
    if (!this._writableState?.objectMode) {
      if (invalidChunk(chunk)) throw invalidArgType('chunk', CHUNK_TYPES, chunk);
      chunk = asByteChunk(chunk);
    }
    if (typeof encoding === 'function') return Reflect.apply(originalWrite, this, [chunk, nullOnSuccess(encoding)]);
    return Reflect.apply(originalWrite, this, [chunk, encoding, nullOnSuccess(cb)]);
  }, 'write');
  proto.end = named(function end(chunk, encoding, cb) {
    if (typeof chunk === 'function') return Reflect.apply(originalEnd, this, [nullOnSuccess(chunk)]);
    if (!this._writableState?.objectMode) {
      if (invalidChunk(chunk)) throw invalidArgType('chunk', CHUNK_TYPES, chunk);
      chunk = asByteChunk(chunk);
    }
    if (typeof encoding === 'function') return Reflect.apply(originalEnd, this, [chunk, nullOnSuccess(encoding)]);
    return Reflect.apply(originalEnd, this, [chunk, encoding, nullOnSuccess(cb)]);
  }, 'end');
}

for (const method of ['push', 'unshift']) {
  const original = Readable.prototype[method];
  Readable.prototype[method] = named(function pushOrUnshift(chunk, encoding) {
    if (!this._readableState?.objectMode) {
      if (invalidChunk(chunk)) {
        errorOrDestroy(this, invalidArgType('chunk', CHUNK_TYPES, chunk));
        return false;
      }
      chunk = asByteChunk(chunk);
    }
    return Reflect.apply(original, this, [chunk, encoding]);
  }, method);
}

// ---------------------------------------------------------------- duplexPair (Node 22.6)

const kCallback = Symbol('Callback');
const kOtherSide = Symbol('Other');

class DuplexSide extends Duplex {
  constructor(options) {
    super(options);
    this[kCallback] = null;
    this[kOtherSide] = null;
  }

  _read() {
    const callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      ctx.process.nextTick(callback);
    } else {
      this[kOtherSide].push(chunk);
      this[kOtherSide][kCallback] = callback;
    }
  }

  _final(callback) {
    this[kOtherSide].on('end', callback);
    this[kOtherSide].push(null);
  }
}
named(DuplexSide, 'DuplexSide');

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0[kOtherSide] = side1;
  side1[kOtherSide] = side0;
  return [side0, side1];
}

// Node's own key order for the module object (ESM named exports, Object.keys).
Stream.duplexPair = duplexPair;
const NODE_KEY_ORDER = [
  'isDestroyed', 'isDisturbed', 'isErrored', 'isReadable', 'isWritable', 'Readable', 'Writable', 'Duplex',
  'Transform', 'PassThrough', 'duplexPair', 'pipeline', 'addAbortSignal', 'finished', 'destroy', 'compose',
  'setDefaultHighWaterMark', 'getDefaultHighWaterMark', 'promises', 'Stream', '_isArrayBufferView',
  '_isUint8Array', '_uint8ArrayToBuffer',
];
for (const key of NODE_KEY_ORDER) {
  const desc = Object.getOwnPropertyDescriptor(Stream, key);
  delete Stream[key];
  Object.defineProperty(Stream, key, desc);
}

// ---------------------------------------------------------------- web adapters

function validateObjectOpt(options, name) {
  if (options === null || typeof options !== 'object') throw invalidArgType(name, 'Object', options);
}

function readableFromWeb(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) throw invalidArgType('readableStream', 'ReadableStream', readableStream);
  validateObjectOpt(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'options.encoding' is invalid. Received ${ctx.inspect(encoding)}`);
  }
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then((chunk) => {
        if (chunk.done) readable.push(null);
        else readable.push(chunk.value);
      }, (error) => readable.destroy(error));
    },
    destroy(error, callback) {
      const done = destroyDone(callback, error);
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });
  reader.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    readable.destroy(error);
  });
  return readable;
}

function readableToWeb(streamReadable, options = {}) {
  if (!(streamReadable instanceof Readable) && !(streamReadable && typeof streamReadable.on === 'function' && typeof streamReadable.read === 'function')) {
    throw invalidArgType('streamReadable', 'stream.Readable', streamReadable);
  }
  const objectMode = streamReadable.readableObjectMode;
  let controller;
  let wasCanceled = false;
  function onData(chunk) {
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }
  function handleError(error) {
    if (wasCanceled) return;
    wasCanceled = true;
    controller.error(error);
  }
  const strategy = options.strategy ?? (objectMode ? new web.CountQueuingStrategy({ highWaterMark: 1 })
    : { highWaterMark: 65536, size: (chunk) => chunk.length });
  Stream.finished(streamReadable, (error) => {
    if (error) return handleError(error);
    if (!wasCanceled) {
      wasCanceled = true;
      controller.close();
    }
  });
  streamReadable.on('data', onData);
  return new web.ReadableStream({
    start(c) {
      controller = c;
    },
    pull() {
      streamReadable.resume();
    },
    cancel(reason) {
      wasCanceled = true;
      streamReadable.destroy(reason);
    },
  }, strategy);
}

function writableFromWeb(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) throw invalidArgType('writableStream', 'WritableStream', writableStream);
  validateObjectOpt(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    writev(chunks, callback) {
      writer.ready.then(() => Promise.all(chunks.map((data) => writer.write(data.chunk)))).then(() => callback(), callback);
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) chunk = Buffer.from(chunk, encoding);
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
    },
    destroy(error, callback) {
      const done = destroyDone(callback, error);
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
    final(callback) {
      if (!closed) writer.close().then(() => callback(), callback);
      else callback();
    },
  });
  writer.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    writable.destroy(error);
  });
  return writable;
}

function writableToWeb(streamWritable) {
  if (!(streamWritable instanceof Writable) && !(streamWritable && typeof streamWritable.write === 'function' && typeof streamWritable.on === 'function')) {
    throw invalidArgType('streamWritable', 'stream.Writable', streamWritable);
  }
  let controller;
  let backpressure;
  let closed;
  const drain = () => {
    if (backpressure) {
      backpressure.resolve();
      backpressure = undefined;
    }
  };
  Stream.finished(streamWritable, (error) => {
    if (error) {
      if (backpressure) {
        backpressure.reject(error);
        backpressure = undefined;
      }
      if (closed) closed.reject(error);
      controller?.error(error);
      return;
    }
    if (closed) closed.resolve();
  });
  streamWritable.on('drain', drain);
  return new web.WritableStream({
    start(c) {
      controller = c;
    },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        return new Promise((resolve, reject) => {
          backpressure = { resolve, reject };
        });
      }
      return undefined;
    },
    abort(reason) {
      streamWritable.destroy(reason);
    },
    close() {
      if (closed === undefined && !streamWritable.writableFinished) {
        return new Promise((resolve, reject) => {
          closed = { resolve, reject };
          streamWritable.end();
        });
      }
      return undefined;
    },
  }, { highWaterMark: streamWritable.writableHighWaterMark, size: (chunk) => chunk.length ?? 1 });
}

function duplexFromWeb(pair, options = {}) {
  if (pair === null || typeof pair !== 'object') throw invalidArgType('pair', 'ReadableWritablePair', pair);
  const readable = readableFromWeb(pair.readable, options);
  const writable = writableFromWeb(pair.writable, options);
  return Duplex.from({ readable, writable });
}

function duplexToWeb(duplex) {
  return { readable: readableToWeb(duplex), writable: writableToWeb(duplex) };
}

// Anonymous, as Node's.
Readable.fromWeb = named(readableFromWeb, '');
Readable.toWeb = named(readableToWeb, '');
Writable.fromWeb = named(writableFromWeb, '');
Writable.toWeb = named(writableToWeb, '');
Duplex.fromWeb = named(duplexFromWeb, '');
Duplex.toWeb = named(duplexToWeb, '');

// ---------------------------------------------------------------- stream/consumers

async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Blob(chunks);
}

async function arrayBuffer(stream) {
  const ret = await blob(stream);
  return ret.arrayBuffer();
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

// UTF-8 with the BOM dropped, as TextDecoder's default (used when the guest has one).
function utf8Decoder() {
  if (typeof globalThis.TextDecoder === 'function') {
    const dec = new globalThis.TextDecoder();
    return { write: (chunk) => dec.decode(chunk, { stream: true }), end: () => dec.decode() };
  }
  const dec = new StringDecoder('utf8');
  let start = true;
  return {
    write(chunk) {
      let out = dec.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (start && out.length > 0) {
        start = false;
        if (out.charCodeAt(0) === 0xfeff) out = out.slice(1);
      }
      return out;
    },
    end: () => dec.end(),
  };
}

async function text(stream) {
  const dec = utf8Decoder();
  let str = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string') str += chunk;
    else str += dec.write(chunk);
  }
  str += dec.end();
  return str;
}

async function json(stream) {
  const str = await text(stream);
  return JSON.parse(str);
}

const consumers = { arrayBuffer, blob, buffer, text, json };

// ---------------------------------------------------------------- install

export { Stream };

export function install(context) {
  Stream.setDefaultHighWaterMark(false, NODE_DEFAULT_HWM);
  Stream.setDefaultHighWaterMark(true, 16);
  installWebStreams(context);
  defineBuiltin('stream', () => Stream);
  defineBuiltin('stream/promises', () => streamPromises);
  defineBuiltin('stream/consumers', () => consumers);
  defineBuiltin('_stream_readable', () => Readable);
  defineBuiltin('_stream_writable', () => Writable);
  defineBuiltin('_stream_duplex', () => Duplex);
  defineBuiltin('_stream_transform', () => Transform);
  defineBuiltin('_stream_passthrough', () => PassThrough);
  // `_stream_wrap` (JSStreamSocket) needs `net`: left without a factory, so
  // requiring it throws the unsupported error.
}
