// What every part of the `fs` module shares: the two bridge wrappers, path
// arguments (string, Buffer, file: URL; resolved against process.cwd()), the
// errors Node shapes (host errors re-worded with the path as the caller gave
// it), argument validators, Stats, Dirent, StatFs and fs.constants.

import util from 'node-lib:internal/util/inspect';
import { Buffer } from 'buffer';
import { hostCall, op } from './dispatch.js';
import { hostCallAsync, nextTick } from './loop.js';
import { invalidArgType, nodeError, outOfRange, validateFunction, validateInteger } from './errors.js';
import { types } from './inspect_bindings.js';
import { loadBuiltin } from './modules.js';

export { Buffer, validateFunction, validateInteger, invalidArgType, nodeError, outOfRange, types };

// ---------------------------------------------------------------- bridge calls

// A host call with its error re-worded for the caller (see remapError). `paths`
// are what the call's `path` and `dest` fields were made from, `syscall`
// renames a failing syscall where Node's differs ({ fsync: 'fdatasync' }).
export function fsSync(name, payload, path, dest, syscall) {
  try {
    return hostCall(name, payload);
  } catch (err) {
    throw remapError(err, path, dest, syscall);
  }
}

export function fsAsync(name, payload, path, dest, syscall) {
  return hostCallAsync(name, payload).then(undefined, (err) => {
    throw withoutFrames(() => remapError(err, path, dest, syscall));
  });
}

// Node creates the errors of asynchronous calls in C++, from the event loop:
// their stack is the message line alone.
export function withoutFrames(make) {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (!desc || !desc.writable) return make();
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

// Runs a Node callback from the loop, outside any promise reaction, so that an
// exception in it is an uncaught exception (as in Node), not a rejection.
export function settle(promise, callback, map) {
  promise.then(
    (value) => nextTick(callback, null, map === undefined ? value : map(value)),
    (err) => nextTick(callback, err),
  );
}

// ---------------------------------------------------------------- errors

// Node's libuv error: message "CODE: description, syscall 'path' -> 'dest'",
// own properties in Node's order (errno, code, syscall, path, dest).
export function uvError(code, errno, description, syscall, path, dest, detail) {
  let message = `${code}: ${description}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  if (detail) message += `: ${detail}`;
  const err = new Error(message);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (dest !== undefined) err.dest = dest;
  return err;
}

const UV = {
  ENOENT: [-2, 'no such file or directory'],
  EBADF: [-9, 'bad file descriptor'],
  EEXIST: [-17, 'file already exists'],
  ENOTDIR: [-20, 'not a directory'],
  EISDIR: [-21, 'illegal operation on a directory'],
  EINVAL: [-22, 'invalid argument'],
  EMFILE: [-24, 'too many open files'],
  ESPIPE: [-29, 'invalid seek'],
};

export function uvErrorFor(code, syscall, path, dest) {
  const [errno, description] = UV[code];
  return uvError(code, errno, description, syscall, path, dest);
}

// How a guest path travels: `abs` is sent to the host, `shown` is how Node
// names it in errors (what the caller passed).
function shownPath(hostPath, ...candidates) {
  for (const p of candidates) {
    if (p === undefined) continue;
    if (hostPath === p.abs) return p.shown;
    if (p.abs !== '/' && hostPath.startsWith(`${p.abs}/`)) return p.shown + hostPath.slice(p.abs.length);
  }
  return hostPath;
}

// The host sends Node's message built from absolute paths; rebuild it with the
// caller's paths. Errors that are not kernel errors pass through unchanged.
// `syscall` maps a host syscall name to Node's ({ scandir: 'opendir' }).
export function remapError(err, path, dest, syscall) {
  if (err === null || typeof err !== 'object' || typeof err.code !== 'string' ||
      typeof err.errno !== 'number' || typeof err.syscall !== 'string') return err;
  const message = String(err.message);
  const head = `${err.code}: `;
  let tail = `, ${err.syscall}`;
  if (err.path !== undefined) tail += ` '${err.path}'`;
  if (err.dest !== undefined) tail += ` -> '${err.dest}'`;
  const at = message.indexOf(tail, head.length);
  if (!message.startsWith(head) || at < 0) return err;
  const description = typeof err.description === 'string' ? err.description : message.slice(head.length, at);
  const rest = message.slice(at + tail.length);
  const detail = typeof err.detail === 'string' ? err.detail : rest.startsWith(': ') ? rest.slice(2) : undefined;
  const shown = err.path === undefined ? undefined : shownPath(err.path, path, dest);
  const shownDest = err.dest === undefined ? undefined : shownPath(err.dest, dest, path);
  const call = syscall !== undefined && syscall[err.syscall] !== undefined ? syscall[err.syscall] : err.syscall;
  if (err.code === 'EISDIR' && call === 'rm') return fsEisdir(shown);
  return uvError(err.code, err.errno, description, call, shown, shownDest, detail);
}

// Node's SystemError (lib/internal/errors.js): "<prefix>: <syscall> returned
// <CODE> (<message>) <path>", the uv context in `info`, errno/syscall/path as
// accessors; its stack reads "SystemError [<key>]: ..." like Node's own errors.
const NodeErrorPrototype = Object.getPrototypeOf(nodeError(Error, 'ERR_X', ''));

class SystemError extends Error {
  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return util.inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}
Object.setPrototypeOf(SystemError.prototype, NodeErrorPrototype);

export function systemError(key, prefix, context) {
  const err = new SystemError();
  let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
  if (context.path !== undefined) message += ` ${context.path}`;
  if (context.dest !== undefined) message += ` => ${context.dest}`;
  err.code = key;
  Object.defineProperties(err, {
    name: { value: 'SystemError', enumerable: false, writable: true, configurable: true },
    message: { value: message, enumerable: false, writable: true, configurable: true },
    info: { value: context, enumerable: true, configurable: true, writable: false },
    errno: { get: () => context.errno, set: (v) => { context.errno = v; }, enumerable: true, configurable: true },
    syscall: { get: () => context.syscall, set: (v) => { context.syscall = v; }, enumerable: true, configurable: true },
  });
  if (context.path !== undefined) {
    Object.defineProperty(err, 'path', {
      get: () => (context.path != null ? context.path.toString() : context.path),
      set: (v) => { context.path = v ? Buffer.from(v.toString()) : undefined; },
      enumerable: true,
      configurable: true,
    });
  }
  if (context.dest !== undefined) {
    Object.defineProperty(err, 'dest', {
      get: () => (context.dest != null ? context.dest.toString() : context.dest),
      set: (v) => { context.dest = v ? Buffer.from(v.toString()) : undefined; },
      enumerable: true,
      configurable: true,
    });
  }
  return err;
}

export function fsEisdir(path) {
  return systemError('ERR_FS_EISDIR', 'Path is a directory', {
    code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21,
  });
}

// ERR_INVALID_ARG_VALUE, worded as Node words it.
export function invalidArgValue(name, value, reason = 'is invalid') {
  let inspected = util.inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${inspected}`);
}

