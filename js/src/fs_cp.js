// fs.cp, fs.cpSync and fs.promises.cp, built from the other operations.
// Node 22 has two implementations with different wording: cpSync checks its
// paths and copies whole trees natively (src/node_file.cc), cp/promises.cp is
// JavaScript (lib/internal/fs/cp/cp.js). Both are followed here, messages
// included: the sync form throws plain Errors with a code, the async form
// SystemErrors.

import * as ops from './fs_ops.js';
import {
  DIRENT, drive, join, nodeError, resolvePath, systemError, dirname, isAbsolute, types,
} from './fs_common.js';

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;

const P = (path) => ({ abs: resolvePath(path), shown: path });
const modeOf = (st) => Number(st.mode);
const isDir = (st) => (modeOf(st) & S_IFMT) === S_IFDIR;
const isLink = (st) => (modeOf(st) & S_IFMT) === S_IFLNK;
const isFile = (st) => (modeOf(st) & S_IFMT) === S_IFREG;
const sameFile = (a, b) => b !== null && Boolean(b.ino) && Boolean(b.dev) && BigInt(a.ino) === BigInt(b.ino) && BigInt(a.dev) === BigInt(b.dev);

function* statOrNull(path, follow, sync) {
  try {
    return yield ops.rawStat(P(path), follow, sync);
  } catch (err) {
    if (err?.code === 'ENOENT') return null;
    throw err;
  }
}

function invalidReturn(value) {
  return nodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
    `Expected boolean to be returned from the "filter" function but got ${types.isPromise(value) ? 'an instance of Promise' : typeof value}.`);
}

function* preserveTimes(src, dest, sync) {
  const st = yield ops.stat(P(src), false, sync);
  yield ops.utimes(P(dest), st.atime.getTime() / 1000, st.mtime.getTime() / 1000, true, sync);
}

// ---------------------------------------------------------------- cpSync (Node's native checks)

function nativeError(code, message) {
  const err = new Error(message);
  err.code = code;
  return err;
}

function* checkPathsSync(src, dest, opts, sync) {
  if (opts.dereference) yield ops.rawStat(P(src), true, sync);   // a missing source is reported by stat
  const srcSt = yield ops.rawStat(P(src), false, sync);
  const destSt = yield* statOrNull(dest, false, sync);
  const srcIsDir = isDir(srcSt) || (opts.dereference && isLink(srcSt));
  if (destSt !== null) {
    const srcFollowed = isLink(srcSt) ? yield* statOrNull(src, true, sync) : srcSt;
    const destFollowed = isLink(destSt) ? yield* statOrNull(dest, true, sync) : destSt;
    if (srcFollowed !== null && sameFile(srcFollowed, destFollowed)) {
      throw nativeError('ERR_FS_CP_EINVAL', `src and dest cannot be the same ${dest}`);
    }
    const destIsDir = isDir(destSt);
    if (srcIsDir && !destIsDir) {
      throw nativeError('ERR_FS_CP_DIR_TO_NON_DIR', `Cannot overwrite non-directory ${dest} with directory ${src}`);
    }
    if (!srcIsDir && destIsDir) {
      throw nativeError('ERR_FS_CP_NON_DIR_TO_DIR', `Cannot overwrite directory ${dest} with non-directory ${src}`);
    }
  }
  const srcSlash = src.endsWith('/') ? src : `${src}/`;
  if (srcIsDir && dest.startsWith(srcSlash)) {
    throw nativeError('ERR_FS_CP_EINVAL', `Cannot copy ${srcSlash} to a subdirectory of self ${dest}`);
  }
  const destParent = dirname(dest);
  if (srcIsDir && resolvePath(dirname(src)) !== resolvePath(destParent)) {
    const parentSt = yield* statOrNull(destParent, true, sync);
    if (parentSt !== null && sameFile(srcSt, parentSt)) {
      throw nativeError('ERR_FS_CP_EINVAL', `Cannot copy ${srcSlash} to a subdirectory of self ${dest}`);
    }
  }
  if (srcIsDir && !opts.recursive) {
    throw nativeError('ERR_FS_EISDIR', `Recursive option not enabled, cannot copy a directory: ${srcSlash}`);
  }
  if (destSt === null) {
    try {
      yield ops.mkdir(P(destParent), 0o777, true, sync);
    } catch {
      // As Node: a parent that cannot be made fails the copy itself.
    }
  }
}

