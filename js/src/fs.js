// The `fs` module: Node's synchronous and callback APIs over the host kernel's
// filesystem, plus the builtin registrations of `fs` and `fs/promises`.
// Argument validation follows Node 22's lib/fs.js (same errors, same order);
// every operation is one bridge call (fs_ops.js). The promise API lives in
// fs_promises.js, streams in fs_streams.js, Dir in fs_dir.js, cp in
// fs_cp.js, glob in fs_glob.js.

import * as ops from './fs_ops.js';
import {
  Buffer, Dirent, O, Stats, abortError, byteView, constants, drive, emitWarning, encodeName, getOptions,
  getPath, getValidatedFd, invalidArgType, invalidArgValue, isArrayBufferView, join, nodeError, parseFileMode, relative,
  resolvePath, settle, stringToFlags, toPathIfFileURL, toUnixTimestamp, validateBoolean, validateBuffer,
  validateBufferArray, validateEncoding, validateFunction, validateInt32, validateInteger, validateObject,
  validateOffsetLengthRead, validateOffsetLengthWrite, validatePath, validatePosition,
  validateStringAfterArrayBufferView, validateUint32, DIRENT,
} from './fs_common.js';
import { nextTick } from './loop.js';
import { defineBuiltin } from './modules.js';
import { unsupportedError } from './errors.js';
import { promises } from './fs_promises.js';
import { ReadStream, WriteStream } from './fs_streams.js';
import { Dir, opendir, opendirSync } from './fs_dir.js';
import { cpFn } from './fs_cp.js';
import { Glob } from './fs_glob.js';

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
const { F_OK, R_OK, W_OK, X_OK } = constants;
const kMaxUserId = 2 ** 32 - 1;

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

const isFd = (value) => typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;

// A position as the host takes it: a non-negative integer, or null for "the
// descriptor's current position" (Node's -1, null, and anything else).
function hostPosition(position) {
  if (typeof position === 'bigint') return position >= 0n ? Number(position) : null;
  if (typeof position === 'number' && Number.isSafeInteger(position) && position >= 0) return position;
  return null;
}

// Writes take a position only as a number: Node writes a bigint (or any other
// value) at the current position, unlike reads.
function writePosition(position) {
  return typeof position === 'number' ? hostPosition(position) : null;
}

// The access and copy modes are checked by Node's C++ binding, in its own words.
export function getValidMode(mode, type) {
  if (mode == null) return type === 'copyFile' ? 0 : F_OK;
  if (typeof mode !== 'number') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined');
  const max = type === 'copyFile' ? 7 : F_OK | W_OK | R_OK | X_OK;
  if (!(mode >= 0 && mode <= max)) throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `mode is out of range: >= 0 && <= ${max}`);
  return Math.trunc(mode);
}

export function stringToSymlinkType(type) {
  if (typeof type === 'string' && type !== 'dir' && type !== 'junction' && type !== 'file') {
    throw nodeError(Error, 'ERR_FS_INVALID_SYMLINK_TYPE',
      `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`);
  }
}

let nonPortableTemplateWarn = true;
function warnOnNonPortableTemplate(template) {
  const s = template.value;
  if (nonPortableTemplateWarn && ((typeof s === 'string' && s.endsWith('X')) || (typeof s !== 'string' && s.at(-1) === 0x58))) {
    emitWarning('mkdtemp() templates ending with X are not portable. For details see: https://nodejs.org/api/fs.html');
    nonPortableTemplateWarn = false;
  }
}

let truncateWarn = true;
function showTruncateDeprecation() {
  if (truncateWarn) {
    emitWarning('Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.',
      'DeprecationWarning', 'DEP0081');
    truncateWarn = false;
  }
}

let recursiveRmdirWarned = false;
export function emitRecursiveRmdirWarning() {
  if (!recursiveRmdirWarned) {
    emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead',
      'DeprecationWarning', 'DEP0147');
    recursiveRmdirWarned = true;
  }
}

const defaultRmOptions = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };
const defaultRmdirOptions = { retryDelay: 100, maxRetries: 0, recursive: false };

export function validateRmdirOptions(options, defaults = defaultRmdirOptions) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
}