export function codedError(Base, code, message) {
  return nodeError(Base, code, message);
}

// ---------------------------------------------------------------- validators

export function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

export function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  const min = positive ? 1 : 0;
  if (value < min || value > 4294967295) throw outOfRange(name, `>= ${min} && <= 4294967295`, value);
}

export function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw invalidArgType(name, 'boolean', value);
}

export function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
}

export function validateObject(value, name, nullable = false) {
  if (value === null && nullable) return;
  if (value === null || Array.isArray(value) || typeof value !== 'object') throw invalidArgType(name, 'Object', value);
}

export function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'AbortSignal', signal);
  }
}

export function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

export function validateBuffer(buffer, name = 'buffer') {
  if (!ArrayBuffer.isView(buffer)) throw invalidArgType(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
}

export function validateEncoding(data, encoding) {
  const normalized = typeof encoding === 'string' ? encoding.toLowerCase() : encoding;
  if (normalized === 'hex' && data.length % 2 !== 0) {
    throw invalidArgValue('encoding', encoding, `is invalid for data of length ${data.length}`);
  }
}

export function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding)) throw invalidArgValue('encoding', encoding, 'is invalid encoding');
}

// Node's getOptions: a string is the encoding; otherwise an object (or nothing).
export function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    options = { ...defaults, encoding: options };
  } else if (typeof options !== 'object') {
    throw invalidArgType('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

const octalRe = /^[0-7]+$/;

export function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!octalRe.test(value)) throw invalidArgValue(name, value, 'must be a 32-bit unsigned integer or an octal string');
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

export function getValidatedFd(fd, name = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
}

export function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw outOfRange('offset', '>= 0', offset);
  if (length < 0) throw outOfRange('length', '>= 0', length);
  if (offset + length > bufferLength) throw outOfRange('length', `<= ${bufferLength - offset}`, length);
}

