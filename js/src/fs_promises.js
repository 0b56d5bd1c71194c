// `fs/promises` (and `fs.promises`): Node 22's promise API and FileHandle,
// over the same host operations as the sync and callback forms (fs_ops.js).

import { EventEmitter } from './events.js';
import * as ops from './fs_ops.js';
import {
  Buffer, abortError, byteView, constants, drive, emitWarning, getOptions, getPath, invalidArgValue,
  isArrayBufferView, nodeError, parseFileMode, stringToFlags, toUnixTimestamp, validateAbortSignal,
  validateBoolean, validateBuffer, validateBufferArray, validateEncoding, validateInteger, validateObject,
  validateOffsetLengthRead, validateOffsetLengthWrite, validatePosition, validateStringAfterArrayBufferView,
  aggregateTwoErrors,
} from './fs_common.js';
import { unsupportedError } from './errors.js';
import { ReadStream, WriteStream, registerFileHandle } from './fs_streams.js';
import { opendir as opendirCallback } from './fs_dir.js';
import { cpFn } from './fs_cp.js';
import { Glob } from './fs_glob.js';
import { createLineReader } from './fs_streams.js';
import * as fsInternals from './fs.js';

const { F_OK } = constants;
const kMaxUserId = 2 ** 32 - 1;
const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const asyncDispose = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');



function hostPosition(position) {
  if (typeof position === 'bigint') return position >= 0n ? Number(position) : null;
  if (typeof position === 'number' && Number.isSafeInteger(position) && position >= 0) return position;
  return null;
}

// ---------------------------------------------------------------- FileHandle operations

async function fhRead(handle, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!isArrayBufferView(buffer)) {
    if (bufferOrParams !== undefined) validateObject(bufferOrParams, 'options', true);
    ({ buffer = Buffer.alloc(16384), offset = 0, length = buffer.byteLength - offset, position = null } = bufferOrParams ?? {});
    validateBuffer(buffer);
  }
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length ??= buffer.byteLength - offset;
  if (length === 0) return { __proto__: null, bytesRead: length, buffer };
  if (buffer.byteLength === 0) throw invalidArgValue('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  else validatePosition(position, 'position', length);
  const bytes = await ops.read(handle.fd, length, hostPosition(position), false);
  byteView(buffer).set(bytes, offset);
  return { __proto__: null, bytesRead: bytes.byteLength, buffer };
}

async function fhReadv(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  const bytes = await ops.read(handle.fd, total, hostPosition(position), false);
  let at = 0;
  for (const b of buffers) {
    if (at >= bytes.byteLength) break;
    const view = byteView(b);
    const n = Math.min(view.byteLength, bytes.byteLength - at);
    view.set(bytes.subarray(at, at + n));
    at += n;
  }
  return { __proto__: null, bytesRead: bytes.byteLength, buffers };
}

async function fhWrite(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytesWritten = await ops.write(handle.fd, byteView(buffer).subarray(offset, offset + length), hostPosition(position), false);
    return { __proto__: null, bytesWritten, buffer };
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  const encoding = typeof length === 'string' && Buffer.isEncoding(length) ? length : 'utf8';
  const bytesWritten = await ops.write(handle.fd, byteView(Buffer.from(buffer, encoding)), hostPosition(offset), false);
  return { __proto__: null, bytesWritten, buffer };
}

