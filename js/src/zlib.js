// node:zlib, as Node 22 has it: deflate, gzip, raw deflate and brotli in their
// sync, callback and stream forms, backed by the worker's Python zlib and the
// brotli C library (src/secure_exec/_engine/_lib/_zlib.py). Streams hold one
// engine in the execution's handle table and decompress at most chunkSize bytes
// per call, pausing while the reader applies backpressure: a decompression bomb
// never lands in memory at once. zstd is not available (no Python backing).

import { Transform, finished } from 'readable-stream/lib/stream.js';
import { Buffer } from 'buffer';
import { defineBuiltin } from './modules.js';
import { invalidArgType, nodeError, outOfRange, unsupportedError, validateFunction } from './errors.js';
import { named } from './native.js';
import { nextTick, setImmediate } from './loop.js';
import {
  bytesOf, checkFiniteNumber, checkRangesOrGetDefault, constants, engineError, isAnyArrayBuffer,
  isArrayBufferView, kMaxBrotliParam, kMaxLength, outputCap, toBuffer, zlibCall,
} from './zlib_engine.js';

const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_DEFAULT_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS,
  Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION, Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL,
  Z_DEFAULT_STRATEGY, Z_FIXED, DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE, BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
} = constants;

const codes = {
  Z_OK: constants.Z_OK, Z_STREAM_END: constants.Z_STREAM_END, Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO, Z_STREAM_ERROR: constants.Z_STREAM_ERROR, Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR, Z_BUF_ERROR: constants.Z_BUF_ERROR, Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const key of Object.keys(codes)) codes[codes[key]] = key;
Object.freeze(codes);

const kOpts = Symbol('kOpts');
const kHandle = Symbol('kHandle');
const kFlushFlag = Symbol('kFlushFlag');
const kResume = Symbol('kResume');
const kClosed = Symbol('kClosed');

const zlibDefaultOpts = { flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH };
const brotliDefaultOpts = {
  flush: BROTLI_OPERATION_PROCESS, finishFlush: BROTLI_OPERATION_FINISH, fullFlush: BROTLI_OPERATION_FLUSH,
};

// The flush order Node uses to combine a pending flush with the finishing one.
const flushiness = [];
for (const [i, flag] of [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH].entries()) flushiness[flag] = i;
function maxFlush(a, b) {
  return flushiness[a] > flushiness[b] ? a : b;
}

function zlibError(err, stream) {
  const e = engineError(err);
  if (stream) stream[kClosed] = true;
  return e;
}

// ---------------------------------------------------------------- stream classes

function ZlibBase(opts, mode, engineOpts, { flush, finishFlush, fullFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) chunkSize = Z_DEFAULT_CHUNK;
    else if (chunkSize < Z_MIN_CHUNK) throw outOfRange('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush', Z_NO_FLUSH, Z_BLOCK, flush);
    finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', Z_NO_FLUSH, Z_BLOCK, finishFlush);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  Reflect.apply(Transform, this, [{ autoDestroy: true, ...opts }]);
  this.bytesWritten = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
  this._mode = mode;
  this[kOpts] = engineOpts;
  this[kHandle] = null;
  this[kResume] = null;
  this[kClosed] = false;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true,
  enumerable: true,
  get() {
    return this[kClosed];
  },
});

ZlibBase.prototype._handleId = function _handleId() {
  if (this[kHandle] === null) {
    if (this[kClosed]) throw nodeError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed');
    this[kHandle] = zlibCall('zlib.open', this._mode, this[kOpts]);
  }
  return this[kHandle];
};

ZlibBase.prototype.reset = function reset() {
  if (this[kClosed]) throw nodeError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed');
  if (this[kHandle] !== null) zlibCall('zlib.reset', this[kHandle]);
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    const marker = Buffer.alloc(0);
    marker[kFlushFlag] = kind;
    this.write(marker, '', callback);
  }
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  this[kResume] = null;
  if (this[kHandle] !== null) {
    const handle = this[kHandle];
    this[kHandle] = null;
    try {
      zlibCall('zlib.close', handle);
    } catch {
      // Already gone with the execution.
    }
  }
  this[kClosed] = true;
  callback(err);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  if (this.writableEnded && this.writableLength === chunk.byteLength) flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
  // Node's work happens on its thread pool: the output arrives in a later turn.
  setImmediate(() => this._process(bytesOf(chunk), flushFlag, cb));
};

ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._read = function _read(n) {
  const resume = this[kResume];
  if (resume !== null) {
    this[kResume] = null;
    resume();
    return;
  }
  Reflect.apply(Transform.prototype._read, this, [n]);
};

