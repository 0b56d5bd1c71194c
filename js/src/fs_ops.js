// One function per host filesystem operation, shared by the sync, callback and
// promise forms of `fs`. Arguments are already validated (paths as getPath()
// returns them); the last argument picks the form: `sync` true returns the
// result or throws, false returns a promise. Each names its bridge function
// literally (js/contract.json, tests/test_contract.py).

import {
  Buffer, asBuffer, checkEmpty, encodeName, fsAsync, fsSync, makeStatFs, makeStats, resolvePath, dirname,
  secondsToNs, stdinRead, uvErrorFor,
} from './fs_common.js';
import { hostPost, op } from './dispatch.js';

function fail(sync, err) {
  if (sync) throw err;
  return Promise.reject(err);
}

// Runs the empty-path check in the form's way (a throw or a rejection).
function emptyCheck(sync, p, syscall, dest) {
  try {
    checkEmpty(p, syscall, dest);
    return null;
  } catch (err) {
    return fail(sync, err);
  }
}

const pick = (sync, syncCall, asyncCall, map) => {
  if (sync) return map === undefined ? syncCall() : map(syncCall());
  const promise = asyncCall();
  return map === undefined ? promise : promise.then(map);
};

const NOTHING = () => undefined;

// ---------------------------------------------------------------- descriptors

export function open(p, flags, mode, sync) {
  const empty = emptyCheck(sync, p, 'open');
  if (empty) return empty;
  const device = STDIO_DEVICES[p.abs];
  if (device !== undefined) return openStdio(p, device, flags, sync);
  const payload = { path: p.abs, flags, mode };
  return pick(sync, () => fsSync('fs.open', payload, p), () => fsAsync('fs.open', payload, p));
}

export function close(fd, sync) {
  if (stdioAliases.delete(fd)) return done(sync, undefined);
  const payload = { fd };
  return pick(sync, () => fsSync('fs.close', payload), () => fsAsync('fs.close', payload), NOTHING);
}

// ---------------------------------------------------------------- stdio