export function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw outOfRange('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) throw outOfRange('length', `<= ${byteLength - offset}`, length);
  if (length < 0) throw outOfRange('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

export function validatePosition(position, name, length) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    const max = 2n ** 63n - 1n - BigInt(length);
    if (!(position >= -1n && position <= max)) throw outOfRange(name, `>= -1 && <= ${max}`, position);
  } else {
    throw invalidArgType(name, ['integer', 'bigint'], position);
  }
}

export function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers)) throw invalidArgType(name, 'ArrayBufferView[]', buffers);
  for (const b of buffers) if (!ArrayBuffer.isView(b)) throw invalidArgType(name, 'ArrayBufferView[]', buffers);
  return buffers;
}

export function validateStringAfterArrayBufferView(buffer, name) {
  if (typeof buffer !== 'string') throw invalidArgType(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
}

// Node's toUnixTimestamp: seconds as a number.
export function toUnixTimestamp(time, name = 'time') {
  // eslint-disable-next-line eqeqeq
  if (typeof time === 'string' && +time == time) return +time;
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (types.isDate(time)) return time.getTime() / 1000;
  throw invalidArgType(name, ['Date', 'Time in seconds'], time);
}

// Seconds (a double) as integer nanoseconds for the host.
export function secondsToNs(seconds) {
  const whole = Math.floor(seconds);
  return BigInt(whole) * 1000000000n + BigInt(Math.round((seconds - whole) * 1e9));
}

// ---------------------------------------------------------------- flags

export const O = {
  RDONLY: 0, WRONLY: 1, RDWR: 2, CREAT: 0o100, EXCL: 0o200, NOCTTY: 0o400, TRUNC: 0o1000, APPEND: 0o2000,
  DIRECTORY: 0o200000, NOATIME: 0o1000000, NOFOLLOW: 0o400000, SYNC: 0o4010000, DSYNC: 0o10000,
  DIRECT: 0o40000, NONBLOCK: 0o4000,
};

const FLAGS = {
  r: O.RDONLY, rs: O.RDONLY | O.SYNC, sr: O.RDONLY | O.SYNC,
  'r+': O.RDWR, 'rs+': O.RDWR | O.SYNC, 'sr+': O.RDWR | O.SYNC,
  w: O.TRUNC | O.CREAT | O.WRONLY, wx: O.TRUNC | O.CREAT | O.WRONLY | O.EXCL, xw: O.TRUNC | O.CREAT | O.WRONLY | O.EXCL,
  'w+': O.TRUNC | O.CREAT | O.RDWR, 'wx+': O.TRUNC | O.CREAT | O.RDWR | O.EXCL, 'xw+': O.TRUNC | O.CREAT | O.RDWR | O.EXCL,
  a: O.APPEND | O.CREAT | O.WRONLY, ax: O.APPEND | O.CREAT | O.WRONLY | O.EXCL, xa: O.APPEND | O.CREAT | O.WRONLY | O.EXCL,
  as: O.APPEND | O.CREAT | O.WRONLY | O.SYNC, sa: O.APPEND | O.CREAT | O.WRONLY | O.SYNC,
  'a+': O.APPEND | O.CREAT | O.RDWR, 'ax+': O.APPEND | O.CREAT | O.RDWR | O.EXCL, 'xa+': O.APPEND | O.CREAT | O.RDWR | O.EXCL,
  'as+': O.APPEND | O.CREAT | O.RDWR | O.SYNC, 'sa+': O.APPEND | O.CREAT | O.RDWR | O.SYNC,
};

export function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags;
  }
  if (flags == null) return O.RDONLY;
  if (Object.prototype.hasOwnProperty.call(FLAGS, flags)) return FLAGS[flags];
  throw invalidArgValue(name, flags);
}

export const constants = Object.assign(Object.create(null), {
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960,
  S_IFSOCK: 49152,
  O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536,
  O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384, O_NONBLOCK: 2048,
  S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8,
  S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
});

// ---------------------------------------------------------------- paths

let processCwd = null;

export function cwd() {
  processCwd ??= loadBuiltin('process').cwd;
  return processCwd();
}