export function validateRmOptions(options) {
  options = validateRmdirOptions(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  return options;
}

// ---------------------------------------------------------------- shared algorithms

// Whole-descriptor reads and writes (readFile/writeFile on a user fd). Node
// fstats the descriptor first; its callback form then fails with a TypeError
// from Buffer.concat (a Node bug, kept: programs see it).
export function* readAllFd(fd, sync, callbackForm = false) {
  try {
    yield ops.fstat(fd, false, sync);
  } catch (err) {
    if (callbackForm) throw invalidArgType('list', 'Array', null);
    throw err;
  }
  const chunks = [];
  let total = 0;
  for (;;) {
    const chunk = yield ops.read(fd, 64 * 1024, null, sync);
    if (chunk.byteLength === 0) break;
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  return Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)), total);
}

export function* writeAllFd(fd, bytes, flush, sync) {
  let offset = 0;
  while (offset < bytes.byteLength) {
    offset += yield ops.write(fd, bytes.subarray(offset), null, sync);
  }
  if (flush) yield ops.fsync(fd, false, sync);
}

// Node's recursive readdir: breadth first; entries named relative to the base
// path; directories (and, where Node looks through them, symlinks to
// directories) are read in turn.
export function* readdirRecursive(p, options, sync, followLinks = true) {
  const withFileTypes = Boolean(options.withFileTypes);
  const encoding = options.encoding;
  const results = [];
  const queue = [p.shown];
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i];
    const entries = yield ops.readdir({ abs: resolvePath(dir), shown: dir }, sync);
    for (const [name, type] of entries) {
      const full = join(dir, name);
      let isDir = type === DIRENT.DIR;
      if (!isDir && type === DIRENT.LINK && (followLinks || !withFileTypes)) {
        try {
          const st = yield ops.rawStat({ abs: resolvePath(full), shown: full }, true, sync);
          isDir = (Number(st.mode) & 0o170000) === 0o040000;
        } catch {
          isDir = false;
        }
      }
      if (withFileTypes) results.push(new Dirent(encodeName(name, encoding), type, i === 0 ? p.value : dir));
      else results.push(encodeName(relative(p.shown, full), encoding));
      if (isDir) queue.push(full);
    }
  }
  return results;
}

export function direntsOf(p, entries, encoding, withFileTypes) {
  if (!withFileTypes) return entries.map(([name]) => encodeName(name, encoding));
  return entries.map(([name, type]) => new Dirent(encodeName(name, encoding), type, p.value));
}

function rmdirRecursive(p, options, sync) {
  emitRecursiveRmdirWarning();
  options = validateRmOptions({ ...options, force: false });
  return drive(sync, (function* rmdirTree() {
    const st = yield ops.rawStat(p, false, sync);
    if ((Number(st.mode) & 0o170000) !== 0o040000) return yield ops.rmdir(p, sync);
    return yield ops.rm(p, true, false, sync);
  })());
}

// ---------------------------------------------------------------- access, exists

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  const p = getPath(path);
  callback = makeCallback(callback);
  settle(ops.access(p, getValidMode(mode, 'access'), false), callback);
}

function accessSync(path, mode) {
  ops.access(getPath(path), getValidMode(mode, 'access'), true);
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  let p;
  try {
    p = getPath(path);
  } catch {
    return callback(false);
  }
  ops.exists(p, false).then((found) => nextTick(callback, found), () => nextTick(callback, false));
}
Object.defineProperty(exists, kCustomPromisify, {
  value: function exists(path) { // eslint-disable-line func-name-matching
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});

function existsSync(path) {
  let p;
  try {
    p = getPath(path);
  } catch {
    return false;
  }
  return ops.exists(p, true);
}

// ---------------------------------------------------------------- readFile, writeFile

function readFile(path, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { flag: 'r' });
  const encoding = options.encoding;
  const decode = (buf) => (encoding ? buf.toString(encoding) : buf);
  if (isFd(path)) {
    settle(drive(false, readAllFd(path, false, true)), callback, decode);
    return;
  }
  if (options.signal?.aborted) {
    callback(abortError(options.signal));
    return;
  }
  const flags = stringToFlags(options.flag, 'options.flag');
  settle(ops.readFile(getPath(path), flags, false), callback, decode);
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  let buffer;
  if (isFd(path)) {
    buffer = drive(true, readAllFd(path, true));
  } else {
    const p = getPath(path);
    buffer = ops.readFile(p, stringToFlags(options.flag), true);
  }
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

function toBytes(data, encoding) {
  if (isArrayBufferView(data)) return byteView(data);
  validateStringAfterArrayBufferView(data, 'data');
  return byteView(Buffer.from(data, encoding || 'utf8'));
}

function writeFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const bytes = toBytes(data, options.encoding);
  if (isFd(path)) {
    settle(drive(false, writeAllFd(path, bytes, flush, false)), callback, () => undefined);
    return;
  }
  if (options.signal?.aborted) {
    callback(abortError(options.signal));
    return;
  }
  const p = getPath(path);
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  settle(ops.writeFile(p, bytes, flags, mode, false), callback);
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const flag = options.flag || 'w';
  let p;
  if (typeof data === 'string' && (options.encoding === 'utf8' || options.encoding === 'utf-8') && !isFd(path)) {
    p = getPath(path);
  }
  const bytes = toBytes(data, options.encoding);
  if (isFd(path)) {
    drive(true, writeAllFd(path, bytes, flush, true));
    return;
  }
  p ??= getPath(path);
  ops.writeFile(p, bytes, stringToFlags(flag), parseFileMode(options.mode, 'mode', 0o666), true);
}

function appendFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!options.flag || isFd(path)) options.flag = 'a';
  fs.writeFile(path, data, options, callback);
}

function appendFileSync(path, data, options) {
  options = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!options.flag || isFd(path)) options.flag = 'a';
  fs.writeFileSync(path, data, options);
}

// ---------------------------------------------------------------- descriptors

function open(path, flags, mode, callback) {
  const p = getPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  settle(ops.open(p, flagsNumber, mode, false), callback);
}

function openSync(path, flags, mode) {
  return ops.open(getPath(path), stringToFlags(flags), parseFileMode(mode, 'mode', 0o666), true);
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  settle(ops.close(getValidatedFd(fd), false), callback);
}

function closeSync(fd) {
  ops.close(getValidatedFd(fd), true);
}

// Copies what the host read into the caller's buffer; returns the count.
function into(buffer, offset, bytes) {
  byteView(buffer).set(bytes, offset);
  return bytes.byteLength;
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', true);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? {});
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', true);
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? {});
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) {
    nextTick(() => callback(null, 0, buffer));
    return;
  }
  if (buffer.byteLength === 0) throw invalidArgValue('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  else validatePosition(position, 'position', length);
  ops.read(fd, length, hostPosition(position), false).then(
    (bytes) => nextTick(callback, null, into(buffer, offset, bytes), buffer),
    (err) => nextTick(callback, err, 0, buffer),
  );
}
Object.defineProperty(read, kCustomPromisify, {
  value: (...args) => new Promise((resolve, reject) => {
    read(...args, (err, bytesRead, buffer) => (err ? reject(err) : resolve({ bytesRead, buffer })));
  }),
});

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', true);
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
  }
  if (offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return 0;
  if (buffer.byteLength === 0) throw invalidArgValue('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  else validatePosition(position, 'position', length);
  return into(buffer, offset, ops.read(fd, length, hostPosition(position), true));
}

function scatter(buffers, bytes) {
  let at = 0;
  for (const b of buffers) {
    if (at >= bytes.byteLength) break;
    const view = byteView(b);
    const n = Math.min(view.byteLength, bytes.byteLength - at);
    view.set(bytes.subarray(at, at + n));
    at += n;
  }
  return bytes.byteLength;
}

const totalLength = (buffers) => buffers.reduce((n, b) => n + b.byteLength, 0);

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  if (typeof position !== 'number') position = null;
  ops.read(fd, totalLength(buffers), hostPosition(position), false).then(
    (bytes) => nextTick(callback, null, scatter(buffers, bytes), buffers),
    (err) => nextTick(callback, err, 0, buffers),
  );
}
Object.defineProperty(readv, kCustomPromisify, {
  value: (...args) => new Promise((resolve, reject) => {
    readv(...args, (err, bytesRead, buffers) => (err ? reject(err) : resolve({ bytesRead, buffers })));
  }),
});

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  return scatter(buffers, ops.read(fd, totalLength(buffers), hostPosition(position), true));
}

