"""FsspecFileSystem: mount any fsspec filesystem (memory, local, S3, zip, ...).

fsspec is an optional dependency: it is imported when an adapter is created,
never when this module is. The adapter maps the backend interface onto what
every fsspec filesystem offers (`info`, `ls`, `cat_file`, `pipe_file`,
`mkdir`, `rmdir`, `rm_file`) and states where fsspec cannot give POSIX:

- **Open files are buffered.** fsspec files have no positional writes, so an
  open file is held in memory as a whole: read on first use (`cat_file`),
  written back (`pipe_file`) on `sync` and on the last close, and only when it
  changed. Descriptors of one path opened through the same adapter share the
  buffer, so they see each other's writes at once, and `lstat` reports the
  buffered size. A file created by `open` exists (empty) from that moment;
  `O_TRUNC` empties it on open. After `unlink` the buffer stays readable and
  writable and is dropped on close, as POSIX keeps an unlinked file's data.
  Memory grows with the size of the open files: do not mount a store of huge
  objects for random access through this adapter.
- **rename is refused (`ENOSYS`) unless it can be atomic.** fsspec's `mv` is
  copy-and-delete on most filesystems; the backend rules forbid faking a
  rename that way. It works on fsspec's `MemoryFileSystem` (the adapter moves
  the entries of its store in one step) and `LocalFileSystem` (`rename(2)`).
- **Unsupported:** creating symlinks and hard links, chmod, chown and utimes
  (`EPERM`, the interface's defaults); the `mode` of new files and directories
  is the filesystem's default. A symlink an fsspec filesystem reports (the
  local one does: `islink`, `destination`) is shown as a symlink with that
  text and is never followed (`open` is `ELOOP`).
- **Synthesised metadata.** Fields fsspec does not give are made up: the
  inode number is a stable hash of the path (a rename changes it), missing
  times are the adapter's creation time (mtime from `mtime`, `LastModified`,
  ..., or `fs.modified()`), owner 0, mode 0o644/0o755, `nlink` 1 (2 for a
  directory).
- fsspec's `LocalFileSystem` follows symlinks inside paths, so this adapter is
  not a confinement boundary for host directories: mount those with
  `HostDirectory`.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import stat as _stat
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .._kernel._errno import KernelError
from .._kernel._vfs import DirectoryHandle, DirEntry, FileKind, OpenFile, OpenFlags, Stat, VirtualFileSystem
from ._host_dir import os_error

if TYPE_CHECKING:
    import fsspec

__all__ = ["FsspecFileSystem"]

_TIME_KEYS = ("mtime", "LastModified", "last_modified", "modified", "updated", "mtime_ns")
_BIRTH_KEYS = ("created", "creation_time", "timeCreated", "birthtime")


def _error(exc: BaseException) -> KernelError:
    """An fsspec (or builtin) exception as a `KernelError`."""
    if isinstance(exc, KernelError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno:
            return os_error(exc)
        for kind, code in (
            (FileNotFoundError, "ENOENT"),
            (FileExistsError, "EEXIST"),
            (IsADirectoryError, "EISDIR"),
            (NotADirectoryError, "ENOTDIR"),
            (PermissionError, "EACCES"),
        ):
            if isinstance(exc, kind):
                return KernelError(code)
    if isinstance(exc, NotImplementedError):
        return KernelError("ENOSYS")
    return KernelError("EIO")


def _ns(value: object) -> int | None:
    """A time in whatever shape fsspec gives it (seconds, datetime, ISO text) as ns."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return round(value * 1_000_000_000)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if isinstance(value, datetime):
        return round(value.timestamp() * 1_000_000_000)
    return None


def _stable_ino(key: str) -> int:
    digest = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=6).digest()
    return int.from_bytes(digest, "big") or 1


class _Buffer:
    """One path's open content, shared by every descriptor of it."""

    __slots__ = ("base", "data", "detached", "dirty", "mtime_ns", "path", "refs")

    def __init__(self, path: str, base: Stat) -> None:
        self.path = path
        self.base = base
        self.data: bytearray | None = None
        self.dirty = False
        self.detached = False
        self.mtime_ns: int | None = None
        self.refs = 0


