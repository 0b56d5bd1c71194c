"""MemoryFileSystem: an inode filesystem held in Python objects.

Files, directories, symlinks and hard links, with modes, owners, the four
timestamps, inode numbers and link counts kept the way Linux keeps them on
tmpfs. File data is a `bytearray` per inode; a directory is a dict from name
to inode, so each path component is one dict lookup.

Times follow Linux: a write or truncate moves the file's mtime and ctime;
chmod, chown, link, unlink and rename move the ctime of the inode they touch;
adding or removing a name moves the directory's mtime and ctime; reads and
listings move atime by the `relatime` rule (only when atime is not newer than
mtime/ctime, or is a day old).

`max_bytes` is a quota on the total size of file data (files still open after
their last name went count until closed); a write or truncate that would pass
it fails with `ENOSPC` and changes nothing.
"""

from __future__ import annotations

import itertools
import stat as _stat
import time
from collections.abc import Callable

from .._kernel._errno import KernelError
from .._kernel._vfs import DirEntry, FileKind, OpenFile, OpenFlags, Stat, VirtualFileSystem

__all__ = ["MemoryFileSystem"]

_DAY_NS = 86_400 * 1_000_000_000
_TMPFS_MAGIC = 0x01021994
_BSIZE = 4096
#: statfs figures reported when there is no quota (what a 1 TiB tmpfs would say).
_UNLIMITED_BLOCKS = (1 << 40) // _BSIZE
_MAX_INODES = 1 << 24
#: Device numbers for memory filesystems: anonymous (major 0) minors from 0xF0000.
_DEVICES = itertools.count(0xF0000)


class _Inode:
    __slots__ = (
        "atime",
        "birthtime",
        "children",
        "ctime",
        "data",
        "dev",
        "gid",
        "ino",
        "mode",
        "mtime",
        "nlink",
        "opened",
        "target",
        "uid",
    )

    def __init__(self, dev: int, ino: int, mode: int, uid: int, gid: int, now: int) -> None:
        self.dev = dev
        self.ino = ino
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.nlink = 1
        self.atime = self.mtime = self.ctime = self.birthtime = now
        self.data = bytearray()
        self.children: dict[str, _Inode] | None = None
        self.target = ""
        self.opened = 0

    @property
    def is_dir(self) -> bool:
        return self.children is not None

    def kind(self) -> FileKind:
        fmt = _stat.S_IFMT(self.mode)
        if fmt == _stat.S_IFDIR:
            return "dir"
        if fmt == _stat.S_IFLNK:
            return "symlink"
        return "file"

    def size(self) -> int:
        if self.children is not None:
            return _BSIZE
        if _stat.S_ISLNK(self.mode):
            return len(self.target.encode())
        return len(self.data)

    def to_stat(self) -> Stat:
        return Stat(
            mode=self.mode,
            size=self.size(),
            ino=self.ino,
            nlink=self.nlink,
            uid=self.uid,
            gid=self.gid,
            atime_ns=self.atime,
            mtime_ns=self.mtime,
            ctime_ns=self.ctime,
            birthtime_ns=self.birthtime,
            dev=self.dev,
        )