// Feeds one chunk and pushes the output in chunkSize pieces; while the reader is
// full, waits for its next _read before asking the engine for more.
ZlibBase.prototype._process = function _process(input, flushFlag, cb) {
  if (this.destroyed) {
    cb();
    return;
  }
  let data = input;
  const step = () => {
    for (;;) {
      if (this.destroyed) return;
      let reply;
      try {
        reply = zlibCall('zlib.write', this._handleId(), data, flushFlag, this._chunkSize);
      } catch (err) {
        this.destroy(zlibError(err, this));
        return;
      }
      data = new Uint8Array(0);
      const [out, more] = reply;
      let room = true;
      for (let offset = 0; offset < out.byteLength; offset += this._chunkSize) {
        const piece = toBuffer(out.subarray(offset, offset + this._chunkSize));
        room = this.push(piece);
      }
      if (!more) {
        this.bytesWritten += input.byteLength;
        cb();
        return;
      }
      if (!room) {
        this[kResume] = step;
        return;
      }
    }
  };
  step();
};

function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    if (opts.windowBits === 0 && (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      // 8 is valid for deflate but not for gzip.
      const min = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
      windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', min, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
    memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
    dictionary = opts.dictionary;
    if (dictionary !== undefined && !isArrayBufferView(dictionary)) {
      if (isAnyArrayBuffer(dictionary)) dictionary = Buffer.from(dictionary);
      else throw invalidArgType('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
    }
  }
  const engineOpts = { windowBits, level, memLevel, strategy, dictionary: dictionary === undefined ? null : bytesOf(dictionary) };
  Reflect.apply(ZlibBase, this, [opts, mode, engineOpts, zlibDefaultOpts]);
  this._level = level;
  this._strategy = strategy;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, () => {
      if (this.destroyed) return;
      try {
        if (this[kHandle] !== null || !this[kClosed]) zlibCall('zlib.params', this._handleId(), level, strategy);
      } catch (err) {
        this.destroy(zlibError(err, this));
        return;
      }
      this._level = level;
      this._strategy = strategy;
      if (callback) callback();
    });
  } else if (callback) {
    nextTick(callback);
  }
};

function Brotli(opts, mode) {
  const params = { __proto__: null };
  if (opts && opts.params) {
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || key < 0 || key > kMaxBrotliParam || params[key] !== undefined) {
        throw nodeError(RangeError, 'ERR_BROTLI_INVALID_PARAM', `${origKey} is not a valid Brotli parameter`);
      }
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw invalidArgType('options.params[key]', 'number', opts.params[origKey]);
      }
      params[key] = Number(value) >>> 0;
    }
  }
  const engineOpts = { params: { ...params } };
  Reflect.apply(ZlibBase, this, [opts, mode, engineOpts, brotliDefaultOpts]);
  // Node checks the parameters when it creates the encoder, in the constructor.
  this[kHandle] = zlibCall('zlib.open', mode, engineOpts);
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);

function makeClass(name, Base, mode) {
  const ctor = {
    [name]: function (opts) {
      if (!new.target) return new ctor(opts);
      Reflect.apply(Base, this, [opts, mode]);
    },
  }[name];
  Object.setPrototypeOf(ctor.prototype, Base.prototype);
  Object.setPrototypeOf(ctor, Base);
  return ctor;
}

// Explicit names survive the bundler.
const Deflate = named(makeClass('Deflate', Zlib, DEFLATE), 'Deflate');
const Inflate = named(makeClass('Inflate', Zlib, INFLATE), 'Inflate');
const Gzip = named(makeClass('Gzip', Zlib, GZIP), 'Gzip');
const Gunzip = named(makeClass('Gunzip', Zlib, GUNZIP), 'Gunzip');
const DeflateRaw = named(makeClass('DeflateRaw', Zlib, DEFLATERAW), 'DeflateRaw');
const InflateRaw = named(makeClass('InflateRaw', Zlib, INFLATERAW), 'InflateRaw');
const Unzip = named(makeClass('Unzip', Zlib, UNZIP), 'Unzip');
const BrotliCompress = named(makeClass('BrotliCompress', Brotli, BROTLI_ENCODE), 'BrotliCompress');
const BrotliDecompress = named(makeClass('BrotliDecompress', Brotli, BROTLI_DECODE), 'BrotliDecompress');
named(ZlibBase, 'ZlibBase');
named(Zlib, 'Zlib');
named(Brotli, 'Brotli');

function unsupportedClass(name) {
  const ctor = {
    [name]: function () {
      throw unsupportedError(`zlib.${name}`);
    },
  }[name];
  return named(ctor, name);
}
const ZstdCompress = unsupportedClass('ZstdCompress');
const ZstdDecompress = unsupportedClass('ZstdDecompress');

// ---------------------------------------------------------------- convenience forms

function toInput(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (!isArrayBufferView(buffer)) {
    if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
    throw invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
  }
  return buffer;
}