export function resolvePath(path, base = cwd()) {
  const parts = (path.startsWith('/') ? path : `${base}/${path}`).split('/');
  const out = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function dirname(path) {
  if (path.length === 0) return '.';
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  const i = path.lastIndexOf('/', end - 1);
  if (i < 0) return '.';
  if (i === 0) return '/';
  let j = i;
  while (j > 1 && path[j - 1] === '/') j--;
  return path.slice(0, j);
}

export function basename(path) {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}

// Node's path.normalize for POSIX (keeps a relative path relative).
export function normalize(path) {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const out = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(part);
    }
  }
  let joined = out.join('/');
  if (joined === '' && !absolute) joined = '.';
  if (trailing && joined !== '' && joined !== '.') joined += '/';
  else if (trailing && joined === '.' ) joined = './';
  return absolute ? `/${joined}` : joined;
}

export function join(...parts) {
  const joined = parts.filter((p) => p !== '').join('/');
  return normalize(joined === '' ? '.' : joined);
}

// Node's path.relative for POSIX (both resolved against the cwd).
export function relative(from, to) {
  const a = resolvePath(from).split('/').filter(Boolean);
  const b = resolvePath(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export function isAbsolute(path) {
  return path.startsWith('/');
}

function fileURLToPath(url) {
  if (url.protocol !== 'file:') throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (url.hostname !== '') {
    throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  }
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function isURL(value) {
  return value != null && typeof value.href === 'string' && typeof value.protocol === 'string' &&
    value.auth === undefined && value.path === undefined;
}

export function toPathIfFileURL(value) {
  return isURL(value) ? fileURLToPath(value) : value;
}

export function validatePath(path, name = 'path') {
  const isString = typeof path === 'string';
  if (!isString && !(path instanceof Uint8Array)) throw invalidArgType(name, ['string', 'Buffer', 'URL'], path);
  if (isString ? !path.includes('\u0000') : !path.includes(0)) return;
  throw invalidArgValue(name, path, 'must be a string, Uint8Array, or URL without null bytes');
}

export function pathString(path) {
  return typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
}

// A validated path argument: { abs, shown, value } (value as Node keeps it: a
// string or the caller's Buffer). An empty path has no absolute form.
export function getPath(value, name = 'path') {
  const path = toPathIfFileURL(value);
  validatePath(path, name);
  const shown = pathString(path);
  return { abs: shown === '' ? '' : resolvePath(shown), shown, value: path };
}

// Calls that Node passes an empty path to fail in the kernel with ENOENT.
export function checkEmpty(p, syscall, dest) {
  if (p.abs === '') throw uvErrorFor('ENOENT', syscall, p.shown, dest === undefined ? undefined : dest.shown);
  if (dest !== undefined && dest.abs === '') throw uvErrorFor('ENOENT', syscall, p.shown, dest.shown);
}

// ---------------------------------------------------------------- bytes

export function asBuffer(bytes) {
  if (Buffer.isBuffer(bytes)) return bytes;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function byteView(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

export function encodeResult(text, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return text;
  const buf = Buffer.from(text);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

// The guest's stdin, for reads of fd 0 (fetched once, when first read).
let stdinState = null;

export function stdinRead(length, position) {
  stdinState ??= { data: (() => { const d = op('config').stdin; return d == null ? new Uint8Array(0) : typeof d === 'string' ? Buffer.from(d) : d; })(), pos: 0 };
  const start = position === null ? stdinState.pos : position;
  const chunk = stdinState.data.subarray(start, start + length);
  if (position === null) stdinState.pos = start + chunk.length;
  return chunk;
}

// ---------------------------------------------------------------- Stats

const S_IFMT = 0o170000;
const kNsPerMs = 1000000n;

function splitNs(ns) {
  const big = BigInt(ns);
  let sec = big / 1000000000n;
  let nsec = big % 1000000000n;
  if (nsec < 0n) {
    nsec += 1000000000n;
    sec -= 1n;
  }
  return [sec, nsec];
}

function msFromNs(ns) {
  const [sec, nsec] = splitNs(ns);
  return Number(sec) * 1000 + Number(nsec) / 1e6;
}

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

const lazyDateFields = {};
for (const name of ['atime', 'mtime', 'ctime', 'birthtime']) {
  lazyDateFields[name] = {
    enumerable: true,
    configurable: true,
    get() {
      const value = dateFromMs(this[`${name}Ms`]);
      Object.defineProperty(this, name, { value, writable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(this, name, { value, writable: true });
    },
  };
}

export function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

const typeChecks = {
  isDirectory: 0o040000, isFile: 0o100000, isBlockDevice: 0o060000, isCharacterDevice: 0o020000,
  isSymbolicLink: 0o120000, isFIFO: 0o010000, isSocket: 0o140000,
};
for (const [name, bits] of Object.entries(typeChecks)) {
  StatsBase.prototype[name] = { [name]() { return this._checkModeProperty(bits); } }[name];
}

export function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Object.defineProperties(Stats.prototype, lazyDateFields);
Stats.prototype._checkModeProperty = function _checkModeProperty(property) {
  return (this.mode & S_IFMT) === property;
};

export function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / kNsPerMs;
  this.mtimeMs = mtimeNs / kNsPerMs;
  this.ctimeMs = ctimeNs / kNsPerMs;
  this.birthtimeMs = birthtimeNs / kNsPerMs;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
Object.defineProperties(BigIntStats.prototype, lazyDateFields);
BigIntStats.prototype._checkModeProperty = function _checkModeProperty(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

const num = (v) => (typeof v === 'bigint' ? Number(v) : v);

// Stats (or BigIntStats) from the host's dict of integers with ns times.
export function makeStats(s, bigint) {
  if (bigint) {
    const b = (v) => BigInt(v);
    return new BigIntStats(b(s.dev), b(s.mode), b(s.nlink), b(s.uid), b(s.gid), b(s.rdev), b(s.blksize), b(s.ino),
      b(s.size), b(s.blocks), b(s.atimeNs), b(s.mtimeNs), b(s.ctimeNs), b(s.birthtimeNs));
  }
  return new Stats(num(s.dev), num(s.mode), num(s.nlink), num(s.uid), num(s.gid), num(s.rdev), num(s.blksize),
    num(s.ino), num(s.size), num(s.blocks), msFromNs(s.atimeNs), msFromNs(s.mtimeNs), msFromNs(s.ctimeNs),
    msFromNs(s.birthtimeNs));
}

export function isDirectoryStat(s) {
  return (num(s.mode) & S_IFMT) === 0o040000;
}

export class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

export function makeStatFs(s, bigint) {
  const f = bigint ? (v) => BigInt(v) : num;
  return new StatFs(f(s.type), f(s.bsize), f(s.blocks), f(s.bfree), f(s.bavail), f(s.files), f(s.ffree));
}

// ---------------------------------------------------------------- Dirent

const kType = Symbol('type');
const kStats = Symbol('stats');

export const DIRENT = { UNKNOWN: 0, FILE: 1, DIR: 2, LINK: 3, FIFO: 4, SOCKET: 5, CHAR: 6, BLOCK: 7 };

export class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() {
    return this[kType] === DIRENT.DIR;
  }

  isFile() {
    return this[kType] === DIRENT.FILE;
  }

  isBlockDevice() {
    return this[kType] === DIRENT.BLOCK;
  }

  isCharacterDevice() {
    return this[kType] === DIRENT.CHAR;
  }

  isSymbolicLink() {
    return this[kType] === DIRENT.LINK;
  }

  isFIFO() {
    return this[kType] === DIRENT.FIFO;
  }

  isSocket() {
    return this[kType] === DIRENT.SOCKET;
  }
}

export class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kStats] = stats;
  }
}
for (const name of Object.getOwnPropertyNames(Dirent.prototype)) {
  if (name === 'constructor') continue;
  DirentFromStats.prototype[name] = { [name]() { return this[kStats][name](); } }[name];
}

// Names from the host ([name, type] pairs) in the caller's encoding.
export function encodeName(name, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return name;
  const buf = Buffer.from(name);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

// ---------------------------------------------------------------- misc

// Node's aggregateTwoErrors (for close errors after another error).
export function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) {
      outer.errors.push(inner);
      return outer;
    }
    // eslint-disable-next-line no-undef
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

export function emitWarning(...args) {
  loadBuiltin('process').emitWarning(...args);
}

export function abortError(signal) {
  const err = new Error('The operation was aborted', { cause: signal?.reason });
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  return err;
}

export { util };

// Runs a generator that yields the results of operations called with the same
// `sync` flag: synchronously (each yield gives back the value) or as a promise
// (each yielded promise is awaited; a rejection is thrown into the generator).
// One algorithm then serves both the sync and the async forms.
export function drive(sync, gen) {
  if (sync) {
    let step = gen.next();
    while (!step.done) step = gen.next(step.value);
    return step.value;
  }
  return new Promise((resolve, reject) => {
    const advance = (method, arg) => {
      let step;
      try {
        step = gen[method](arg);
      } catch (err) {
        reject(err);
        return;
      }
      if (step.done) resolve(step.value);
      else Promise.resolve(step.value).then((v) => advance('next', v), (e) => advance('throw', e));
    };
    advance('next');
  });
}