class _MemoryFile(OpenFile):
    """An open file description over one inode; keeps the inode alive after unlink."""

    __slots__ = ("_closed", "_flags", "_fs", "_node")

    def __init__(self, fs: MemoryFileSystem, node: _Inode, flags: OpenFlags) -> None:
        self._fs = fs
        self._node = node
        self._flags = flags
        self._closed = False
        node.opened += 1

    def _check_open(self) -> None:
        if self._closed:
            raise KernelError("EBADF")

    def pread(self, offset: int, size: int) -> bytes:
        self._check_open()
        node = self._node
        if node.children is not None:
            raise KernelError("EISDIR")
        if not self._flags.read:
            raise KernelError("EBADF")
        if offset < 0 or size < 0:
            raise KernelError("EINVAL")
        data = node.data
        if offset >= len(data) or size == 0:
            out = b""
        elif offset == 0 and size >= len(data):
            out = bytes(data)
        else:
            view = memoryview(data)
            try:
                out = view[offset : offset + size].tobytes()
            finally:
                view.release()
        self._fs._touch_atime(node)
        return out

    def pwrite(self, offset: int, data: bytes) -> int:
        self._check_open()
        node = self._node
        if not self._flags.write:
            raise KernelError("EBADF")
        if offset < 0:
            raise KernelError("EINVAL")
        count = len(data)
        if count == 0:
            return 0
        buf = node.data
        if self._flags.append:
            offset = len(buf)
        end = offset + count
        if end > len(buf):
            self._fs._charge(end - len(buf))
            if offset > len(buf):
                buf.extend(bytes(offset - len(buf)))
        buf[offset:end] = data
        node.mtime = node.ctime = self._fs._now()
        return count

    def truncate(self, size: int) -> None:
        self._check_open()
        if not self._flags.write:
            raise KernelError("EBADF" if self._node.children is None else "EISDIR")
        if size < 0:
            raise KernelError("EINVAL")
        self._fs._truncate(self._node, size)

    def stat(self) -> Stat:
        self._check_open()
        return self._node.to_stat()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        node = self._node
        node.opened -= 1
        self._fs._maybe_release(node)


