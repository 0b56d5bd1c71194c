// fs.ReadStream and fs.WriteStream (createReadStream/createWriteStream) without
// a `stream` module: EventEmitters with the Readable/Writable surface programs
// use on file streams: 'open', 'ready', 'data', 'readable', 'end', 'finish',
// 'drain', 'error', 'close'; pause/resume/read/setEncoding/pipe and async
// iteration; write/end/close/destroy with callbacks; bytesRead, bytesWritten,
// path, pending, start/end/highWaterMark, flags, mode, encoding, fd (a number or
// a FileHandle), autoClose, emitClose, flush. Event order follows Node's.
// Kept apart so that it can be rebased on a real `stream` implementation.

import { EventEmitter } from './events.js';
import * as ops from './fs_ops.js';
import {
  Buffer, byteView, getOptions, getValidatedFd, invalidArgType, nodeError, outOfRange, parseFileMode, pathString,
  resolvePath, stringToFlags, toPathIfFileURL, validateBoolean, validateInteger, validatePath,
} from './fs_common.js';
import { nextTick } from './loop.js';
import { loadBuiltin } from './modules.js';

// ---------------------------------------------------------------- string decoding

// Decodes a byte stream chunk by chunk without splitting characters (what
// Node's StringDecoder does for setEncoding).
class ChunkDecoder {
  constructor(encoding) {
    this.encoding = Buffer.isEncoding(encoding) ? encoding.toLowerCase() : 'utf8';
    this.pending = Buffer.alloc(0);
  }

  #keep(buf) {
    const enc = this.encoding;
    if (enc === 'utf8' || enc === 'utf-8') {
      // Hold back an incomplete UTF-8 sequence at the end.
      let i = buf.length - 1;
      let back = 0;
      while (i >= 0 && back < 4 && (buf[i] & 0xc0) === 0x80) {
        i--;
        back++;
      }
      if (i < 0) return 0;
      const lead = buf[i];
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      return need > back + 1 ? back + 1 : 0;
    }
    if (enc === 'utf16le' || enc === 'utf-16le' || enc === 'ucs2' || enc === 'ucs-2') return buf.length % 2;
    if (enc === 'base64' || enc === 'base64url') return buf.length % 3;
    return 0;
  }

  write(chunk) {
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const keep = this.#keep(buf);
    this.pending = keep > 0 ? Buffer.from(buf.subarray(buf.length - keep)) : Buffer.alloc(0);
    return buf.subarray(0, buf.length - keep).toString(this.encoding);
  }

  end() {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return rest.length > 0 ? rest.toString(this.encoding) : '';
  }
}

// ---------------------------------------------------------------- descriptors behind a stream

let FileHandleClass = null;
export function registerFileHandle(cls) {
  FileHandleClass = cls;
}

function isFileHandle(value) {
  return FileHandleClass !== null && value instanceof FileHandleClass;
}

function importFd(stream, options) {
  if (typeof options.fd === 'number') return getValidatedFd(options.fd);
  if (isFileHandle(options.fd)) {
    stream._handle = options.fd;
    options.fd.on('close', () => stream.close());
    return getValidatedFd(options.fd.fd);
  }
  throw invalidArgType('options.fd', ['number', 'FileHandle'], options.fd);
}

function closeFd(stream) {
  const fd = stream.fd;
  stream.fd = null;
  if (stream._handle) {
    const handle = stream._handle;
    stream._handle = null;
    return handle.fd === -1 ? Promise.resolve() : handle.close();
  }
  if (typeof fd !== 'number') return Promise.resolve();
  return ops.close(fd, false);
}

function isStdio(dest) {
  const process = loadBuiltin('process');
  return dest === process.stdout || dest === process.stderr;
}

function streamDestroyed(what) {
  return nodeError(Error, 'ERR_STREAM_DESTROYED', `Cannot call ${what} after a stream was destroyed`);
}

// ---------------------------------------------------------------- ReadStream