function stringBytes(text, encoding) {
  return byteView(Buffer.from(text, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8'));
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    callback ||= position || length || offset;
    validateFunction(callback, 'cb');
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
    }
    if (offset == null || typeof offset === 'function') offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    ops.write(fd, byteView(buffer).subarray(offset, offset + length), writePosition(position), false).then(
      (n) => nextTick(callback, null, n, buffer),
      (err) => nextTick(callback, err, 0, buffer),
    );
    return;
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  if (typeof position !== 'function') {
    if (typeof offset === 'function') {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = 'utf8';
  }
  const str = buffer;
  validateEncoding(str, length);
  callback = position;
  validateFunction(callback, 'cb');
  ops.write(fd, stringBytes(str, length), writePosition(offset), false).then(
    (n) => nextTick(callback, null, n, str),
    (err) => nextTick(callback, err, 0, str),
  );
}
Object.defineProperty(write, kCustomPromisify, {
  value: (...args) => new Promise((resolve, reject) => {
    write(...args, (err, bytesWritten, buffer) => (err ? reject(err) : resolve({ bytesWritten, buffer })));
  }),
});

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
    }
    if (position === undefined) position = null;
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return ops.write(fd, byteView(buffer).subarray(offset, offset + length), writePosition(position), true);
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  if (offset === undefined) offset = null;
  return ops.write(fd, stringBytes(buffer, length), writePosition(offset), true);
}

function concatViews(buffers) {
  return byteView(Buffer.concat(buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength))));
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  if (buffers.length === 0) {
    nextTick(callback, null, 0, buffers);
    return;
  }
  if (typeof position !== 'number') position = null;
  ops.write(fd, concatViews(buffers), writePosition(position), false).then(
    (n) => nextTick(callback, null, n, buffers),
    (err) => nextTick(callback, err, 0, buffers),
  );
}
Object.defineProperty(writev, kCustomPromisify, {
  value: (...args) => new Promise((resolve, reject) => {
    writev(...args, (err, bytesWritten, buffers) => (err ? reject(err) : resolve({ bytesWritten, buffers })));
  }),
});

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  if (typeof position !== 'number') position = null;
  return ops.write(fd, concatViews(buffers), writePosition(position), true);
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  settle(ops.fstat(getValidatedFd(fd), Boolean(options.bigint), false), callback);
}

function fstatSync(fd, options = { bigint: false }) {
  return ops.fstat(getValidatedFd(fd), Boolean(options.bigint), true);
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = makeCallback(callback);
  settle(ops.ftruncate(getValidatedFd(fd), len, false), callback);
}

function ftruncateSync(fd, len = 0) {
  validateInteger(len, 'len');
  ops.ftruncate(getValidatedFd(fd), len < 0 ? 0 : len, true);
}

function fsync(fd, callback) {
  callback = makeCallback(callback);
  settle(ops.fsync(getValidatedFd(fd), false, false), callback);
}

function fsyncSync(fd) {
  ops.fsync(getValidatedFd(fd), false, true);
}

function fdatasync(fd, callback) {
  callback = makeCallback(callback);
  settle(ops.fsync(getValidatedFd(fd), true, false), callback);
}

function fdatasyncSync(fd) {
  ops.fsync(getValidatedFd(fd), true, true);
}

function fchmod(fd, mode, callback) {
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  settle(ops.fchmod(getValidatedFd(fd), mode, false), callback);
}

function fchmodSync(fd, mode) {
  mode = parseFileMode(mode, 'mode');
  ops.fchmod(getValidatedFd(fd), mode, true);
}

function fchown(fd, uid, gid, callback) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  callback = makeCallback(callback);
  settle(ops.fchown(getValidatedFd(fd), uid, gid, false), callback);
}

function fchownSync(fd, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  ops.fchown(getValidatedFd(fd), uid, gid, true);
}

function futimes(fd, atime, mtime, callback) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = makeCallback(callback);
  settle(ops.futimes(getValidatedFd(fd), atime, mtime, false), callback);
}

function futimesSync(fd, atime, mtime) {
  ops.futimes(getValidatedFd(fd), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'), true);
}

// ---------------------------------------------------------------- paths

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  settle(ops.rename(getPath(oldPath, 'oldPath'), getPath(newPath, 'newPath'), false), callback);
}