class MemoryFileSystem(VirtualFileSystem):
    """An in-memory inode filesystem (see the module docstring for its rules).

    `uid`/`gid` own everything created; `clock` gives nanosecond times
    (inject a fake one in tests); `max_bytes` caps the total file data;
    `dev` is the device number in every `Stat` (by default each instance gets
    its own, so `(dev, ino)` identifies a file across mounts, as Node's
    `fs.cp` expects).
    Not thread-safe beyond what the GIL gives single dict operations.
    """

    def __init__(
        self,
        *,
        uid: int = 0,
        gid: int = 0,
        clock: Callable[[], int] = time.time_ns,
        max_bytes: int | None = None,
        dev: int | None = None,
    ) -> None:
        if max_bytes is not None and max_bytes < 0:
            raise ValueError("max_bytes must be >= 0")
        self._uid = uid
        self._gid = gid
        self._clock = clock
        self._max_bytes = max_bytes
        self._dev = next(_DEVICES) if dev is None else dev
        self._used = 0
        self._inodes = 0
        self._next_ino = 1
        self._root = self._new_inode(_stat.S_IFDIR | 0o755)
        self._root.children = {}
        self._root.nlink = 2

    # -- bookkeeping ----------------------------------------------------------
    @property
    def used_bytes(self) -> int:
        """Bytes of file data held now (what `max_bytes` limits)."""
        return self._used

    def _now(self) -> int:
        return self._clock()

    def _new_inode(self, mode: int) -> _Inode:
        node = _Inode(self._dev, self._next_ino, mode, self._uid, self._gid, self._clock())
        self._next_ino += 1
        self._inodes += 1
        return node

    def _charge(self, grow: int) -> None:
        if self._max_bytes is not None and self._used + grow > self._max_bytes:
            raise KernelError("ENOSPC")
        self._used += grow

    def _truncate(self, node: _Inode, size: int) -> None:
        buf = node.data
        if size > len(buf):
            self._charge(size - len(buf))
            buf.extend(bytes(size - len(buf)))
        elif size < len(buf):
            self._used -= len(buf) - size
            del buf[size:]
        node.mtime = node.ctime = self._now()

    def _touch_atime(self, node: _Inode) -> None:
        now = self._clock()
        if node.atime <= node.mtime or node.atime <= node.ctime or now - node.atime >= _DAY_NS:
            node.atime = now

    def _maybe_release(self, node: _Inode) -> None:
        """Free an inode's data once it has no name and no open file."""
        if node.nlink == 0 and node.opened == 0:
            self._used -= len(node.data)
            node.data = bytearray()
            self._inodes -= 1

    def _drop_link(self, node: _Inode, now: int) -> None:
        if node.children is not None:
            node.nlink = 0
        else:
            node.nlink -= 1
        node.ctime = now
        self._maybe_release(node)

    # -- lookups ----------------------------------------------------------------
    def _lookup(self, path: str) -> _Inode:
        node = self._root
        if path == "/":
            return node
        for name in path[1:].split("/"):
            children = node.children
            if children is None:
                raise KernelError("ENOTDIR")
            found = children.get(name)
            if found is None:
                raise KernelError("ENOENT")
            node = found
        return node

    def _parent(self, path: str) -> tuple[_Inode, str]:
        """The directory holding `path`'s last component, and that name."""
        if path == "/":
            raise KernelError("EBUSY")
        head, _, name = path.rpartition("/")
        parent = self._lookup(head or "/")
        if parent.children is None:
            raise KernelError("ENOTDIR")
        return parent, name

    def _add(self, parent: _Inode, name: str, node: _Inode) -> None:
        assert parent.children is not None
        parent.children[name] = node
        if node.children is not None:
            parent.nlink += 1
        parent.mtime = parent.ctime = node.ctime

    # -- VirtualFileSystem ------------------------------------------------------
    def lstat(self, path: str) -> Stat:
        return self._lookup(path).to_stat()

    def lstat_mode(self, path: str) -> int:
        """Just `lstat(path).mode`, without building a `Stat` (the kernel's path walk uses it)."""
        return self._lookup(path).mode

    def readdir(self, path: str) -> list[DirEntry]:
        node = self._lookup(path)
        children = node.children
        if children is None:
            raise KernelError("ENOTDIR")
        self._touch_atime(node)
        return [DirEntry(name, children[name].kind()) for name in sorted(children)]

    def open(self, path: str, flags: OpenFlags, mode: int = 0o666) -> OpenFile:
        parent, name = self._parent(path)
        assert parent.children is not None
        node = parent.children.get(name)
        if node is None:
            if not flags.create:
                raise KernelError("ENOENT")
            if flags.directory:
                raise KernelError("ENOENT")
            node = self._new_inode(_stat.S_IFREG | (mode & 0o7777))
            self._add(parent, name, node)
            return _MemoryFile(self, node, flags)
        if flags.create and flags.exclusive:
            raise KernelError("EEXIST")
        if _stat.S_ISLNK(node.mode):
            raise KernelError("ELOOP")
        if node.children is not None:
            if flags.write or flags.truncate or flags.append or flags.create:
                raise KernelError("EISDIR")
            if not flags.directory:
                raise KernelError("EISDIR")
            return _MemoryFile(self, node, flags)
        if flags.directory:
            raise KernelError("ENOTDIR")
        if flags.truncate and flags.write:
            self._truncate(node, 0)
        return _MemoryFile(self, node, flags)

    def mkdir(self, path: str, mode: int = 0o777) -> None:
        parent, name = self._parent(path)
        assert parent.children is not None
        if name in parent.children:
            raise KernelError("EEXIST")
        node = self._new_inode(_stat.S_IFDIR | (mode & 0o7777))
        node.children = {}
        node.nlink = 2
        self._add(parent, name, node)

    def rmdir(self, path: str) -> None:
        if path == "/":
            raise KernelError("EBUSY")
        parent, name = self._parent(path)
        assert parent.children is not None
        node = parent.children.get(name)
        if node is None:
            raise KernelError("ENOENT")
        if node.children is None:
            raise KernelError("ENOTDIR")
        if node.children:
            raise KernelError("ENOTEMPTY")
        del parent.children[name]
        now = self._now()
        parent.nlink -= 1
        parent.mtime = parent.ctime = now
        self._drop_link(node, now)

    def unlink(self, path: str) -> None:
        if path == "/":
            raise KernelError("EISDIR")
        parent, name = self._parent(path)
        assert parent.children is not None
        node = parent.children.get(name)
        if node is None:
            raise KernelError("ENOENT")
        if node.children is not None:
            raise KernelError("EISDIR")
        del parent.children[name]
        now = self._now()
        parent.mtime = parent.ctime = now
        self._drop_link(node, now)

    def rename(self, old: str, new: str) -> None:
        if old == "/" or new == "/":
            raise KernelError("EBUSY")
        old_parent, old_name = self._parent(old)
        assert old_parent.children is not None
        node = old_parent.children.get(old_name)
        if node is None:
            raise KernelError("ENOENT")
        new_parent, new_name = self._parent(new)
        assert new_parent.children is not None
        if old == new:
            return
        target = new_parent.children.get(new_name)
        if node.children is not None and new.startswith(old + "/"):
            raise KernelError("EINVAL")
        if target is not None:
            if target is node:
                return  # two names of one inode: POSIX says do nothing
            if node.children is not None:
                if target.children is None:
                    raise KernelError("ENOTDIR")
                if target.children:
                    raise KernelError("ENOTEMPTY")
            elif target.children is not None:
                raise KernelError("EISDIR")
        now = self._now()
        # The new name is bound before the old one goes: no moment without either.
        new_parent.children[new_name] = node
        del old_parent.children[old_name]
        if node.children is not None:
            old_parent.nlink -= 1
            new_parent.nlink += 1
        if target is not None:
            if target.children is not None:
                new_parent.nlink -= 1
            self._drop_link(target, now)
        node.ctime = now
        old_parent.mtime = old_parent.ctime = now
        new_parent.mtime = new_parent.ctime = now

    def symlink(self, target: str, path: str) -> None:
        parent, name = self._parent(path)
        assert parent.children is not None
        if name in parent.children:
            raise KernelError("EEXIST")
        node = self._new_inode(_stat.S_IFLNK | 0o777)
        node.target = target
        self._add(parent, name, node)

    def readlink(self, path: str) -> str:
        node = self._lookup(path)
        if not _stat.S_ISLNK(node.mode):
            raise KernelError("EINVAL")
        self._touch_atime(node)
        return node.target

    def link(self, existing: str, new: str) -> None:
        node = self._lookup(existing)
        if node.children is not None:
            raise KernelError("EPERM")
        parent, name = self._parent(new)
        assert parent.children is not None
        if name in parent.children:
            raise KernelError("EEXIST")
        now = self._now()
        node.nlink += 1
        node.ctime = now
        parent.children[name] = node
        parent.mtime = parent.ctime = now

    def chmod(self, path: str, mode: int) -> None:
        node = self._lookup(path)
        node.mode = _stat.S_IFMT(node.mode) | (mode & 0o7777)
        node.ctime = self._now()

    def chown(self, path: str, uid: int, gid: int) -> None:
        node = self._lookup(path)
        if uid != -1:
            node.uid = uid
        if gid != -1:
            node.gid = gid
        node.ctime = self._now()

    def utimes(self, path: str, atime_ns: int, mtime_ns: int) -> None:
        node = self._lookup(path)
        node.atime = atime_ns
        node.mtime = mtime_ns
        node.ctime = self._now()

    def statfs(self) -> dict[str, int]:
        used_blocks = -(-self._used // _BSIZE)
        if self._max_bytes is None:
            blocks = _UNLIMITED_BLOCKS
        else:
            blocks = self._max_bytes // _BSIZE
        free = max(blocks - used_blocks, 0)
        return {
            "type": _TMPFS_MAGIC,
            "bsize": _BSIZE,
            "blocks": blocks,
            "bfree": free,
            "bavail": free,
            "files": _MAX_INODES,
            "ffree": max(_MAX_INODES - self._inodes, 0),
        }
