// fs.ReadStream and fs.WriteStream (createReadStream/createWriteStream,
// FileHandle.createReadStream/createWriteStream) on the real stream classes,
// as Node's lib/internal/fs/streams.js: ReadStream is a Readable whose
// _construct opens the file and whose _read reads at `pos`; WriteStream is a
// Writable whose _write/_writev write there; both close the descriptor in
// _destroy (after the I/O in flight) when autoClose, with 'open' and 'ready'
// emitted once the file is open. A FileHandle passed as `fd` is used through
// its own methods and closes the stream when it closes.

import { EventEmitter } from './events.js';
import * as ops from './fs_ops.js';
import {
  Buffer, getOptions, getValidatedFd, invalidArgType, outOfRange, parseFileMode, pathString,
  resolvePath, stringToFlags, toPathIfFileURL, validateBoolean, validateInteger, validatePath,
} from './fs_common.js';
import { Stream } from './stream.js';
import { named } from './native.js';
import { ctx } from './context.js';

const { Readable, Writable, finished } = Stream;
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kIoDone = Symbol('kIoDone');
const kHandle = Symbol('kHandle');

// ---------------------------------------------------------------- descriptors behind a stream

let FileHandleClass = null;
export function registerFileHandle(cls) {
  FileHandleClass = cls;
}

function isFileHandle(value) {
  return FileHandleClass !== null && value instanceof FileHandleClass;
}

function importFd(stream, options) {
  if (typeof options.fd === 'number') return options.fd;
  if (isFileHandle(options.fd)) {
    stream[kHandle] = options.fd;
    options.fd.on('close', () => stream.close());
    return options.fd.fd;
  }
  throw invalidArgType('options.fd', ['number', 'FileHandle'], options.fd);
}

// The file operations a stream uses, on its FileHandle or on its descriptor.
function fdRead(stream, n, position) {
  const handle = stream[kHandle];
  if (handle) return handle.read(Buffer.alloc(n), 0, n, position).then((r) => r.buffer.subarray(0, r.bytesRead));
  return ops.read(stream.fd, n, position, false);
}

function fdWrite(stream, view, position) {
  const handle = stream[kHandle];
  if (handle) return handle.write(view, 0, view.byteLength, position).then((r) => r.bytesWritten);
  return ops.write(stream.fd, view, position, false);
}

function fdClose(stream) {
  const handle = stream[kHandle];
  if (handle) return handle.fd === -1 ? Promise.resolve() : handle.close();
  return ops.close(stream.fd, false);
}

function fdSync(stream) {
  const handle = stream[kHandle];
  return handle ? handle.sync() : ops.fsync(stream.fd, false, false);
}

function asBuffer(bytes) {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// Opens the stream's file unless it was given a descriptor; 'open' and
// 'ready' follow the construct callback, as in Node.
function construct(callback) {
  const stream = this;
  if (typeof stream.fd === 'number') {
    callback();
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
    callback(err);
    return;
  }
  ops.open(p, flags, mode, false).then((fd) => {
    stream.fd = fd;
    callback();
    stream.emit('open', stream.fd);
    stream.emit('ready');
  }, (err) => callback(err));
}

function closeStream(stream, err, cb) {
  // As Node: a descriptor of 0 counts as none.
  if (!stream.fd) {
    cb(err);
    return;
  }
  const close = () => {
    fdClose(stream).then(() => cb(err), (er) => cb(er || err));
    stream.fd = null;
  };
  if (stream.flush) {
    fdSync(stream).then(close, (er) => {
      fdClose(stream).then(() => cb(er), (er2) => cb(er2 || er));
      stream.fd = null;
    });
    return;
  }
  close();
}

function destroyStream(err, cb) {
  if (this[kIsPerformingIO]) this.once(kIoDone, (er) => closeStream(this, err || er, cb));
  else closeStream(this, err, cb);
}

// ---------------------------------------------------------------- ReadStream

export function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = { ...getOptions(options, {}) };
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = false;
  this[kHandle] = null;
  if (options.fd == null) {
    this.fd = null;
    this.path = toPathIfFileURL(path);
    this.flags = options.flags === undefined ? 'r' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
    validatePath(this.path);
  } else {
    this.fd = getValidatedFd(importFd(this, options));
  }
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.start = options.start;
  this.end = options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
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
  Reflect.apply(Readable, this, [options]);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() {
    return this._readableState.autoDestroy;
  },
  set(value) {
    this._readableState.autoDestroy = value;
  },
  configurable: true,
});

ReadStream.prototype._construct = construct;

ReadStream.prototype._read = function _read(n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  this[kIsPerformingIO] = true;
  const position = this.pos === undefined ? null : this.pos;
  fdRead(this, n, position).then((bytes) => [null, bytes], (err) => [err, null]).then(([er, bytes]) => {
    this[kIsPerformingIO] = false;
    // ._destroy() waits for this to close the descriptor.
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      this.destroy(er);
    } else if (bytes.byteLength > 0) {
      if (this.pos !== undefined) this.pos += bytes.byteLength;
      this.bytesRead += bytes.byteLength;
      this.push(asBuffer(bytes));
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = destroyStream;

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

Object.defineProperty(ReadStream.prototype, 'pending', {
  get() {
    return this.fd === null;
  },
  configurable: true,
});
named(ReadStream, 'ReadStream');

// ---------------------------------------------------------------- WriteStream

export function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = { ...getOptions(options, {}) };
  // Only buffers are supported.
  options.decodeStrings = true;
  this[kHandle] = null;
  if (options.fd == null) {
    this.fd = null;
    this.path = toPathIfFileURL(path);
    this.flags = options.flags === undefined ? 'w' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
    validatePath(this.path);
  } else {
    this.fd = getValidatedFd(importFd(this, options));
  }
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  if (options.flush == null) {
    this.flush = false;
  } else {
    validateBoolean(options.flush, 'options.flush');
    this.flush = options.flush;
  }
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  Reflect.apply(Writable, this, [options]);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() {
    return this._writableState.autoDestroy;
  },
  set(value) {
    this._writableState.autoDestroy = value;
  },
  configurable: true,
});

WriteStream.prototype._construct = construct;

function writeAll(stream, data, cb) {
  stream[kIsPerformingIO] = true;
  const position = stream.pos === undefined ? null : stream.pos;
  fdWrite(stream, data, position).then((bytes) => [null, bytes], (err) => [err, 0]).then(([er, bytes]) => {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      // ._destroy() waits for this to close the descriptor.
      cb(er);
      stream.emit(kIoDone, er);
      return;
    }
    if (er) {
      cb(er);
      return;
    }
    stream.bytesWritten += bytes;
    cb();
  });
  if (stream.pos !== undefined) stream.pos += data.byteLength;
}

WriteStream.prototype._write = function _write(data, encoding, cb) {
  writeAll(this, data, cb);
};

WriteStream.prototype._writev = function _writev(data, cb) {
  const chunks = data.map(({ chunk }) => chunk);
  writeAll(this, Buffer.concat(chunks), cb);
};

WriteStream.prototype._destroy = destroyStream;

WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) {
      ctx.process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  // Not autoClosing: destroy on 'finish'.
  if (!this.autoClose) this.on('finish', this.destroy);
  // end() rather than destroy(), as Node (nodejs/node#2006).
  this.end();
};

// There is no shutdown() for files.
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

Object.defineProperty(WriteStream.prototype, 'pending', {
  get() {
    return this.fd === null;
  },
  configurable: true,
});
named(WriteStream, 'WriteStream');

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