class _BufferedFile(OpenFile):
    __slots__ = ("_buf", "_closed", "_flags", "_owner")

    def __init__(self, owner: FsspecFileSystem, buf: _Buffer, flags: OpenFlags) -> None:
        self._owner = owner
        self._buf = buf
        self._flags = flags
        self._closed = False
        buf.refs += 1

    def _data(self, allowed: bool) -> bytearray:
        if self._closed or not allowed:
            raise KernelError("EBADF")
        return self._owner._load(self._buf)

    def pread(self, offset: int, size: int) -> bytes:
        data = self._data(self._flags.read)
        if offset < 0 or size < 0:
            raise KernelError("EINVAL")
        return bytes(data[offset : offset + size])

    def pwrite(self, offset: int, data: bytes) -> int:
        buf = self._data(self._flags.write)
        if offset < 0:
            raise KernelError("EINVAL")
        if not data:
            return 0
        if self._flags.append:
            offset = len(buf)
        if offset > len(buf):
            buf.extend(bytes(offset - len(buf)))
        buf[offset : offset + len(data)] = data
        self._owner._touched(self._buf)
        return len(data)

    def truncate(self, size: int) -> None:
        buf = self._data(self._flags.write)
        if size < 0:
            raise KernelError("EINVAL")
        if size < len(buf):
            del buf[size:]
        else:
            buf.extend(bytes(size - len(buf)))
        self._owner._touched(self._buf)

    def stat(self) -> Stat:
        if self._closed:
            raise KernelError("EBADF")
        return self._owner._buffer_stat(self._buf)

    def sync(self) -> None:
        if self._closed:
            raise KernelError("EBADF")
        self._owner._flush(self._buf)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._owner._release(self._buf)