function renameSync(oldPath, newPath) {
  ops.rename(getPath(oldPath, 'oldPath'), getPath(newPath, 'newPath'), true);
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return fs.ftruncate(path, len, callback);
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  validateFunction(callback, 'cb');
  settle(ops.truncate(getPath(path), len, false), callback);
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return fs.ftruncateSync(path, len);
  }
  if (len === undefined) len = 0;
  const p = getPath(path);
  validateInteger(len, 'len');
  ops.truncate(p, Math.max(0, len), true);
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const p = getPath(path);
  if (options?.recursive) {
    settle(rmdirRecursive(p, options, false), callback);
    return;
  }
  validateRmdirOptions(options);
  settle(ops.rmdir(p, false), callback);
}

function rmdirSync(path, options) {
  const p = getPath(path);
  if (options?.recursive) return rmdirRecursive(p, options, true);
  validateRmdirOptions(options);
  ops.rmdir(p, true);
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const p = getPath(path);
  const opts = validateRmOptions(options);
  settle(ops.rm(p, opts.recursive, opts.force, false), callback);
}

function rmSync(path, options) {
  const p = getPath(path);
  const opts = validateRmOptions(options);
  ops.rm(p, opts.recursive, opts.force, true);
}

function parseMkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      recursive = options.recursive;
      validateBoolean(recursive, 'options.recursive');
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  return { mode, recursive };
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { mode, recursive } = parseMkdirOptions(options);
  callback = makeCallback(callback);
  settle(ops.mkdir(getPath(path), mode, recursive, false), callback);
}

function mkdirSync(path, options) {
  const { mode, recursive } = parseMkdirOptions(options);
  const result = ops.mkdir(getPath(path), mode, recursive, true);
  if (recursive) return result;
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  const p = getPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) {
    settle(drive(false, readdirRecursive(p, { ...options }, false)), callback);
    return;
  }
  settle(ops.readdir(p, false), callback, (entries) => direntsOf(p, entries, options.encoding, options.withFileTypes));
}

function readdirSync(path, options) {
  options = getOptions(options);
  const p = getPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) return drive(true, readdirRecursive(p, options, true));
  return direntsOf(p, ops.readdir(p, true), options.encoding, options.withFileTypes);
}

function statCall(fn, path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  settle(fn(getPath(path), Boolean(options.bigint), false), callback);
}

function lstat(path, options = { bigint: false }, callback) {
  statCall(ops.lstat, path, options, callback);
}

function stat(path, options = { bigint: false }, callback) {
  statCall(ops.stat, path, options, callback);
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'cb');
  settle(ops.statfs(getPath(path), Boolean(options.bigint), false), callback);
}

// throwIfNoEntry: false turns ENOENT (and for stat, ENOTDIR) into undefined.
function statSyncWith(fn, path, options, notDirToo) {
  const p = getPath(path);
  try {
    return fn(p, Boolean(options.bigint), true);
  } catch (err) {
    if (options.throwIfNoEntry === false && (err?.code === 'ENOENT' || (notDirToo && err?.code === 'ENOTDIR'))) return undefined;
    throw err;
  }
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  return statSyncWith(ops.lstat, path, options, false);
}

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  return statSyncWith(ops.stat, path, options, true);
}

function statfsSync(path, options = { bigint: false }) {
  return ops.statfs(getPath(path), Boolean(options.bigint), true);
}

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  settle(ops.readlink(getPath(path), options.encoding, false), callback);
}

function readlinkSync(path, options) {
  options = getOptions(options);
  return ops.readlink(getPath(path), options.encoding, true);
}

function symlink(target, path, type_, callback_) {
  const type = typeof type_ === 'string' ? type_ : null;
  const callback = makeCallback(arguments[arguments.length - 1]);
  const t = getPath(target, 'target');
  const p = getPath(path);
  stringToSymlinkType(type);
  settle(ops.symlink(t, p, false), callback);
}

function symlinkSync(target, path, type) {
  type = typeof type === 'string' ? type : null;
  const t = getPath(target, 'target');
  const p = getPath(path);
  stringToSymlinkType(type);
  ops.symlink(t, p, true);
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  const src = getPath(existingPath, 'existingPath');
  const dest = getPath(newPath, 'newPath');
  settle(ops.link(src, dest, false), callback);
}

function linkSync(existingPath, newPath) {
  ops.link(getPath(existingPath, 'existingPath'), getPath(newPath, 'newPath'), true);
}

function unlink(path, callback) {
  callback = makeCallback(callback);
  settle(ops.unlink(getPath(path), false), callback);
}