function eexist(dest) {
  return systemError('ERR_FS_CP_EEXIST', 'Target already exists', {
    message: `${dest} already exists`, path: dest, syscall: 'cp', errno: 17, code: 'EEXIST',
  });
}

function* copyFileSyncForm(srcSt, src, dest, opts, sync) {
  yield ops.copyFile(P(src), P(dest), opts.mode, sync);
  if (opts.preserveTimestamps) {
    if ((modeOf(srcSt) & 0o200) === 0) yield ops.chmod(P(dest), modeOf(srcSt) | 0o200, true, sync);
    yield* preserveTimes(src, dest, sync);
  }
  yield ops.chmod(P(dest), modeOf(srcSt), true, sync);
}

function* onFileSync(srcSt, destSt, src, dest, opts, sync) {
  if (destSt === null) return yield* copyFileSyncForm(srcSt, src, dest, opts, sync);
  if (opts.force) {
    yield ops.unlink(P(dest), sync);
    yield ops.copyFile(P(src), P(dest), 0, sync);
    if (opts.preserveTimestamps) yield* preserveTimes(src, dest, sync);
    return;
  }
  if (opts.errorOnExist) throw eexist(dest);
}

// cpSyncCopyDir: the whole tree at once, merging into what exists.
function* copyTreeNative(src, dest, opts, sync) {
  try {
    yield ops.mkdir(P(dest), 0o777, true, sync);
  } catch (err) {
    if (err?.code !== 'EEXIST') throw err;
  }
  const entries = yield ops.readdir(P(src), sync);
  for (const [name, type] of entries) {
    const s = join(src, name);
    const d = join(dest, name);
    // Node 22's native tree copy copies links as links even with `dereference`.
    const kind = type;
    if (kind === DIRENT.LINK) {
      const target = yield ops.readlink(P(s), undefined, sync);
      if (opts.verbatimSymlinks) {
        yield ops.symlink({ shown: target }, P(d), sync);
        continue;
      }
      const destSt = yield* statOrNull(d, false, sync);
      if (destSt !== null) {
        if (isLink(destSt)) {
          yield ops.unlink(P(d), sync);
        } else if (isFile(destSt)) {
          throw nativeError('EEXIST', `EEXIST: file already exists, cp '${d}'`);
        }
      }
      const absolute = isAbsolute(target) ? target : resolvePath(target, resolvePath(dirname(s)));
      yield ops.symlink({ shown: absolute }, P(d), sync);
    } else if (kind === DIRENT.DIR) {
      yield* copyTreeNative(s, d, opts, sync);
    } else {
      const destSt = yield* statOrNull(d, false, sync);
      if (destSt !== null) {
        if (!opts.force) {
          if (opts.errorOnExist) {
            throw nativeError('ERR_FS_CP_EEXIST', `[ERR_FS_CP_EEXIST]: Target already exists: cp returned EEXIST (${d} already exists)`);
          }
          continue;
        }
        yield ops.unlink(P(d), sync);
      }
      yield ops.copyFile(P(s), P(d), 0, sync);
      if (opts.preserveTimestamps) yield* preserveTimes(s, d, sync);
    }
  }
}

function callFilter(opts, src, dest) {
  const keep = opts.filter(src, dest);
  if (types.isPromise(keep)) throw invalidReturn(keep);
  return keep;
}

function* copyDirSync(src, dest, opts, mkDir, srcMode, sync) {
  if (!opts.filter) return yield* copyTreeNative(src, dest, opts, sync);
  if (mkDir) yield ops.mkdir(P(dest), 0o777, false, sync);
  try {
    const entries = yield ops.readdir(P(src), sync);
    for (const [name] of entries) {
      const s = join(src, name);
      const d = join(dest, name);
      if (callFilter(opts, s, d)) yield* getStatsSync(s, d, opts, sync);
    }
  } finally {
    if (srcMode !== undefined) yield ops.chmod(P(dest), srcMode, true, sync);
  }
}