// Descriptors 0, 1 and 2 are the guest's stdio: pipes to the embedder that
// never reach the host's descriptor table. Writes to 1 and 2 take the path of
// process.stdout/stderr's own writes (the 'stdio.write' post, in chunks that fit
// the payload limit), so output limits and ordering hold, but not through the
// stream object: like Node, fs.writeSync(1) ignores a patched
// process.stdout.write. Like a pipe, they refuse positioned I/O (ESPIPE) and
// fsync/ftruncate (EINVAL).
//
// Opening /dev/stdout (/dev/fd/1, /proc/self/fd/1, ...) gives, as in Node, a
// new descriptor on the same pipe: such descriptors are kept here, numbered
// from STDIO_ALIAS_BASE, far above any the host's table hands out.
const STDIO_DEVICES = { __proto__: null, '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };
for (const n of [0, 1, 2]) {
  STDIO_DEVICES[`/dev/fd/${n}`] = n;
  STDIO_DEVICES[`/proc/self/fd/${n}`] = n;
}
const STDIO_ALIAS_BASE = 0x40000000;
const MAX_STDIO_ALIASES = 1024;
const O_CREAT = 0o100;
const O_EXCL = 0o200;
const MAX_STDIO_CHUNK = 64 * 1024;
const FRAME_ROOM = 256;
const stdioAliases = new Map();
let nextStdioAlias = STDIO_ALIAS_BASE;
let stdioChunk = 0;

// The stdio descriptor (0, 1 or 2) behind `fd`, or undefined.
function stdioOf(fd) {
  if (fd === 0 || fd === 1 || fd === 2) return fd;
  return stdioAliases.get(fd);
}

function isStdio(fd) {
  return stdioOf(fd) !== undefined;
}

function openStdio(p, device, flags, sync) {
  if ((flags & O_CREAT) && (flags & O_EXCL)) return fail(sync, uvErrorFor('EEXIST', 'open', p.shown));
  if (stdioAliases.size >= MAX_STDIO_ALIASES) return fail(sync, uvErrorFor('EMFILE', 'open', p.shown));
  while (stdioAliases.has(nextStdioAlias)) {
    nextStdioAlias = nextStdioAlias >= 0x7fffffff ? STDIO_ALIAS_BASE : nextStdioAlias + 1;
  }
  const fd = nextStdioAlias;
  stdioAliases.set(fd, device);
  return done(sync, fd);
}

function writeStdio(fd, bytes) {
  if (stdioChunk === 0) stdioChunk = Math.max(1, Math.min(MAX_STDIO_CHUNK, op('config').payloadLimitBytes - FRAME_ROOM));
  for (let off = 0; off < bytes.byteLength; off += stdioChunk) {
    hostPost('stdio.write', { fd, data: bytes.subarray(off, Math.min(off + stdioChunk, bytes.byteLength)) });
  }
}

function done(sync, value) {
  return sync ? value : Promise.resolve(value);
}

// Up to `length` bytes at `position` (null: the current position), as a Uint8Array.
export function read(fd, length, position, sync) {
  const stdio = stdioOf(fd);
  if (stdio === 0) {
    if (position !== null) return fail(sync, uvErrorFor('ESPIPE', 'read'));
    return done(sync, stdinRead(length, null));
  }
  if (stdio !== undefined) return fail(sync, uvErrorFor('EBADF', 'read'));
  const payload = { fd, length, position };
  return pick(sync, () => fsSync('fs.read', payload), () => fsAsync('fs.read', payload));
}

export function write(fd, bytes, position, sync) {
  const stdio = stdioOf(fd);
  if (stdio === 0 && fd !== 0) return fail(sync, uvErrorFor('EBADF', 'write'));
  if (stdio === 1 || stdio === 2) {
    if (position !== null) return fail(sync, uvErrorFor('ESPIPE', 'write'));
    try {
      if (bytes.byteLength > 0) writeStdio(stdio, bytes);
    } catch (err) {
      return fail(sync, err);
    }
    return done(sync, bytes.byteLength);
  }
  const payload = { fd, data: bytes, position };
  return pick(sync, () => fsSync('fs.write', payload), () => fsAsync('fs.write', payload));
}

// What fstat says of a pipe (stdio descriptors under an embedder are pipes).
const STDIO_STAT = {
  dev: 0, mode: 0o010600, nlink: 1, uid: 0, gid: 0, rdev: 0, blksize: 4096, ino: 0, size: 0, blocks: 0,
  atimeNs: 0, mtimeNs: 0, ctimeNs: 0, birthtimeNs: 0,
};

export function fstat(fd, bigint, sync) {
  if (isStdio(fd)) return done(sync, makeStats(STDIO_STAT, bigint));
  const payload = { fd };
  return pick(sync, () => fsSync('fs.fstat', payload), () => fsAsync('fs.fstat', payload), (r) => makeStats(r, bigint));
}

export function ftruncate(fd, length, sync) {
  if (isStdio(fd)) return fail(sync, uvErrorFor('EINVAL', 'ftruncate'));
  const payload = { fd, length };
  return pick(sync, () => fsSync('fs.ftruncate', payload), () => fsAsync('fs.ftruncate', payload), NOTHING);
}

export function fsync(fd, datasync, sync) {
  if (isStdio(fd)) return fail(sync, uvErrorFor('EINVAL', datasync ? 'fdatasync' : 'fsync'));
  const payload = { fd };
  const rename = datasync ? { fsync: 'fdatasync' } : undefined;
  return pick(sync, () => fsSync('fs.fsync', payload, undefined, undefined, rename),
    () => fsAsync('fs.fsync', payload, undefined, undefined, rename), NOTHING);
}

export function fchmod(fd, mode, sync) {
  if (isStdio(fd)) return done(sync, undefined);
  const payload = { fd, mode };
  return pick(sync, () => fsSync('fs.fchmod', payload), () => fsAsync('fs.fchmod', payload), NOTHING);
}

export function fchown(fd, uid, gid, sync) {
  const payload = { fd, uid, gid };
  return pick(sync, () => fsSync('fs.fchown', payload), () => fsAsync('fs.fchown', payload), NOTHING);
}

export function futimes(fd, atime, mtime, sync) {
  const payload = { fd, atime: secondsToNs(atime), mtime: secondsToNs(mtime) };
  return pick(sync, () => fsSync('fs.futimes', payload), () => fsAsync('fs.futimes', payload), NOTHING);
}

// ---------------------------------------------------------------- whole files

export function readFile(p, flags, sync) {
  if (STDIO_DEVICES[p.abs] === 0) return done(sync, asBuffer(Buffer.from(stdinRead(Number.MAX_SAFE_INTEGER, null))));
  const empty = emptyCheck(sync, p, 'open');
  if (empty) return empty;
  const payload = { path: p.abs, flags };
  return pick(sync, () => fsSync('fs.readFile', payload, p), () => fsAsync('fs.readFile', payload, p), asBuffer);
}

export function writeFile(p, bytes, flags, mode, sync) {
  const stdioFd = STDIO_DEVICES[p.abs];
  if (stdioFd === 1 || stdioFd === 2) {
    const written = write(stdioFd, bytes, null, sync);
    return sync ? undefined : written.then(NOTHING);
  }
  const empty = emptyCheck(sync, p, 'open');
  if (empty) return empty;
  const payload = { path: p.abs, data: bytes, flags, mode };
  return pick(sync, () => fsSync('fs.writeFile', payload, p), () => fsAsync('fs.writeFile', payload, p), NOTHING);
}

export function truncate(p, length, sync) {
  const empty = emptyCheck(sync, p, 'open');
  if (empty) return empty;
  const payload = { path: p.abs, length };
  return pick(sync, () => fsSync('fs.truncate', payload, p), () => fsAsync('fs.truncate', payload, p), NOTHING);
}

export function copyFile(src, dest, mode, sync) {
  const empty = emptyCheck(sync, src, 'copyfile', dest);
  if (empty) return empty;
  const payload = { path: src.abs, dest: dest.abs, mode };
  return pick(sync, () => fsSync('fs.copyFile', payload, src, dest), () => fsAsync('fs.copyFile', payload, src, dest), NOTHING);
}

// ---------------------------------------------------------------- metadata

export function stat(p, bigint, sync) {
  const empty = emptyCheck(sync, p, 'stat');
  if (empty) return empty;
  if (STDIO_DEVICES[p.abs] !== undefined) return done(sync, makeStats(STDIO_STAT, bigint));
  const payload = { path: p.abs };
  return pick(sync, () => fsSync('fs.stat', payload, p), () => fsAsync('fs.stat', payload, p), (r) => makeStats(r, bigint));
}

export function lstat(p, bigint, sync) {
  const empty = emptyCheck(sync, p, 'lstat');
  if (empty) return empty;
  const payload = { path: p.abs };
  return pick(sync, () => fsSync('fs.lstat', payload, p), () => fsAsync('fs.lstat', payload, p), (r) => makeStats(r, bigint));
}

// The raw stat dict (for internal checks that need no Stats object).
export function rawStat(p, follow, sync) {
  const payload = { path: p.abs };
  if (follow) return pick(sync, () => fsSync('fs.stat', payload, p), () => fsAsync('fs.stat', payload, p));
  return pick(sync, () => fsSync('fs.lstat', payload, p), () => fsAsync('fs.lstat', payload, p));
}

export function access(p, mode, sync) {
  const empty = emptyCheck(sync, p, 'access');
  if (empty) return empty;
  if (STDIO_DEVICES[p.abs] !== undefined) return done(sync, undefined);
  const payload = { path: p.abs, mode };
  return pick(sync, () => fsSync('fs.access', payload, p), () => fsAsync('fs.access', payload, p), NOTHING);
}

export function exists(p, sync) {
  if (p.abs === '') return sync ? false : Promise.resolve(false);
  if (STDIO_DEVICES[p.abs] !== undefined) return done(sync, true);
  const payload = { path: p.abs };
  return pick(sync, () => fsSync('fs.exists', payload, p), () => fsAsync('fs.exists', payload, p), Boolean);
}

export function statfs(p, bigint, sync) {
  const empty = emptyCheck(sync, p, 'statfs');
  if (empty) return empty;
  const payload = { path: p.abs };
  return pick(sync, () => fsSync('fs.statfs', payload, p), () => fsAsync('fs.statfs', payload, p), (r) => makeStatFs(r, bigint));
}

// [[name, direntType], ...] of a directory; `syscall` renames scandir (opendir).
export function readdir(p, sync, rename) {
  const empty = emptyCheck(sync, p, rename ? rename.scandir : 'scandir');
  if (empty) return empty;
  const payload = { path: p.abs };
  return pick(sync, () => fsSync('fs.readdir', payload, p, undefined, rename),
    () => fsAsync('fs.readdir', payload, p, undefined, rename));
}

export function readlink(p, encoding, sync) {
  const empty = emptyCheck(sync, p, 'readlink');
  if (empty) return empty;
  const payload = { path: p.abs };
  return pick(sync, () => fsSync('fs.readlink', payload, p), () => fsAsync('fs.readlink', payload, p),
    (r) => encodeName(r, encoding));
}

export function realpath(p, native, encoding, sync) {
  const empty = emptyCheck(sync, p, native ? 'realpath' : 'lstat');
  if (empty) return empty;
  const payload = { path: p.abs, native };
  return pick(sync, () => fsSync('fs.realpath', payload, p), () => fsAsync('fs.realpath', payload, p),
    (r) => encodeName(r, encoding));
}

// ---------------------------------------------------------------- namespace

// Node returns the first directory a recursive mkdir created, spelled the
// way the caller spelled the path.
function firstCreated(result, p) {
  if (result === null || result === undefined) return undefined;
  let shown = p.shown;
  while (shown.length > 1 && shown.endsWith('/')) shown = shown.slice(0, -1);
  // A trailing '.' names a directory that did not exist yet when Node tried it.
  while (resolvePath(shown) !== result || shown.endsWith('/.')) {
    const parent = dirname(shown);
    if (parent === shown) return result;
    shown = parent;
  }
  return shown;
}

export function mkdir(p, mode, recursive, sync) {
  const empty = emptyCheck(sync, p, 'mkdir');
  if (empty) return empty;
  const payload = { path: p.abs, mode, recursive };
  return pick(sync, () => fsSync('fs.mkdir', payload, p), () => fsAsync('fs.mkdir', payload, p),
    (r) => (recursive ? firstCreated(r, p) : undefined));
}

export function mkdtemp(prefix, encoding, sync) {
  const shown = prefix.shown;
  const abs = shown === '' ? `${resolvePath('.')}/` : resolvePath(shown) + (shown.endsWith('/') ? '/' : '');
  const p = { abs: `${abs}XXXXXX`, shown: `${shown}XXXXXX` };
  const payload = { prefix: abs };
  const map = (r) => encodeName(shown + r.slice(-6), encoding);
  if (sync) return map(fsSync('fs.mkdtemp', payload, p));
  // libuv fills in the template before an asynchronous mkdtemp fails: Node's
  // error then names a random path, not the XXXXXX one.
  const filled = { abs: p.abs, shown: shown + randomSuffix() };
  return fsAsync('fs.mkdtemp', payload, filled).then(map);
}

const TEMP_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function randomSuffix() {
  let out = '';
  for (let i = 0; i < 6; i++) out += TEMP_CHARS[Math.floor(Math.random() * TEMP_CHARS.length)];
  return out;
}

export function rmdir(p, sync) {
  const empty = emptyCheck(sync, p, 'rmdir');
  if (empty) return empty;
  const payload = { path: p.abs };
  return pick(sync, () => fsSync('fs.rmdir', payload, p), () => fsAsync('fs.rmdir', payload, p), NOTHING);
}

export function rm(p, recursive, force, sync) {
  if (p.abs === '') return force ? (sync ? undefined : Promise.resolve()) : fail(sync, uvErrorFor('ENOENT', 'lstat', ''));
  const payload = { path: p.abs, recursive, force };
  return pick(sync, () => fsSync('fs.rm', payload, p), () => fsAsync('fs.rm', payload, p), NOTHING);
}

export function unlink(p, sync) {
  const empty = emptyCheck(sync, p, 'unlink');
  if (empty) return empty;
  const payload = { path: p.abs };
  return pick(sync, () => fsSync('fs.unlink', payload, p), () => fsAsync('fs.unlink', payload, p), NOTHING);
}

export function rename(src, dest, sync) {
  const empty = emptyCheck(sync, src, 'rename', dest);
  if (empty) return empty;
  const payload = { path: src.abs, dest: dest.abs };
  return pick(sync, () => fsSync('fs.rename', payload, src, dest), () => fsAsync('fs.rename', payload, src, dest), NOTHING);
}

export function link(src, dest, sync) {
  const empty = emptyCheck(sync, src, 'link', dest);
  if (empty) return empty;
  const payload = { path: src.abs, dest: dest.abs };
  return pick(sync, () => fsSync('fs.link', payload, src, dest), () => fsAsync('fs.link', payload, src, dest), NOTHING);
}

// `target` is stored as written; errors name it as the path and the link as dest.
export function symlink(target, p, sync) {
  const t = { abs: target.shown, shown: target.shown };
  if (p.abs === '' || target.shown === '') return fail(sync, uvErrorFor('ENOENT', 'symlink', t.shown, p.shown));
  const payload = { target: target.shown, path: p.abs };
  return pick(sync, () => fsSync('fs.symlink', payload, t, p), () => fsAsync('fs.symlink', payload, t, p), NOTHING);
}

// ---------------------------------------------------------------- attributes

export function chmod(p, mode, follow, sync) {
  const empty = emptyCheck(sync, p, follow ? 'chmod' : 'lchmod');
  if (empty) return empty;
  const payload = { path: p.abs, mode, follow };
  return pick(sync, () => fsSync('fs.chmod', payload, p), () => fsAsync('fs.chmod', payload, p), NOTHING);
}

export function chown(p, uid, gid, follow, sync) {
  const empty = emptyCheck(sync, p, follow ? 'chown' : 'lchown');
  if (empty) return empty;
  const payload = { path: p.abs, uid, gid, follow };
  return pick(sync, () => fsSync('fs.chown', payload, p), () => fsAsync('fs.chown', payload, p), NOTHING);
}

export function utimes(p, atime, mtime, follow, sync) {
  const empty = emptyCheck(sync, p, follow ? 'utime' : 'lutime');
  if (empty) return empty;
  const payload = { path: p.abs, atime: secondsToNs(atime), mtime: secondsToNs(mtime), follow };
  return pick(sync, () => fsSync('fs.utimes', payload, p), () => fsAsync('fs.utimes', payload, p), NOTHING);
}