function unlinkSync(path) {
  ops.unlink(getPath(path), true);
}

function chmod(path, mode, callback) {
  const p = getPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  settle(ops.chmod(p, mode, true, false), callback);
}

function chmodSync(path, mode) {
  const p = getPath(path);
  ops.chmod(p, parseFileMode(mode, 'mode'), true, true);
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  const p = getPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  settle(ops.chown(p, uid, gid, false, false), callback);
}

function lchownSync(path, uid, gid) {
  const p = getPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  ops.chown(p, uid, gid, false, true);
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  const p = getPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  settle(ops.chown(p, uid, gid, true, false), callback);
}

function chownSync(path, uid, gid) {
  const p = getPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  ops.chown(p, uid, gid, true, true);
}

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  const p = getPath(path);
  settle(ops.utimes(p, toUnixTimestamp(atime), toUnixTimestamp(mtime), true, false), callback);
}

function utimesSync(path, atime, mtime) {
  ops.utimes(getPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime), true, true);
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  const p = getPath(path);
  settle(ops.utimes(p, toUnixTimestamp(atime), toUnixTimestamp(mtime), false, false), callback);
}

function lutimesSync(path, atime, mtime) {
  ops.utimes(getPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime), false, true);
}

// realpath (the JavaScript one) takes anything that stringifies to a path.
function realpathArg(p) {
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p += '';
  validatePath(p);
  return { abs: p === '' ? resolvePath('.') : resolvePath(p), shown: p, value: p };
}

function realpath(p, options, callback) {
  if (typeof options === 'function') callback = options;
  else validateFunction(callback, 'cb');
  options = getOptions(options);
  settle(ops.realpath(realpathArg(p), false, options.encoding, false), callback);
}

function realpathSync(p, options) {
  options = getOptions(options);
  return ops.realpath(realpathArg(p), false, options.encoding, true);
}

realpathSync.native = (path, options) => {
  options = getOptions(options);
  return ops.realpath(getPath(path), true, options.encoding, true);
};

realpath.native = (path, options, callback) => {
  callback = makeCallback(callback || options);
  options = getOptions(options);
  settle(ops.realpath(getPath(path), true, options.encoding, false), callback);
};

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  const p = getPath(prefix, 'prefix');
  warnOnNonPortableTemplate(p);
  settle(ops.mkdtemp(p, options.encoding, false), callback);
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  const p = getPath(prefix, 'prefix');
  warnOnNonPortableTemplate(p);
  return ops.mkdtemp(p, options.encoding, true);
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  const s = getPath(src, 'src');
  const d = getPath(dest, 'dest');
  callback = makeCallback(callback);
  settle(ops.copyFile(s, d, getValidMode(mode, 'copyFile'), false), callback);
}

function copyFileSync(src, dest, mode) {
  const s = getPath(src, 'src');
  const d = getPath(dest, 'dest');
  ops.copyFile(s, d, getValidMode(mode, 'copyFile'), true);
}

// ---------------------------------------------------------------- cp, glob, streams, watch

export const defaultCpOptions = {
  dereference: false, errorOnExist: false, filter: undefined, force: true, preserveTimestamps: false,
  recursive: false, verbatimSymlinks: false,
};

export function validateCpOptions(options) {
  if (options === undefined) return { ...defaultCpOptions, mode: 0 };
  validateObject(options, 'options');
  options = { ...defaultCpOptions, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  if (options.mode != null) validateInteger(options.mode, 'mode', 0, 7);
  options.mode ??= 0;
  if (options.dereference === true && options.verbatimSymlinks === true) {
    throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
      'Option "dereference" cannot be used in combination with option "verbatimSymlinks"');
  }
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  options = validateCpOptions(options);
  const s = getPath(src, 'src');
  const d = getPath(dest, 'dest');
  settle(cpFn(s, d, options, false), callback, () => undefined);
}

function cpSync(src, dest, options) {
  options = validateCpOptions(options);
  const s = getPath(src, 'src');
  const d = getPath(dest, 'dest');
  cpFn(s, d, options, true);
}

function glob(pattern, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  let g;
  try {
    g = new Glob(pattern, options);
  } catch (err) {
    nextTick(callback, err);
    return;
  }
  settle(g.run(false), callback);
}

function globSync(pattern, options) {
  return new Glob(pattern, options).run(true);
}