function* onLinkSync(destSt, src, dest, opts, sync) {
  let resolvedSrc = yield ops.readlink(P(src), undefined, sync);
  if (!opts.verbatimSymlinks && !isAbsolute(resolvedSrc)) resolvedSrc = resolvePath(resolvedSrc, resolvePath(dirname(src)));
  if (destSt === null) return yield ops.symlink({ shown: resolvedSrc }, P(dest), sync);
  let resolvedDest;
  try {
    resolvedDest = yield ops.readlink(P(dest), undefined, sync);
  } catch (err) {
    if (err?.code === 'EINVAL') return yield ops.symlink({ shown: resolvedSrc }, P(dest), sync);
    throw err;
  }
  if (!isAbsolute(resolvedDest)) resolvedDest = resolvePath(resolvedDest, resolvePath(dirname(dest)));
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw systemError('ERR_FS_CP_EINVAL', 'Invalid src or dest', {
      message: `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, path: dest, syscall: 'cp', errno: 22, code: 'EINVAL',
    });
  }
  const destFollowed = yield ops.rawStat(P(dest), true, sync);
  if (isDir(destFollowed) && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw systemError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self', {
      message: `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, path: dest, syscall: 'cp', errno: 22, code: 'EINVAL',
    });
  }
  yield ops.unlink(P(dest), sync);
  return yield ops.symlink({ shown: resolvedSrc }, P(dest), sync);
}

function* getStatsSync(src, dest, opts, sync) {
  const srcSt = yield ops.rawStat(P(src), opts.dereference, sync);
  const destSt = opts.dereference ? yield* statOrNull(dest, true, sync) : yield* statOrNull(dest, false, sync);
  if (isDir(srcSt) && opts.recursive) {
    return yield* copyDirSync(src, dest, opts, destSt === null, destSt === null ? modeOf(srcSt) : undefined, sync);
  }
  if (isLink(srcSt)) return yield* onLinkSync(destSt, src, dest, opts, sync);
  return yield* onFileSync(srcSt, destSt, src, dest, opts, sync);
}

function* cpSyncForm(src, dest, opts) {
  if (opts.filter && !callFilter(opts, src, dest)) return;
  yield* checkPathsSync(src, dest, opts, true);
  yield* getStatsSync(src, dest, opts, true);
}

// ---------------------------------------------------------------- cp (lib/internal/fs/cp/cp.js)

function isSrcSubdir(src, dest) {
  const a = resolvePath(src).split('/').filter(Boolean);
  const b = resolvePath(dest).split('/').filter(Boolean);
  return a.every((part, i) => b[i] === part);
}

function cpError(key, prefix, message, path, errno, code) {
  return systemError(key, prefix, { message, path, syscall: 'cp', errno, code });
}

function* statPair(src, dest, opts) {
  const srcSt = yield ops.rawStat(P(src), opts.dereference, false);
  const destSt = yield* statOrNull(dest, opts.dereference, false);
  return [srcSt, destSt];
}

function* checkPaths(src, dest, opts) {
  if (opts.filter && !(yield Promise.resolve(opts.filter(src, dest)))) return { skipped: true };
  const [srcSt, destSt] = yield* statPair(src, dest, opts);
  if (destSt !== null) {
    if (sameFile(srcSt, destSt)) {
      throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', 'src and dest cannot be the same', dest, 22, 'EINVAL');
    }
    if (isDir(srcSt) && !isDir(destSt)) {
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory',
        `cannot overwrite non-directory ${dest} with directory ${src}`, dest, 21, 'EISDIR');
    }
    if (!isDir(srcSt) && isDir(destSt)) {
      throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory',
        `cannot overwrite directory ${dest} with non-directory ${src}`, dest, 20, 'ENOTDIR');
    }
  }
  if (isDir(srcSt) && isSrcSubdir(src, dest)) {
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', `cannot copy ${src} to a subdirectory of self ${dest}`, dest, 22, 'EINVAL');
  }
  return { srcSt, destSt, skipped: false };
}

function* checkParentPaths(src, srcSt, dest) {
  const srcParent = resolvePath(dirname(src));
  let destParent = resolvePath(dirname(dest));
  while (destParent !== srcParent && destParent !== '/') {
    const st = yield* statOrNull(destParent, true, false);
    if (st === null) return;
    if (sameFile(srcSt, st)) {
      throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', `cannot copy ${src} to a subdirectory of self ${dest}`, dest, 22, 'EINVAL');
    }
    destParent = resolvePath(dirname(destParent));
  }
}

