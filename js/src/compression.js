// CompressionStream / DecompressionStream ('gzip', 'deflate', 'deflate-raw',
// 'brotli'), as Node 22 has them: a WritableStream whose chunks go through the
// worker's zlib engine (zlib_engine.js) and a ReadableStream of Uint8Array
// output in 16 KiB pieces. Output waits for the reader (pull) between pieces,
// so a decompression bomb is inflated only as fast as it is read.

import { ReadableStream, WritableStream } from 'web-streams-polyfill';
import { Buffer } from 'buffer';
import { nodeError, invalidArgType } from './errors.js';
import { named } from './native.js';
import { bytesOf, constants, zlibCall } from './zlib_engine.js';

const { DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, BROTLI_ENCODE, BROTLI_DECODE } = constants;
const COMPRESS = { __proto__: null, gzip: GZIP, deflate: DEFLATE, 'deflate-raw': DEFLATERAW, brotli: BROTLI_ENCODE };
const DECOMPRESS = { __proto__: null, gzip: GUNZIP, deflate: INFLATE, 'deflate-raw': INFLATERAW, brotli: BROTLI_DECODE };
const CHUNK = 16384;

function formatError(className, format) {
  let shown;
  try {
    shown = String(format);
  } catch {
    shown = typeof format;
  }
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
    `Failed to construct '${className}': 1st argument value '${shown}' is not a valid enum value of type CompressionFormat.`);
}

// Node's web-stream adapter reports zlib's own failures (not brotli's) as a TypeError
// without a message, the zlib error as its cause and its code copied.
const ZLIB_FAILURES = new Set(['Z_NEED_DICT', 'Z_STREAM_ERROR', 'Z_DATA_ERROR', 'Z_MEM_ERROR', 'Z_BUF_ERROR', 'Z_VERSION_ERROR']);
function streamError(cause) {
  if (cause === null || typeof cause !== 'object' || !ZLIB_FAILURES.has(cause.code)) return cause;
  const err = new TypeError(undefined, { cause });
  err.code = cause.code;
  return err;
}

function chunkBytes(chunk) {
  if (typeof chunk === 'string') return bytesOf(Buffer.from(chunk, 'utf8'));
  if (ArrayBuffer.isView(chunk) && !(chunk instanceof DataView)) return bytesOf(chunk);
  // Node's adapter hands a DataView's buffer to the stream, which refuses it.
  const shown = chunk instanceof DataView ? chunk.buffer : chunk;
  throw invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], shown);
}

function createPair(mode, finishFlush) {
  let handle = null;
  let readController = null;
  let waitingPull = null;
  let failure = null;

  function release() {
    if (handle !== null) {
      const h = handle;
      handle = null;
      try {
        zlibCall('zlib.close', h);
      } catch {
        // Gone with the execution.
      }
    }
  }

  function fail(err) {
    failure = streamError(err);
    release();
    try {
      readController.error(failure);
    } catch {
      // Already closed or errored.
    }
    return failure;
  }

  async function pump(data, flush) {
    if (failure) throw failure;
    if (handle === null) handle = zlibCall('zlib.open', mode, {});
    let input = data;
    for (;;) {
      let reply;
      try {
        reply = zlibCall('zlib.write', handle, input, flush, CHUNK);
      } catch (err) {
        throw fail(err);
      }
      input = new Uint8Array(0);
      const [out, more] = reply;
      for (let offset = 0; offset < out.byteLength; offset += CHUNK) {
        readController.enqueue(out.slice(offset, offset + CHUNK));
      }
      if (!more) return;
      if (readController.desiredSize <= 0) {
        await new Promise((resolve) => {
          waitingPull = resolve;
        });
        if (failure) throw failure;
      }
    }
  }

  const readable = new ReadableStream({
    start(controller) {
      readController = controller;
    },
    pull() {
      const resume = waitingPull;
      waitingPull = null;
      if (resume) resume();
    },
    cancel(reason) {
      failure = reason;
      release();
      const resume = waitingPull;
      waitingPull = null;
      if (resume) resume();
    },
  });
  const writable = new WritableStream({
    write(chunk) {
      let bytes;
      try {
        bytes = chunkBytes(chunk);
      } catch (err) {
        fail(err);
        throw err;
      }
      return pump(bytes, 0);
    },
    async close() {
      await pump(new Uint8Array(0), finishFlush);
      release();
      readController.close();
    },
    abort(reason) {
      fail(reason);
    },
  });
  return { readable, writable };
}

const kPair = Symbol('kPair');

class CompressionStream {
  constructor(format) {
    const mode = COMPRESS[format];
    if (typeof format !== 'string' || mode === undefined) throw formatError('CompressionStream', format);
    this[kPair] = createPair(mode, mode === BROTLI_ENCODE ? constants.BROTLI_OPERATION_FINISH : constants.Z_FINISH);
  }

  get readable() {
    return this[kPair].readable;
  }

  get writable() {
    return this[kPair].writable;
  }
}

class DecompressionStream {
  constructor(format) {
    const mode = DECOMPRESS[format];
    if (typeof format !== 'string' || mode === undefined) throw formatError('DecompressionStream', format);
    this[kPair] = createPair(mode, mode === BROTLI_DECODE ? constants.BROTLI_OPERATION_FINISH : constants.Z_FINISH);
  }

  get readable() {
    return this[kPair].readable;
  }

  get writable() {
    return this[kPair].writable;
  }
}

const customInspect = Symbol.for('nodejs.util.inspect.custom');
for (const cls of [CompressionStream, DecompressionStream]) {
  Object.defineProperty(cls.prototype, customInspect, {
    configurable: true,
    enumerable: false,
    writable: true,
    value: function inspect(depth, options, inspectFn) {
      if (depth < 0) return this;
      const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
      return `${cls.name} ${inspectFn({ readable: this.readable, writable: this.writable }, opts)}`;
    },
  });
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { configurable: true, enumerable: false, value: cls.name, writable: false });
}
named(CompressionStream, 'CompressionStream');
named(DecompressionStream, 'DecompressionStream');

export { CompressionStream, DecompressionStream };

export function install(ctx) {
  ctx.defineGlobal('CompressionStream', CompressionStream);
  ctx.defineGlobal('DecompressionStream', DecompressionStream);
}