// Opens a read or write stream's file (unless it was given an fd) and calls
// `constructed` once the stream may start. As Node: a stream counts as
// constructed a tick after 'open' and 'ready', so reads and writes made from
// those listeners wait.
function openStreamFile(stream, constructed) {
  if (typeof stream.fd === 'number') {
    constructed();
    return;
  }
  let p;
  let flags;
  let mode;
  try {
    const shown = pathString(stream.path);
    p = { abs: shown === '' ? '' : resolvePath(shown), shown, value: stream.path };
    flags = stringToFlags(stream.flags);
    mode = parseFileMode(stream.mode, 'mode', 0o666);
  } catch (err) {
    stream.destroy(err);
    return;
  }
  stream._opening = ops.open(p, flags, mode, false).then((fd) => {
    stream._opening = null;
    stream.fd = fd;
    nextTick(constructed);
    stream.emit('open', fd);
    stream.emit('ready');
  }, (err) => {
    stream._opening = null;
    if (stream.destroyed) stream.errored ??= err;
    else stream.destroy(err);
  });
}

export class ReadStream extends EventEmitter {
  #hwm;
  #decoder = null;
  #flowing = null;
  #readableListening = false;
  #buffer = [];
  #bufferedBytes = 0;
  #reading = false;
  #eof = false;
  #endEmitted = false;
  #constructed = false;
  #scheduled = false;
  #emitClose;
  #autoClose;
  #readableScheduled = false;
  #afterRead = null;   // what destroy() does once the read in flight is done

  constructor(path, options) {
    super();
    options = { ...getOptions(options, {}) };
    if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
    this._handle = null;
    if (options.fd == null) {
      this.fd = null;
      this.path = toPathIfFileURL(path);
      this.flags = options.flags === undefined ? 'r' : options.flags;
      this.mode = options.mode === undefined ? 0o666 : options.mode;
      validatePath(this.path);
    } else {
      this.fd = importFd(this, options);
    }
    this.#autoClose = options.autoClose === undefined ? true : options.autoClose;
    this.#emitClose = options.emitClose === undefined ? true : options.emitClose;
    this.start = options.start;
    this.end = options.end;
    this.pos = undefined;
    this.bytesRead = 0;
    if (this.start !== undefined) {
      validateInteger(this.start, 'start', 0);
      this.pos = this.start;
    }
    if (this.end === undefined) {
      this.end = Infinity;
    } else if (this.end !== Infinity) {
      validateInteger(this.end, 'end', 0);
      if (this.start !== undefined && this.start > this.end) {
        throw outOfRange('start', `<= "end" (here: ${this.end})`, this.start);
      }
    }
    validateInteger(options.highWaterMark, 'options.highWaterMark', 0);
    this.#hwm = options.highWaterMark;
    this.destroyed = false;
    this.closed = false;
    this.readable = true;
    this.readableEnded = false;
    this.errored = null;
    if (options.encoding) this.setEncoding(options.encoding);
    this.on('newListener', (event) => {
      if (event === 'data' && this.#flowing !== false) this.resume();
      else if (event === 'readable' && !this.#readableListening) {
        this.#readableListening = true;
        this.#flowing = false;
        this.#schedule();
      }
    });
    nextTick(() => this.#construct());
  }

  get pending() {
    return this.fd === null;
  }

  get autoClose() {
    return this.#autoClose;
  }

  set autoClose(value) {
    this.#autoClose = value;
  }

  get readableHighWaterMark() {
    return this.#hwm;
  }

  get readableLength() {
    return this.#bufferedBytes;
  }

  get readableFlowing() {
    return this.#flowing;
  }

  get readableEncoding() {
    return this.#decoder ? this.#decoder.encoding : null;
  }

  get readableObjectMode() {
    return false;
  }

  #construct() {
    openStreamFile(this, () => {
      this.#constructed = true;
      if (!this.destroyed) this.#schedule();
    });
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    nextTick(() => {
      this.#scheduled = false;
      this.#flow();
    });
  }

  // Hands out buffered data when flowing, then reads more if wanted.
  #flow() {
    if (this.destroyed) return;
    while (this.#flowing === true && this.#buffer.length > 0) {
      const chunk = this.#buffer.shift();
      this.#bufferedBytes -= chunk.length;
      this.emit('data', this.#decode(chunk));
    }
    if (this.#eof) {
      this.#maybeEnd();
      return;
    }
    const wanted = this.#flowing === true || (this.#readableListening && this.#bufferedBytes < this.#hwm);
    if (wanted) this.#readMore();
  }

  #decode(chunk) {
    return this.#decoder ? this.#decoder.write(chunk) : chunk;
  }