function* copyFileAsync(srcSt, src, dest, opts) {
  yield ops.copyFile(P(src), P(dest), opts.mode, false);
  if (opts.preserveTimestamps) {
    if ((modeOf(srcSt) & 0o200) === 0) yield ops.chmod(P(dest), modeOf(srcSt) | 0o200, true, false);
    yield* preserveTimes(src, dest, false);
  }
  yield ops.chmod(P(dest), modeOf(srcSt), true, false);
}

function* getStatsForCopy(destSt, src, dest, opts) {
  const srcSt = yield ops.rawStat(P(src), opts.dereference, false);
  if (isDir(srcSt) && opts.recursive) {
    if (destSt === null) {
      yield ops.mkdir(P(dest), 0o777, false, false);
      yield* copyDirAsync(src, dest, opts);
      yield ops.chmod(P(dest), modeOf(srcSt), true, false);
      return;
    }
    return yield* copyDirAsync(src, dest, opts);
  }
  if (isDir(srcSt)) {
    throw cpError('ERR_FS_EISDIR', 'Path is a directory', `${src} is a directory (not copied)`, src, 21, 'EISDIR');
  }
  if (isLink(srcSt)) return yield* onLinkAsync(destSt, src, dest, opts);
  if (!isFile(srcSt) && (modeOf(srcSt) & S_IFMT) !== 0o020000 && (modeOf(srcSt) & S_IFMT) !== 0o060000) {
    const what = (modeOf(srcSt) & S_IFMT) === 0o140000 ? ['ERR_FS_CP_SOCKET', 'Cannot copy a socket file', 'cannot copy a socket file']
      : (modeOf(srcSt) & S_IFMT) === 0o010000 ? ['ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', 'cannot copy a FIFO pipe']
        : ['ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', 'cannot copy an unknown file type'];
    throw cpError(what[0], what[1], `${what[2]}: ${dest}`, dest, 22, 'EINVAL');
  }
  if (destSt === null) return yield* copyFileAsync(srcSt, src, dest, opts);
  if (opts.force) {
    yield ops.unlink(P(dest), false);
    return yield* copyFileAsync(srcSt, src, dest, opts);
  }
  if (opts.errorOnExist) throw eexist(dest);
}

function* copyDirAsync(src, dest, opts) {
  const entries = yield ops.readdir(P(src), false);
  for (const [name] of entries) {
    const s = join(src, name);
    const d = join(dest, name);
    const checked = yield* checkPaths(s, d, opts);
    if (!checked.skipped) yield* getStatsForCopy(checked.destSt, s, d, opts);
  }
}

function* onLinkAsync(destSt, src, dest, opts) {
  let resolvedSrc = yield ops.readlink(P(src), undefined, false);
  if (!opts.verbatimSymlinks && !isAbsolute(resolvedSrc)) resolvedSrc = resolvePath(resolvedSrc, resolvePath(dirname(src)));
  if (destSt === null) return yield ops.symlink({ shown: resolvedSrc }, P(dest), false);
  let resolvedDest;
  try {
    resolvedDest = yield ops.readlink(P(dest), undefined, false);
  } catch (err) {
    if (err?.code === 'EINVAL') return yield ops.symlink({ shown: resolvedSrc }, P(dest), false);
    throw err;
  }
  if (!isAbsolute(resolvedDest)) resolvedDest = resolvePath(resolvedDest, resolvePath(dirname(dest)));
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest, 22, 'EINVAL');
  }
  const srcFollowed = yield ops.rawStat(P(src), true, false);
  if (isDir(srcFollowed) && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self',
      `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, 22, 'EINVAL');
  }
  yield ops.unlink(P(dest), false);
  return yield ops.symlink({ shown: resolvedSrc }, P(dest), false);
}

function* cpAsyncForm(src, dest, opts) {
  const checked = yield* checkPaths(src, dest, opts);
  if (checked.skipped) return;
  yield* checkParentPaths(src, checked.srcSt, dest);
  const parent = dirname(dest);
  const parentExists = yield* statOrNull(parent, true, false);
  if (parentExists === null) yield ops.mkdir(P(parent), 0o777, true, false);
  yield* getStatsForCopy(checked.destSt, src, dest, opts);
}

// `src`/`dest` as getPath() returns them; `sync` picks the form.
export function cpFn(src, dest, opts, sync) {
  const s = src.shown;
  const d = dest.shown;
  return drive(sync, sync ? cpSyncForm(s, d, opts) : cpAsyncForm(s, d, opts));
}