async function fhWritev(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
  const data = Buffer.concat(buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
  const bytesWritten = await ops.write(handle.fd, byteView(data), hostPosition(position), false);
  return { __proto__: null, bytesWritten, buffers };
}

async function fhReadFile(handle, options) {
  options = getOptions(options, { flag: 'r' });
  if (options.signal?.aborted) throw abortError(options.signal);
  const buffer = await drive(false, fsInternals.readAllFd(handle.fd, false));
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

function isCustomIterable(obj) {
  return obj != null && typeof obj !== 'string' && !isArrayBufferView(obj) &&
    (typeof obj[Symbol.iterator] === 'function' || typeof obj[Symbol.asyncIterator] === 'function');
}

async function dataBytes(data, encoding) {
  if (!isCustomIterable(data)) return byteView(data);
  const chunks = [];
  for await (const chunk of data) {
    chunks.push(isArrayBufferView(chunk) ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(chunk, encoding || 'utf8'));
  }
  return byteView(Buffer.concat(chunks));
}

async function fhWriteFile(handle, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  if (!isArrayBufferView(data) && !isCustomIterable(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  const bytes = await dataBytes(data, options.encoding);
  await drive(false, fsInternals.writeAllFd(handle.fd, bytes, false, false));
}

async function fhStat(handle, options = { bigint: false }) {
  return ops.fstat(handle.fd, Boolean(options.bigint), false);
}

async function fhTruncate(handle, len = 0) {
  validateInteger(len, 'len');
  return ops.ftruncate(handle.fd, Math.max(0, len), false);
}

async function fhChmod(handle, mode) {
  return ops.fchmod(handle.fd, parseFileMode(mode, 'mode'), false);
}

async function fhChown(handle, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return ops.fchown(handle.fd, uid, gid, false);
}

async function fhUtimes(handle, atime, mtime) {
  return ops.futimes(handle.fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'), false);
}

// Node's fsCall: a closed handle fails with EBADF named after the operation.
async function fsCall(syscall, fn, handle, ...args) {
  if (handle[kFd] === -1) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = syscall;
    throw err;
  }
  handle[kRefs]++;
  try {
    return await fn(handle, ...args);
  } finally {
    handle[kRefs]--;
  }
}

export class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kRefs] = 1;
    this[kClosePromise] = null;
  }

  getAsyncId() {
    return this[kFd];
  }

  get fd() {
    return this[kFd];
  }

  appendFile(data, options) {
    return fsCall('writeFile', fhWriteFile, this, data, options);
  }

  chmod(mode) {
    return fsCall('fchmod', fhChmod, this, mode);
  }

  chown(uid, gid) {
    return fsCall('fchown', fhChown, this, uid, gid);
  }

  datasync() {
    return fsCall('fdatasync', (h) => ops.fsync(h.fd, true, false), this);
  }

  sync() {
    return fsCall('fsync', (h) => ops.fsync(h.fd, false, false), this);
  }

  read(buffer, offset, length, position) {
    return fsCall('read', fhRead, this, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall('readv', fhReadv, this, buffers, position);
  }

  readFile(options) {
    return fsCall('readFile', fhReadFile, this, options);
  }

  readLines(options = undefined) {
    return createLineReader(this.createReadStream(options));
  }

  stat(options) {
    return fsCall('fstat', fhStat, this, options);
  }

  truncate(len = 0) {
    return fsCall('ftruncate', fhTruncate, this, len);
  }

  utimes(atime, mtime) {
    return fsCall('futimes', fhUtimes, this, atime, mtime);
  }

  write(buffer, offset, length, position) {
    return fsCall('write', fhWrite, this, buffer, offset, length, position);
  }

  writev(buffers, position) {
    return fsCall('writev', fhWritev, this, buffers, position);
  }

  writeFile(data, options) {
    return fsCall('writeFile', fhWriteFile, this, data, options);
  }

  close = () => {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    const fd = this[kFd];
    this[kFd] = -1;
    this[kClosePromise] = ops.close(fd, false).finally(() => {
      this[kClosePromise] = undefined;
    });
    this.emit('close');
    return this[kClosePromise];
  };

  async [asyncDispose]() {
    await this.close();
  }

  readableWebStream() {
    throw unsupportedError('FileHandle.readableWebStream');
  }

  createReadStream(options = undefined) {
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    return new WriteStream(undefined, { ...options, fd: this });
  }
}

registerFileHandle(FileHandle);

// ---------------------------------------------------------------- the API

async function handleFdClose(operation, handle) {
  let result;
  try {
    result = await operation;
  } catch (opError) {
    try {
      await handle.close();
    } catch (closeError) {
      throw aggregateTwoErrors(closeError, opError);
    }
    throw opError;
  }
  await handle.close();
  return result;
}

async function access(path, mode = F_OK) {
  return ops.access(getPath(path), fsInternals.getValidMode(mode, 'access'), false);
}

async function cp(src, dest, options) {
  options = fsInternals.validateCpOptions(options);
  const s = getPath(src, 'src');
  const d = getPath(dest, 'dest');
  await cpFn(s, d, options, false);
}

async function copyFile(src, dest, mode) {
  const s = getPath(src, 'src');
  const d = getPath(dest, 'dest');
  return ops.copyFile(s, d, fsInternals.getValidMode(mode, 'copyFile'), false);
}

async function* glob(pattern, options) {
  const g = new Glob(pattern, options);
  yield* g.iterate();
}

async function open(path, flags, mode) {
  const p = getPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await ops.open(p, flagsNumber, mode, false));
}

function opendir(path, options) {
  return new Promise((resolve, reject) => {
    opendirCallback(path, options, (err, dir) => (err ? reject(err) : resolve(dir)));
  });
}

async function rename(oldPath, newPath) {
  return ops.rename(getPath(oldPath, 'oldPath'), getPath(newPath, 'newPath'), false);
}

async function truncate(path, len = 0) {
  const handle = await open(path, 'r+');
  return handleFdClose(fhTruncate(handle, len), handle);
}

async function rm(path, options) {
  const p = getPath(path);
  options = fsInternals.validateRmOptions(options);
  return ops.rm(p, options.recursive, options.force, false);
}

async function rmdir(path, options) {
  const p = getPath(path);
  options = fsInternals.validateRmdirOptions(options);
  if (options.recursive) {
    fsInternals.emitRecursiveRmdirWarning();
    const st = await ops.stat(p, false, false);
    if (st.isDirectory()) return ops.rm(p, true, false, false);
  }
  return ops.rmdir(p, false);
}

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') options = { mode: options };
  const { recursive = false, mode = 0o777 } = options || {};
  const p = getPath(path);
  validateBoolean(recursive, 'options.recursive');
  return ops.mkdir(p, parseFileMode(mode, 'mode', 0o777), recursive, false);
}