class FsspecFileSystem(VirtualFileSystem):
    """An fsspec filesystem as a mountable backend (see the module docstring for the rules).

    Args:
        fs: any `fsspec.AbstractFileSystem` instance.
        root: the directory of `fs` that becomes this backend's `/`, in `fs`'s
            own path syntax (`"bucket/prefix"` for an object store); `""` for
            a filesystem whose paths have no leading slash (`DirFileSystem`).
        read_only: refuse every mutation with `EROFS`.

    Raises:
        ImportError: fsspec is not installed.
        TypeError: `fs` is not an fsspec filesystem.
    """

    def __init__(self, fs: fsspec.AbstractFileSystem, root: str = "/", *, read_only: bool = False) -> None:
        import fsspec

        if not isinstance(fs, fsspec.AbstractFileSystem):
            raise TypeError(f"expected an fsspec filesystem, got {type(fs).__name__}")
        self.fs = fs
        self.root = root
        self.read_only = read_only
        self._prefix = root.rstrip("/")
        self._root_path = root if root in ("", "/") else self._prefix
        self._born = time.time_ns()
        self._buffers: dict[str, _Buffer] = {}
        self._has_modified = True
        self._rename_via = self._rename_kind(fs)

    def __repr__(self) -> str:
        return f"FsspecFileSystem({self.fs!r}, {self.root!r}, read_only={self.read_only})"

    @staticmethod
    def _rename_kind(fs: Any) -> str | None:
        from fsspec.implementations.local import LocalFileSystem
        from fsspec.implementations.memory import MemoryFileSystem

        if isinstance(fs, MemoryFileSystem):
            return "memory"
        if isinstance(fs, LocalFileSystem):
            return "local"
        return None

    # -- plumbing -----------------------------------------------------------------
    def _full(self, path: str) -> str:
        if path == "/":
            return self._root_path
        if not self._root_path:
            return path[1:]
        return self._prefix + path

    def _call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            raise _error(exc) from exc

    def _info(self, path: str) -> dict[str, Any] | None:
        try:
            info: dict[str, Any] = self.fs.info(self._full(path))
        except FileNotFoundError:
            return None
        except Exception as exc:
            err = _error(exc)
            if err.code == "ENOENT":
                return None
            raise err from exc
        return info

    def _writable(self) -> None:
        if self.read_only:
            raise KernelError("EROFS")

    def _to_stat(self, path: str, info: dict[str, Any]) -> Stat:
        kind = info.get("type")
        raw_mode = info.get("mode")
        perm = raw_mode & 0o7777 if isinstance(raw_mode, int) else None
        size = info.get("size")
        size = size if isinstance(size, int) and size >= 0 else 0
        if info.get("islink"):
            mode = _stat.S_IFLNK | 0o777
            size = len(str(info.get("destination", "")).encode("utf-8", "surrogateescape"))
        elif kind == "directory":
            mode = _stat.S_IFDIR | (0o755 if perm is None else perm)
            size = size or 4096
        elif kind == "file" or not isinstance(raw_mode, int) or not _stat.S_IFMT(raw_mode):
            mode = _stat.S_IFREG | (0o644 if perm is None else perm)
        else:
            mode = raw_mode
        mtime = next((t for t in map(_ns, (info.get(k) for k in _TIME_KEYS)) if t is not None), None)
        if mtime is None and kind == "file" and self._has_modified:
            try:
                mtime = _ns(self.fs.modified(self._full(path)))
            except NotImplementedError:
                self._has_modified = False
            except Exception:
                mtime = None
        birth = next((t for t in map(_ns, (info.get(k) for k in _BIRTH_KEYS)) if t is not None), None)
        if mtime is None:
            mtime = birth if birth is not None else self._born
        ino = info.get("ino")
        nlink = info.get("nlink")
        uid = info.get("uid")
        gid = info.get("gid")
        return Stat(
            mode=mode,
            size=size,
            ino=ino if isinstance(ino, int) and ino > 0 else _stable_ino(self._full(path)),
            nlink=nlink if isinstance(nlink, int) and nlink >= 0 else (2 if _stat.S_ISDIR(mode) else 1),
            uid=uid if isinstance(uid, int) and uid >= 0 else 0,
            gid=gid if isinstance(gid, int) and gid >= 0 else 0,
            atime_ns=mtime,
            mtime_ns=mtime,
            ctime_ns=mtime,
            birthtime_ns=min(birth, mtime) if birth is not None else mtime,
        )

    def _missing(self, path: str) -> KernelError:
        """The error for a missing `path`: `ENOTDIR` if its nearest existing ancestor is no directory."""
        parent = posixpath.dirname(path)
        while parent != "/":
            info = self._info(parent)
            if info is not None:
                if info.get("islink") or info.get("type") != "directory":
                    return KernelError("ENOTDIR")
                break
            parent = posixpath.dirname(parent)
        return KernelError("ENOENT")

    def _check_parent(self, path: str) -> None:
        parent = posixpath.dirname(path)
        if parent == "/":
            return
        info = self._info(parent)
        if info is None:
            raise self._missing(parent)
        if info.get("islink") or info.get("type") != "directory":
            raise KernelError("ENOTDIR")

    # -- buffers ----------------------------------------------------------------------
    def _load(self, buf: _Buffer) -> bytearray:
        if buf.data is None:
            buf.data = bytearray(self._call(self.fs.cat_file, self._full(buf.path)))
        return buf.data

    def _touched(self, buf: _Buffer) -> None:
        buf.dirty = True
        buf.mtime_ns = time.time_ns()

    def _flush(self, buf: _Buffer) -> None:
        if buf.dirty and not buf.detached and buf.data is not None:
            self._call(self.fs.pipe_file, self._full(buf.path), bytes(buf.data))
        buf.dirty = False

    def _release(self, buf: _Buffer) -> None:
        buf.refs -= 1
        if buf.refs > 0:
            return
        if self._buffers.get(buf.path) is buf:
            del self._buffers[buf.path]
        self._flush(buf)

    def _detach(self, path: str) -> None:
        """The name `path` goes away: open buffers of it keep their data, unattached."""
        buf = self._buffers.pop(path, None)
        if buf is not None:
            self._load(buf)
            buf.detached = True

    def _buffer_stat(self, buf: _Buffer) -> Stat:
        base = buf.base
        size = len(buf.data) if buf.data is not None else base.size
        mtime = buf.mtime_ns if buf.mtime_ns is not None else base.mtime_ns
        return Stat(
            mode=base.mode,
            size=size,
            ino=base.ino,
            nlink=0 if buf.detached else base.nlink,
            uid=base.uid,
            gid=base.gid,
            atime_ns=max(base.atime_ns, mtime),
            mtime_ns=mtime,
            ctime_ns=max(base.ctime_ns, mtime),
            birthtime_ns=base.birthtime_ns,
        )

    # -- metadata -------------------------------------------------------------------
    def lstat(self, path: str) -> Stat:
        buf = self._buffers.get(path)
        if buf is not None and (buf.data is not None or buf.mtime_ns is not None):
            return self._buffer_stat(buf)
        info = self._info(path)
        if info is None:
            raise self._missing(path)
        return self._to_stat(path, info)

    def readdir(self, path: str) -> list[DirEntry]:
        info = self._info(path)
        if info is None:
            raise self._missing(path)
        if info.get("islink") or info.get("type") != "directory":
            raise KernelError("ENOTDIR")
        full = self._full(path)
        listed: list[dict[str, Any]] = self._call(self.fs.ls, full, detail=True)
        own = str(self._call(self.fs._strip_protocol, full)).rstrip("/")
        found: dict[str, FileKind] = {}
        for item in listed:
            name = str(item.get("name", "")).rstrip("/")
            base = name.rsplit("/", 1)[-1]
            if not base or name == own or base in (".", ".."):
                continue
            if item.get("islink"):
                kind: FileKind = "symlink"
            elif item.get("type") == "directory":
                kind = "dir"
            else:
                kind = "file"
            found[base] = kind
        return [DirEntry(name, found[name]) for name in sorted(found)]

    def readlink(self, path: str) -> str:
        info = self._info(path)
        if info is None:
            raise self._missing(path)
        if not info.get("islink"):
            raise KernelError("EINVAL")
        return str(info.get("destination", ""))

    # -- data -------------------------------------------------------------------------
    def open(self, path: str, flags: OpenFlags, mode: int = 0o666) -> OpenFile:
        if self.read_only and flags.write:
            raise KernelError("EROFS")
        buf = self._buffers.get(path)
        info = self._info(path) if buf is None else None
        if buf is None and info is None:
            if not flags.create or flags.directory:
                raise self._missing(path)
            if self.read_only:
                raise KernelError("EROFS")
            if path == "/":
                raise KernelError("EISDIR")
            self._check_parent(path)
            self._call(self.fs.pipe_file, self._full(path), b"")
            info = self._info(path) or {"type": "file", "size": 0}
            buf = _Buffer(path, self._to_stat(path, info))
            buf.data = bytearray()
            self._buffers[path] = buf
            return _BufferedFile(self, buf, flags)
        if flags.create and flags.exclusive:
            raise KernelError("EEXIST")
        if buf is None:
            assert info is not None
            st = self._to_stat(path, info)
            if st.is_symlink:
                raise KernelError("ELOOP")
            if st.is_dir:
                if flags.write or flags.truncate or flags.append or not flags.directory:
                    raise KernelError("EISDIR")
                return DirectoryHandle(st)
            if flags.directory:
                raise KernelError("ENOTDIR")
            if not st.is_file:
                raise KernelError("EACCES")
            buf = _Buffer(path, st)
            self._buffers[path] = buf
        elif flags.directory:
            raise KernelError("ENOTDIR")
        handle = _BufferedFile(self, buf, flags)
        if flags.truncate and flags.write:
            try:
                self._call(self.fs.pipe_file, self._full(path), b"")
            except KernelError:
                handle.close()
                raise
            buf.data = bytearray()
            buf.dirty = False
            buf.mtime_ns = time.time_ns()
        return handle

    # -- namespace ----------------------------------------------------------------------
    def mkdir(self, path: str, mode: int = 0o777) -> None:
        self._writable()
        if path == "/":
            raise KernelError("EBUSY")
        if self._info(path) is not None:
            raise KernelError("EEXIST")
        self._check_parent(path)
        self._call(self.fs.mkdir, self._full(path), create_parents=False)

    def rmdir(self, path: str) -> None:
        self._writable()
        if path == "/":
            raise KernelError("EBUSY")
        info = self._info(path)
        if info is None:
            raise self._missing(path)
        if info.get("islink") or info.get("type") != "directory":
            raise KernelError("ENOTDIR")
        if self._call(self.fs.ls, self._full(path), detail=False):
            raise KernelError("ENOTEMPTY")
        self._call(self.fs.rmdir, self._full(path))

    def unlink(self, path: str) -> None:
        self._writable()
        if path == "/":
            raise KernelError("EISDIR")
        info = self._info(path)
        if info is None:
            raise self._missing(path)
        if info.get("type") == "directory" and not info.get("islink"):
            raise KernelError("EISDIR")
        self._detach(path)
        self._call(self.fs.rm_file, self._full(path))

    def rename(self, old: str, new: str) -> None:
        self._writable()
        if self._rename_via is None:
            raise KernelError("ENOSYS")
        if old == "/" or new == "/":
            raise KernelError("EBUSY")
        for name, buf in self._buffers.items():
            if name == old or name.startswith(old + "/"):
                self._flush(buf)  # the store must hold what is moved
        src = self._info(old)
        if src is None:
            raise self._missing(old)
        self._check_parent(new)
        if old == new:
            return
        src_dir = src.get("type") == "directory" and not src.get("islink")
        if src_dir and new.startswith(old + "/"):
            raise KernelError("EINVAL")
        dst = self._info(new)
        if dst is not None:
            dst_dir = dst.get("type") == "directory" and not dst.get("islink")
            if src_dir:
                if not dst_dir:
                    raise KernelError("ENOTDIR")
                if self._call(self.fs.ls, self._full(new), detail=False):
                    raise KernelError("ENOTEMPTY")
            elif dst_dir:
                raise KernelError("EISDIR")
            self._detach(new)
        if self._rename_via == "memory":
            self._memory_rename(old, new, src_dir=src_dir, replace_dir=dst is not None and src_dir)
        else:
            strip = self.fs._strip_protocol
            try:
                os.rename(strip(self._full(old)), strip(self._full(new)))
            except OSError as exc:
                raise os_error(exc) from exc
        moved = {name: buf for name, buf in self._buffers.items() if name == old or name.startswith(old + "/")}
        for name, buf in moved.items():
            del self._buffers[name]
            buf.path = new + name[len(old) :]
            self._buffers[buf.path] = buf

    def close(self) -> None:
        """Write back every changed open buffer (the first failure is raised after trying all)."""
        buffers, self._buffers = list(self._buffers.values()), {}
        failure: KernelError | None = None
        for buf in buffers:
            try:
                self._flush(buf)
            except KernelError as err:
                failure = failure or err
            buf.detached = True
        if failure is not None:
            raise failure

    def _memory_rename(self, old: str, new: str, *, src_dir: bool, replace_dir: bool) -> None:
        """Move entries of a `MemoryFileSystem` store in one step (no copy, no await)."""
        fs = self.fs
        src = fs._strip_protocol(self._full(old))
        dst = fs._strip_protocol(self._full(new))
        store: dict[str, Any] = fs.store
        pseudo: list[str] = fs.pseudo_dirs
        if not src_dir:
            item = store.pop(src)
            store[dst] = item
            if hasattr(item, "path"):
                item.path = dst
            return
        prefix = src + "/"
        if replace_dir and dst in pseudo:
            pseudo.remove(dst)
        for key in [k for k in store if k.startswith(prefix)]:
            item = store.pop(key)
            store[dst + key[len(src) :]] = item
            if hasattr(item, "path"):
                item.path = dst + key[len(src) :]
        renamed = [dst + p[len(src) :] if p == src or p.startswith(prefix) else p for p in pseudo]
        if dst not in renamed:
            renamed.append(dst)
        pseudo[:] = renamed
