// process.stdout / process.stderr (synchronous writes forwarded to the host in
// bounded chunks) and process.stdin (the `stdin` option, as a readable stream).

import { EventEmitter } from './events.js';
import { Buffer } from 'buffer';
import { hostPost } from './dispatch.js';
import { nextTick, Handle } from './loop.js';

// Writes travel in chunks that fit the host's payload limit with room for framing.
const MAX_CHUNK = 64 * 1024;
const FRAME_ROOM = 256;

function invalidChunk(chunk) {
  const err = new TypeError(`The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${chunk === null ? 'null' : typeof chunk}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

export function createWritable(fd, encode, payloadLimit) {
  const chunkSize = Math.max(1, Math.min(MAX_CHUNK, payloadLimit - FRAME_ROOM));
  const stream = new EventEmitter();
  Object.assign(stream, {
    fd,
    writable: true,
    _isStdio: true,
    writableLength: 0,
    writableHighWaterMark: 16384,
    writableEnded: false,
    write(chunk, encoding, callback) {
      if (typeof encoding === 'function') {
        callback = encoding;
        encoding = undefined;
      }
      let bytes;
      if (typeof chunk === 'string') bytes = encoding && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding) : encode(chunk);
      else if (ArrayBuffer.isView(chunk)) bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      else throw invalidChunk(chunk);
      for (let off = 0; off < bytes.length; off += chunkSize) {
        hostPost('stdio.write', { fd, data: bytes.subarray(off, Math.min(off + chunkSize, bytes.length)) });
      }
      if (typeof callback === 'function') nextTick(callback, null);
      return true;
    },
    end(chunk, encoding, callback) {
      if (typeof chunk === 'function') callback = chunk;
      else if (chunk !== undefined && chunk !== null) stream.write(chunk, encoding);
      if (typeof callback === 'function') nextTick(callback);
      return stream;
    },
    cork() {},
    uncork() {},
    setDefaultEncoding() { return stream; },
    getColorDepth() { return 1; },
    hasColors() { return false; },
    destroy() { return stream; },
  });
  return stream;
}

export function createStdin(data) {
  const stream = new EventEmitter();
  const bytes = data == null ? null : Buffer.from(data.buffer ? data : String(data));
  let encoding = null;
  let flowing = null;
  let delivered = false;
  let ended = false;
  let handle = null;
  let scheduled = false;

  function chunkOut(buf) {
    return encoding ? buf.toString(encoding) : buf;
  }

  function deliver() {
    scheduled = false;
    if (ended || flowing !== true) return;
    if (!delivered && bytes !== null && bytes.length > 0) {
      delivered = true;
      stream.emit('data', chunkOut(bytes));
      if (flowing !== true) return;
    }
    delivered = true;
    ended = true;
    stream.readableEnded = true;
    stream.emit('end');
    if (handle) handle.close();
    nextTick(() => stream.emit('close'));
  }

  function schedule() {
    if (scheduled || ended) return;
    scheduled = true;
    if (!handle) handle = new Handle('stdin');
    nextTick(deliver);
  }

  Object.assign(stream, {
    fd: 0,
    readable: true,
    readableEnded: false,
    setEncoding(enc) {
      encoding = enc;
      return stream;
    },
    resume() {
      flowing = true;
      schedule();
      return stream;
    },
    pause() {
      flowing = false;
      return stream;
    },
    isPaused() {
      return flowing === false;
    },
    read() {
      if (!delivered && bytes !== null && bytes.length > 0) {
        delivered = true;
        return chunkOut(bytes);
      }
      if (!ended) {
        flowing = flowing ?? false;
        ended = true;
        nextTick(() => stream.emit('end'));
      }
      return null;
    },
    pipe(dest) {
      stream.on('data', (chunk) => dest.write(chunk));
      if (!dest._isStdio) stream.on('end', () => dest.end && dest.end());
      return dest;
    },
    unref() {
      if (handle) handle.unref();
      return stream;
    },
    ref() {
      if (handle) handle.ref();
      return stream;
    },
    destroy() {
      ended = true;
      if (handle) handle.close();
      return stream;
    },
    async *[Symbol.asyncIterator]() {
      if (!delivered && bytes !== null && bytes.length > 0) {
        delivered = true;
        yield chunkOut(bytes);
      }
      ended = true;
    },
  });

  stream.on('newListener', (event) => {
    if (event === 'data' && flowing !== false) {
      flowing = true;
      schedule();
    } else if (event === 'readable' || event === 'end') {
      if (event === 'readable') nextTick(() => stream.emit('readable'));
      if (flowing === null && event === 'end') return;
    }
  });
  return stream;
}