async function readdir(path, options) {
  options = { ...getOptions(options) };
  const p = getPath(path);
  if (options.recursive) return drive(false, fsInternals.readdirRecursive(p, options, false, false));
  const entries = await ops.readdir(p, false);
  return fsInternals.direntsOf(p, entries, options.encoding, options.withFileTypes);
}

async function readlink(path, options) {
  options = getOptions(options);
  return ops.readlink(getPath(path, 'oldPath'), options.encoding, false);
}

async function symlink(target, path, type_) {
  const type = typeof type_ === 'string' ? type_ : null;
  const t = getPath(target, 'target');
  const p = getPath(path);
  fsInternals.stringToSymlinkType(type);
  return ops.symlink(t, p, false);
}

async function lstat(path, options = { bigint: false }) {
  return ops.lstat(getPath(path), Boolean(options.bigint), false);
}

async function stat(path, options = { bigint: false }) {
  return ops.stat(getPath(path), Boolean(options.bigint), false);
}

async function statfs(path, options = { bigint: false }) {
  return ops.statfs(getPath(path), Boolean(options.bigint), false);
}

async function link(existingPath, newPath) {
  return ops.link(getPath(existingPath, 'existingPath'), getPath(newPath, 'newPath'), false);
}

async function unlink(path) {
  return ops.unlink(getPath(path), false);
}

async function chmod(path, mode) {
  const p = getPath(path);
  return ops.chmod(p, parseFileMode(mode, 'mode'), true, false);
}

async function lchmod() {
  throw nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The lchmod() method is not implemented');
}

async function lchown(path, uid, gid) {
  const p = getPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return ops.chown(p, uid, gid, false, false);
}

async function chown(path, uid, gid) {
  const p = getPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return ops.chown(p, uid, gid, true, false);
}

async function utimes(path, atime, mtime) {
  const p = getPath(path);
  return ops.utimes(p, toUnixTimestamp(atime), toUnixTimestamp(mtime), true, false);
}

async function lutimes(path, atime, mtime) {
  const p = getPath(path);
  return ops.utimes(p, toUnixTimestamp(atime), toUnixTimestamp(mtime), false, false);
}

async function realpath(path, options) {
  options = getOptions(options);
  return ops.realpath(getPath(path), true, options.encoding, false);
}

let nonPortableTemplateWarn = true;
async function mkdtemp(prefix, options) {
  options = getOptions(options);
  const p = getPath(prefix, 'prefix');
  const s = p.value;
  if (nonPortableTemplateWarn && ((typeof s === 'string' && s.endsWith('X')) || (typeof s !== 'string' && s.at(-1) === 0x58))) {
    emitWarning('mkdtemp() templates ending with X are not portable. For details see: https://nodejs.org/api/fs.html');
    nonPortableTemplateWarn = false;
  }
  return ops.mkdtemp(p, options.encoding, false);
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!isArrayBufferView(data) && !isCustomIterable(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  validateAbortSignal(options.signal);
  if (path instanceof FileHandle) return fhWriteFile(path, data, options);
  if (options.signal?.aborted) throw abortError(options.signal);
  // Node validates the path in the open() it awaits: a bad path rejects a tick later.
  const p = await (async () => getPath(path))();
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  const bytes = await dataBytes(data, options.encoding);
  return ops.writeFile(p, bytes, flags, mode, false);
}

async function appendFile(path, data, options) {
  options = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  options.flag ||= 'a';
  return writeFile(path, data, options);
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  if (path instanceof FileHandle) return fhReadFile(path, options);
  if (options.signal?.aborted) throw abortError(options.signal);
  const p = await (async () => getPath(path))();
  const buffer = await ops.readFile(p, stringToFlags(flag), false);
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

// Fails at once (not when first iterated): the sandbox has no watchers.
function watch(filename, options = {}) {
  validateObject(options, 'options');
  getPath(filename);
  throw unsupportedError('fs.promises.watch');
}

export const promises = {
  access, copyFile, cp, glob, open, opendir, rename, truncate, rm, rmdir, mkdir, readdir, readlink, symlink,
  lstat, stat, statfs, link, unlink, chmod, lchmod, lchown, chown, utimes, lutimes, realpath, mkdtemp,
  writeFile, appendFile, readFile, watch, constants,
};

for (const [name, value] of Object.entries(promises)) {
  if (typeof value === 'function' && value.name !== name) {
    Object.defineProperty(value, 'name', { value: name, configurable: true });
  }
}