function createReadStream(path, options) {
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  return new WriteStream(path, options);
}

function watch(filename, options) {
  getOptions(options);
  getPath(filename);
  throw unsupportedError('fs.watch');
}

function watchFile(filename) {
  getPath(filename);
  throw unsupportedError('fs.watchFile');
}

function unwatchFile(filename) {
  getPath(filename);
  throw unsupportedError('fs.unwatchFile');
}

function openAsBlob(path, options = {}) {
  validateObject(options, 'options');
  const type = options.type || '';
  if (typeof type !== 'string') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "options.type" property must be of type string. Received ${typeof type}`);
  const p = getPath(path);
  if (typeof Blob !== 'function') return Promise.reject(unsupportedError('fs.openAsBlob'));
  return ops.readFile(p, O.RDONLY, false).then((data) => new Blob([data], { type }));
}

// fs.Stats is deprecated as a constructor (DEP0180); instances still pass instanceof.
let statsWarned = false;
function deprecated(...args) {
  if (!statsWarned) {
    statsWarned = true;
    emitWarning('fs.Stats constructor is deprecated.', 'DeprecationWarning', 'DEP0180');
  }
  if (new.target) return Reflect.construct(Stats, args, new.target);
  return Reflect.apply(Stats, this, args);
}
Object.setPrototypeOf(deprecated, Stats);
deprecated.prototype = Stats.prototype;
Object.defineProperty(deprecated, 'name', { value: 'deprecated', configurable: true });

// ---------------------------------------------------------------- the module

let ReadStreamClass = ReadStream;
let WriteStreamClass = WriteStream;
let FileReadStream = ReadStream;
let FileWriteStream = WriteStream;

const fs = {
  appendFile, appendFileSync, access, accessSync, chown, chownSync, chmod, chmodSync, close, closeSync,
  copyFile, copyFileSync, cp, cpSync, createReadStream, createWriteStream, exists, existsSync, fchown,
  fchownSync, fchmod, fchmodSync, fdatasync, fdatasyncSync, fstat, fstatSync, fsync, fsyncSync, ftruncate,
  ftruncateSync, futimes, futimesSync, glob, globSync, lchown, lchownSync, lchmod: undefined,
  lchmodSync: undefined, link, linkSync, lstat, lstatSync, lutimes, lutimesSync, mkdir, mkdirSync, mkdtemp,
  mkdtempSync, open, openSync, openAsBlob, readdir, readdirSync, read, readSync, readv, readvSync, readFile,
  readFileSync, readlink, readlinkSync, realpath, realpathSync, rename, renameSync, rm, rmSync, rmdir,
  rmdirSync, stat, statfs, statSync, statfsSync, symlink, symlinkSync, truncate, truncateSync, unwatchFile,
  unlink, unlinkSync, utimes, utimesSync, watch, watchFile, writeFile, writeFileSync, write, writeSync, writev,
  writevSync, Dirent, Stats: deprecated,
  get ReadStream() { return ReadStreamClass; },
  set ReadStream(value) { ReadStreamClass = value; },
  get WriteStream() { return WriteStreamClass; },
  set WriteStream(value) { WriteStreamClass = value; },
  get FileReadStream() { return FileReadStream; },
  set FileReadStream(value) { FileReadStream = value; },
  get FileWriteStream() { return FileWriteStream; },
  set FileWriteStream(value) { FileWriteStream = value; },
  _toUnixTimestamp: toUnixTimestamp,
  Dir,
  opendir,
  opendirSync,
};

Object.defineProperties(fs, {
  F_OK: { enumerable: true, value: F_OK },
  R_OK: { enumerable: true, value: R_OK },
  W_OK: { enumerable: true, value: W_OK },
  X_OK: { enumerable: true, value: X_OK },
  constants: { configurable: false, enumerable: true, value: constants },
  promises: { configurable: true, enumerable: true, get: () => promises },
});

// Bundlers may rename functions; guests see Node's names.
for (const [name, value] of Object.entries(Object.getOwnPropertyDescriptors(fs))) {
  if (typeof value.value === 'function' && value.value.name !== name && name !== 'Stats') {
    Object.defineProperty(value.value, 'name', { value: name, configurable: true });
  }
}

export { fs };

defineBuiltin('fs', () => fs);
defineBuiltin('fs/promises', () => promises);