  #readMore() {
    if (!this.#constructed || this.#reading || this.#eof || this.destroyed) return;
    let n = this.#hwm;
    n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
    if (n <= 0) {
      this.#onEof();
      return;
    }
    this.#reading = true;
    const position = this.pos === undefined ? null : this.pos;
    const read = this._handle ? this._handle.read(Buffer.alloc(n), 0, n, position).then((r) => r.buffer.subarray(0, r.bytesRead))
      : ops.read(this.fd, n, position, false);
    const idle = () => {
      this.#reading = false;
      const then = this.#afterRead;
      this.#afterRead = null;
      if (then) then();
    };
    read.then((bytes) => {
      idle();
      if (this.destroyed) return;
      if (bytes.byteLength === 0) {
        this.#onEof();
        return;
      }
      if (this.pos !== undefined) this.pos += bytes.byteLength;
      this.bytesRead += bytes.byteLength;
      this.#onChunk(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }, (err) => {
      idle();
      if (!this.destroyed) this.destroy(err);
    });
  }

  #onChunk(chunk) {
    if (this.#flowing === true && this.#buffer.length === 0) {
      this.emit('data', this.#decode(chunk));
      this.#flow();
      return;
    }
    this.#buffer.push(chunk);
    this.#bufferedBytes += chunk.length;
    if (this.#readableListening) this.#emitReadable();
    else this.#schedule();
  }

  #emitReadable() {
    if (this.#readableScheduled) return;
    this.#readableScheduled = true;
    nextTick(() => {
      this.#readableScheduled = false;
      if (this.destroyed) return;
      this.emit('readable');
      this.#flow();
    });
  }

  #onEof() {
    this.#eof = true;
    if (this.#decoder) {
      const rest = this.#decoder.end();
      if (rest.length > 0) {
        if (this.#flowing === true && this.#buffer.length === 0) this.emit('data', rest);
        else {
          const bytes = Buffer.from(rest, this.#decoder.encoding);
          this.#buffer.push(bytes);
          this.#bufferedBytes += bytes.length;
        }
      }
    }
    if (this.#readableListening) this.#emitReadable();
    this.#maybeEnd();
  }

  #maybeEnd() {
    if (this.#endEmitted || this.#buffer.length > 0 || !this.#eof) return;
    if (this.#flowing !== true && !this.#readableListening) return;
    this.#endEmitted = true;
    nextTick(() => {
      if (this.destroyed) return;
      this.readable = false;
      this.readableEnded = true;
      this.emit('end');
      if (this.#autoClose) this.destroy();
    });
  }

  read(n) {
    if (this.#flowing === null) this.#flowing = false;
    if (this.#buffer.length === 0) {
      if (this.#eof) this.#maybeEnd();
      else this.#schedule();
      return null;
    }
    let chunk;
    if (n === undefined || n >= this.#bufferedBytes) {
      chunk = this.#buffer.length === 1 ? this.#buffer[0] : Buffer.concat(this.#buffer);
      this.#buffer = [];
      this.#bufferedBytes = 0;
    } else {
      const all = Buffer.concat(this.#buffer);
      chunk = all.subarray(0, n);
      this.#buffer = [all.subarray(n)];
      this.#bufferedBytes = all.length - n;
    }
    if (this.#eof) this.#maybeEnd();
    else this.#schedule();
    return this.#decoder ? this.#decoder.write(chunk) : chunk;
  }

  setEncoding(encoding) {
    this.#decoder = new ChunkDecoder(encoding);
    return this;
  }

  pause() {
    if (this.#flowing !== false) {
      this.#flowing = false;
      this.emit('pause');
    }
    return this;
  }

  resume() {
    if (this.#flowing !== true) {
      this.#flowing = true;
      this.#readableListening = false;
      nextTick(() => this.emit('resume'));
      this.#schedule();
    }
    return this;
  }

  isPaused() {
    return this.#flowing === false;
  }

  pipe(dest, options = {}) {
    const end = options.end !== false && !isStdio(dest);
    this.on('data', (chunk) => {
      if (dest.write(chunk) === false && typeof dest.once === 'function') {
        this.pause();
        dest.once('drain', () => this.resume());
      }
    });
    if (end) this.on('end', () => dest.end());
    if (typeof dest.emit === 'function') dest.emit('pipe', this);
    this.resume();
    return dest;
  }

  unpipe() {
    this.removeAllListeners('data');
    this.pause();
    return this;
  }

  destroy(err, cb) {
    if (this.destroyed) {
      if (typeof cb === 'function') nextTick(cb, err);
      return this;
    }
    this.destroyed = true;
    this.readable = false;
    if (err) this.errored = err;
    const finish = (closeErr) => {
      const error = err || closeErr;
      this.closed = true;
      if (typeof cb === 'function') cb(error);
      nextTick(() => {
        if (error && typeof cb !== 'function') this.emit('error', error);
        if (this.#emitClose) this.emit('close');
      });
    };
    // As Node: a stream destroyed while opening closes once the open is done.
    const close = () => (this._opening ? this._opening.then(close) : closeFd(this).then(() => finish(), (e) => finish(e)));
    if (this.#reading) this.#afterRead = close;
    else if (this.#constructed || this._opening || typeof this.fd === 'number') close();
    else nextTick(close);
    return this;
  }

  // Node reports through finished(): closing before the end is a premature close.
  close(cb) {
    if (typeof cb === 'function') {
      const ended = () => (this.readableEnded ? undefined : nodeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
      if (this.closed) nextTick(cb, ended());
      else this.once('close', () => cb(this.errored ?? ended()));
    }
    this.destroy();
  }

  async* [Symbol.asyncIterator]() {
    const queue = [];
    let done = false;
    let failure = null;
    let wake = null;
    const notify = () => {
      if (wake) {
        const w = wake;
        wake = null;
        w();
      }
    };
    const onData = (chunk) => {
      queue.push(chunk);
      this.pause();
      notify();
    };
    const onEnd = () => {
      done = true;
      notify();
    };
    const onError = (e) => {
      failure = e;
      notify();
    };
    this.on('data', onData);
    this.once('end', onEnd);
    this.once('error', onError);
    this.once('close', onEnd);
    try {
      for (;;) {
        if (queue.length > 0) {
          yield queue.shift();
          if (queue.length === 0) this.resume();
          continue;
        }
        if (failure) throw failure;
        if (done) return;
        await new Promise((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      this.removeListener('data', onData);
      this.removeListener('end', onEnd);
      this.removeListener('error', onError);
      this.removeListener('close', onEnd);
      if (!this.readableEnded) this.destroy();
    }
  }
}

// ---------------------------------------------------------------- WriteStream

function invalidChunk(chunk) {
  return invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
}

export class WriteStream extends EventEmitter {
  #hwm;
  #queue = [];
  #writing = false;
  #constructed = false;
  #endCallbacks = [];
  #needDrain = false;
  #emitClose;
  #autoClose;
  #defaultEncoding = 'utf8';
  #afterWrite = null;   // what destroy() does once the write in flight is done

  constructor(path, options) {
    super();
    options = { ...getOptions(options, {}) };
    this._handle = null;
    if (options.fd == null) {
      this.fd = null;
      this.path = toPathIfFileURL(path);
      this.flags = options.flags === undefined ? 'w' : options.flags;
      this.mode = options.mode === undefined ? 0o666 : options.mode;
      validatePath(this.path);
    } else {
      this.fd = importFd(this, options);
    }
    this.#autoClose = options.autoClose === undefined ? true : options.autoClose;
    this.#emitClose = options.emitClose === undefined ? true : options.emitClose;
    this.flush = options.flush;
    if (this.flush == null) this.flush = false;
    else validateBoolean(this.flush, 'options.flush');
    this.start = options.start;
    this.pos = undefined;
    this.bytesWritten = 0;
    if (this.start !== undefined) {
      validateInteger(this.start, 'start', 0);
      this.pos = this.start;
    }
    const hwm = options.highWaterMark === undefined ? 64 * 1024 : options.highWaterMark;
    validateInteger(hwm, 'options.highWaterMark', 0);
    this.#hwm = hwm;
    this.destroyed = false;
    this.closed = false;
    this.writable = true;
    this.writableEnded = false;
    this.writableFinished = false;
    this.writableLength = 0;
    this.errored = null;
    if (options.encoding) this.setDefaultEncoding(options.encoding);
    nextTick(() => this.#construct());
  }

  get pending() {
    return this.fd === null;
  }

  get autoClose() {
    return this.#autoClose;
  }

  set autoClose(value) {
    this.#autoClose = value;
  }

  get writableHighWaterMark() {
    return this.#hwm;
  }

  get writableNeedDrain() {
    return this.#needDrain;
  }

  get writableObjectMode() {
    return false;
  }

  get writableCorked() {
    return 0;
  }

  #construct() {
    openStreamFile(this, () => {
      this.#constructed = true;
      if (!this.destroyed) this.#pump();
    });
  }

  setDefaultEncoding(encoding) {
    if (typeof encoding === 'string') encoding = encoding.toLowerCase();
    if (!Buffer.isEncoding(encoding)) {
      throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
    }
    this.#defaultEncoding = encoding;
    return this;
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = this.#defaultEncoding;
    } else if (!encoding) {
      encoding = this.#defaultEncoding;
    }
    if (chunk === null) throw nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
    let bytes;
    if (typeof chunk === 'string') bytes = Buffer.from(chunk, encoding);
    else if (ArrayBuffer.isView(chunk)) bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else throw invalidChunk(chunk);
    let err = null;
    if (this.writableEnded) err = nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
    else if (this.destroyed) err = streamDestroyed('write');
    if (err) {
      if (typeof cb === 'function') nextTick(cb, err);
      if (!this.destroyed) this.destroy(err);
      return false;
    }
    this.writableLength += bytes.length;
    const ok = this.writableLength < this.#hwm;
    if (!ok) this.#needDrain = true;
    this.#queue.push({ bytes, cb });
    this.#pump();
    return ok;
  }

  #pump() {
    if (!this.#constructed || this.#writing || this.destroyed) return;
    if (this.#queue.length === 0) {
      if (this.writableEnded && !this.writableFinished) this.#finish();
      return;
    }
    const item = this.#queue.shift();
    this.#writing = true;
    const idle = () => {
      this.#writing = false;
      const then = this.#afterWrite;
      this.#afterWrite = null;
      if (then) then();
    };
    this.#writeAll(item.bytes).then(() => {
      idle();
      this.writableLength -= item.bytes.length;
      if (this.destroyed) return;
      if (this.#needDrain && this.writableLength === 0 && !this.writableEnded) {
        this.#needDrain = false;
        this.emit('drain');
      }
      if (typeof item.cb === 'function') item.cb(null);
      this.#pump();
    }, (err) => {
      idle();
      this.writableLength -= item.bytes.length;
      if (typeof item.cb === 'function') nextTick(item.cb, err);
      this.destroy(err);
    });
  }

  async #writeAll(bytes) {
    let view = byteView(bytes);
    while (view.byteLength > 0) {
      const position = this.pos === undefined ? null : this.pos;
      const n = this._handle
        ? (await this._handle.write(view, 0, view.byteLength, position)).bytesWritten
        : await ops.write(this.fd, view, position, false);
      if (this.destroyed) throw streamDestroyed('write');
      this.bytesWritten += n;
      if (this.pos !== undefined) this.pos += n;
      view = view.subarray(n);
    }
  }

  #finish() {
    if (this.writableFinished || this._finishing) return;
    this._finishing = true;
    const done = () => {
      this.writableFinished = true;
      const callbacks = this.#endCallbacks;
      this.#endCallbacks = [];
      for (const cb of callbacks) cb(null);
      this.emit('finish');
      if (this.#autoClose) this.destroy();
    };
    if (this.flush && typeof this.fd === 'number') {
      const sync = this._handle ? this._handle.sync() : ops.fsync(this.fd, false, false);
      sync.then(() => nextTick(done), (err) => this.destroy(err));
    } else {
      nextTick(done);
    }
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = null;
      encoding = null;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = null;
    }
    if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
    if (typeof cb === 'function') {
      if (this.writableFinished) nextTick(cb, null);
      else if (this.destroyed && this.errored) nextTick(cb, this.errored);
      else this.#endCallbacks.push(cb);
    }
    if (!this.writableEnded) {
      this.writableEnded = true;
      this.writable = false;
      this.#pump();
    }
    return this;
  }

  cork() {}

  uncork() {}

  destroy(err, cb) {
    if (this.destroyed) {
      if (typeof cb === 'function') nextTick(cb, err);
      return this;
    }
    this.destroyed = true;
    this.writable = false;
    if (err) this.errored = err;
    for (const item of this.#queue.splice(0)) {
      this.writableLength -= item.bytes.length;
      if (typeof item.cb === 'function') nextTick(item.cb, streamDestroyed('write'));
    }
    const finish = (closeErr) => {
      const error = err || closeErr;
      this.closed = true;
      if (typeof cb === 'function') cb(error);
      const pending = this.#endCallbacks;
      this.#endCallbacks = [];
      nextTick(() => {
        for (const endCb of pending) endCb(error ?? streamDestroyed('end'));
        if (error && typeof cb !== 'function') this.emit('error', error);
        if (this.#emitClose) this.emit('close');
      });
    };
    const close = () => (this._opening ? this._opening.then(close) : closeFd(this).then(() => finish(), (e) => finish(e)));
    if (this.#writing) {
      this.#afterWrite = close;
    } else if (this.#constructed || this._opening || typeof this.fd === 'number') {
      close();
    } else {
      nextTick(close);
    }
    return this;
  }

  close(cb) {
    if (cb) {
      if (this.closed) {
        nextTick(cb);
        return;
      }
      this.once('close', () => cb());
    }
    if (!this.#autoClose) this.once('finish', () => this.destroy());
    this.end();
  }

  destroySoon() {
    this.end();
  }
}

// ---------------------------------------------------------------- readLines

// FileHandle.readLines(): what readline.createInterface({ input, crlfDelay:
// Infinity }) gives for a file: 'line' and 'close' events, async iteration.
export function createLineReader(input) {
  const reader = new EventEmitter();
  let partial = '';
  let closed = false;
  const lines = [];
  let wake = null;
  let failure = null;
  const push = (line) => {
    lines.push(line);
    reader.emit('line', line);
    if (wake) {
      const w = wake;
      wake = null;
      w();
    }
  };
  input.setEncoding('utf8');
  input.on('data', (text) => {
    partial += text;
    const parts = partial.split(/\r\n|\n|\r(?!$)/);
    partial = parts.pop();
    for (const line of parts) push(line);
  });
  const finish = () => {
    if (closed) return;
    if (partial.length > 0) {
      const rest = partial.replace(/\r$/, '');
      partial = '';
      push(rest);
    }
    closed = true;
    reader.emit('close');
    if (wake) {
      const w = wake;
      wake = null;
      w();
    }
  };
  input.on('end', finish);
  input.on('error', (err) => {
    failure = err;
    finish();
  });
  reader.close = () => {
    input.destroy();
    finish();
  };
  reader.input = input;
  reader[Symbol.asyncIterator] = async function* lineIterator() {
    for (;;) {
      if (lines.length > 0) {
        yield lines.shift();
        continue;
      }
      if (failure) throw failure;
      if (closed) return;
      await new Promise((resolve) => {
        wake = resolve;
      });
    }
  };
  return reader;
}