function runSync(engine, buffer) {
  const input = toInput(buffer);
  let out;
  try {
    out = zlibCall('zlib.oneshot', engine._mode, engine[kOpts], bytesOf(input), engine._finishFlushFlag,
      outputCap(engine._maxOutputLength));
  } finally {
    engine.destroy();
  }
  engine.bytesWritten = input.byteLength;
  const result = toBuffer(out);
  return engine._info ? { buffer: result, engine } : result;
}

function syncWrapper(ctor) {
  return named(function syncBufferWrapper(buffer, opts) {
    return runSync(new ctor(opts), buffer);
  }, 'syncBufferWrapper');
}

function asyncWrapper(ctor) {
  return named(function asyncBufferWrapper(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    const engine = new ctor(opts);
    validateFunction(callback, 'callback');
    // Node ends a stream with the buffer: the stream's own chunk check applies.
    let input = buffer;
    if (input === null || input === undefined) input = Buffer.alloc(0);
    else if (typeof input !== 'string' && !isArrayBufferView(input) && !isAnyArrayBuffer(input)) {
      throw invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], input);
    }
    input = toInput(input);
    setImmediate(() => {
      let result;
      try {
        result = runSync(engine, input);
      } catch (err) {
        callback(err);
        return;
      }
      callback(null, result);
    });
  }, 'asyncBufferWrapper');
}

function unsupportedFunction(name) {
  return named(function () {
    throw unsupportedError(`zlib.${name}`);
  }, name);
}

// ---------------------------------------------------------------- crc32

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw invalidArgType('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  if (typeof value !== 'number') throw invalidArgType('value', 'number', value);
  if (!Number.isInteger(value)) throw outOfRange('value', 'an integer', value);
  if (value < 0 || value > 4294967295) throw outOfRange('value', '>= 0 && <= 4294967295', value);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return zlibCall('zlib.crc32', bytesOf(bytes), value);
}

// ---------------------------------------------------------------- the module

function createModule() {
  const zlib = {
    crc32: named(crc32, 'crc32'),
    Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
    ZstdCompress, ZstdDecompress,
    deflate: asyncWrapper(Deflate), deflateSync: syncWrapper(Deflate),
    gzip: asyncWrapper(Gzip), gzipSync: syncWrapper(Gzip),
    deflateRaw: asyncWrapper(DeflateRaw), deflateRawSync: syncWrapper(DeflateRaw),
    unzip: asyncWrapper(Unzip), unzipSync: syncWrapper(Unzip),
    inflate: asyncWrapper(Inflate), inflateSync: syncWrapper(Inflate),
    gunzip: asyncWrapper(Gunzip), gunzipSync: syncWrapper(Gunzip),
    inflateRaw: asyncWrapper(InflateRaw), inflateRawSync: syncWrapper(InflateRaw),
    brotliCompress: asyncWrapper(BrotliCompress), brotliCompressSync: syncWrapper(BrotliCompress),
    brotliDecompress: asyncWrapper(BrotliDecompress), brotliDecompressSync: syncWrapper(BrotliDecompress),
    zstdCompress: unsupportedFunction('zstdCompress'), zstdCompressSync: unsupportedFunction('zstdCompressSync'),
    zstdDecompress: unsupportedFunction('zstdDecompress'), zstdDecompressSync: unsupportedFunction('zstdDecompressSync'),
  };
  const creators = {
    createDeflate: Deflate, createInflate: Inflate, createDeflateRaw: DeflateRaw, createInflateRaw: InflateRaw,
    createGzip: Gzip, createGunzip: Gunzip, createUnzip: Unzip, createBrotliCompress: BrotliCompress,
    createBrotliDecompress: BrotliDecompress,
  };
  for (const [name, ctor] of Object.entries(creators)) {
    Object.defineProperty(zlib, name, {
      configurable: true, enumerable: true, writable: false,
      value: named((options) => new ctor(options), 'value'),
    });
  }
  for (const name of ['createZstdCompress', 'createZstdDecompress']) {
    Object.defineProperty(zlib, name, {
      configurable: true, enumerable: true, writable: false, value: unsupportedFunction(name),
    });
  }
  const moduleConstants = Object.assign({ __proto__: null }, constants);
  Object.defineProperty(zlib, 'constants', { configurable: false, enumerable: true, writable: false, value: moduleConstants });
  Object.defineProperty(zlib, 'codes', { configurable: false, enumerable: true, writable: false, value: codes });
  // The deprecated top-level copies of the zlib (not brotli) constants.
  for (const key of Object.keys(constants)) {
    if (key.startsWith('BROTLI')) continue;
    Object.defineProperty(zlib, key, { enumerable: false, value: constants[key], writable: false });
  }
  return zlib;
}

export function install() {
  defineBuiltin('zlib', createModule);
}
