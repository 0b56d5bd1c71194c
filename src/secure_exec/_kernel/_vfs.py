"""The storage backend interface: what a filesystem must do to be mounted.

A backend is small on purpose (like fsspec's core): metadata by `lstat`, listing
by `readdir`, data through `open` and the returned `OpenFile`, and the namespace
operations. Everything else the guest sees (symlink resolution across mounts,
`realpath`, recursive mkdir/rm, `copyFile`, mount points, permission checks,
file descriptors and their positions) lives above, in the kernel, and is the
same for every backend.

Rules every backend follows (the conformance suite in `secure_exec.testing`
checks them):

- Paths are absolute, normalised POSIX strings relative to the backend's own
  root (`"/"` is the root). The kernel never passes `.`/`..` components, empty
  components or a trailing slash.
- A backend never follows a symlink: the kernel resolves symlinks one component
  at a time, so every directory component of a path it passes has already been
  checked to be a directory. `lstat`, `open`, `chmod`, ... act on the entry
  itself. (`open` of a symlink raises `ELOOP`, as `O_NOFOLLOW` would.)
- Errors are `KernelError(code)` with no syscall or path; the kernel adds them.
- `rename` is atomic and replaces an existing target (POSIX `rename(2)`
  rules: a directory may replace only an empty directory, `EISDIR`/`ENOTDIR`
  otherwise, `EINVAL` when moving a directory into itself). A backend that
  cannot do that raises `ENOSYS`; it never copies and deletes.
- Data stays readable and writable through an `OpenFile` after its name is
  unlinked, until the file is closed.
- `readdir` never lists `.` or `..`, and needs no per-entry reads of content.
"""

from __future__ import annotations

import stat as _stat
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Literal

from ._errno import KernelError

__all__ = ["DirEntry", "DirectoryHandle", "FileKind", "OpenFile", "OpenFlags", "Stat", "VirtualFileSystem"]

FileKind = Literal["file", "dir", "symlink", "chardev", "blockdev", "fifo", "socket"]

_KIND_BY_FMT: dict[int, FileKind] = {
    _stat.S_IFREG: "file",
    _stat.S_IFDIR: "dir",
    _stat.S_IFLNK: "symlink",
    _stat.S_IFCHR: "chardev",
    _stat.S_IFBLK: "blockdev",
    _stat.S_IFIFO: "fifo",
    _stat.S_IFSOCK: "socket",
}
_FMT_BY_KIND: dict[FileKind, int] = {kind: fmt for fmt, kind in _KIND_BY_FMT.items()}


@dataclass(frozen=True, slots=True)
class Stat:
    """What `lstat` returns. `mode` includes the file-type bits (`S_IFREG`, ...); times are ns."""

    mode: int
    size: int
    ino: int
    nlink: int
    uid: int
    gid: int
    atime_ns: int
    mtime_ns: int
    ctime_ns: int
    birthtime_ns: int
    dev: int = 0
    rdev: int = 0
    blksize: int = 4096

    @property
    def kind(self) -> FileKind:
        return _KIND_BY_FMT.get(_stat.S_IFMT(self.mode), "file")

    @property
    def blocks(self) -> int:
        """512-byte blocks, as Linux reports them for a file of this size."""
        return -(-self.size // 4096) * 8

    @property
    def is_dir(self) -> bool:
        return _stat.S_ISDIR(self.mode)

    @property
    def is_symlink(self) -> bool:
        return _stat.S_ISLNK(self.mode)

    @property
    def is_file(self) -> bool:
        return _stat.S_ISREG(self.mode)

    @staticmethod
    def type_bits(kind: FileKind) -> int:
        return _FMT_BY_KIND[kind]


@dataclass(frozen=True, slots=True)
class DirEntry:
    """One name in a directory listing."""

    name: str
    kind: FileKind


@dataclass(frozen=True, slots=True)
class OpenFlags:
    """How a file is opened (the kernel decodes Node's numeric `O_*` flags into this).

    - `create`: make the file if it does not exist (with `mode`); with
      `exclusive`, `EEXIST` if it does.
    - `truncate`: empty it on open (needs `write`).
    - `append`: every write goes to the end, whatever the position.
    - Opening a directory for writing is `EISDIR`; for reading it succeeds only
      when `directory` is set (the kernel uses that for `opendir`-style access).
    """

    read: bool = True
    write: bool = False
    create: bool = False
    exclusive: bool = False
    truncate: bool = False
    append: bool = False
    directory: bool = False


class OpenFile(ABC):
    """An open file description's storage: positionless reads and writes."""

    @abstractmethod
    def pread(self, offset: int, size: int) -> bytes:
        """Up to `size` bytes from `offset` (fewer at end of file)."""

    @abstractmethod
    def pwrite(self, offset: int, data: bytes) -> int:
        """Write `data` at `offset` (zero-filling any gap); returns the count."""

    @abstractmethod
    def truncate(self, size: int) -> None:
        """Cut or zero-extend the file to `size` bytes."""

    @abstractmethod
    def stat(self) -> Stat:
        """The file's current metadata (works after unlink)."""

    def sync(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Flush to stable storage; nothing to do for most backends."""

    def close(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Release the file. Closing twice is harmless."""


class DirectoryHandle(OpenFile):
    """What `open` returns for a directory opened with `flags.directory`: only `stat` works."""

    def __init__(self, st: Stat) -> None:
        self._st = st

    def pread(self, offset: int, size: int) -> bytes:
        raise KernelError("EISDIR")

    def pwrite(self, offset: int, data: bytes) -> int:
        raise KernelError("EBADF")

    def truncate(self, size: int) -> None:
        raise KernelError("EISDIR")

    def stat(self) -> Stat:
        return self._st


class VirtualFileSystem(ABC):
    """A mountable storage backend. See the module docstring for the rules."""

    #: A backend that can never be written (the kernel answers `EROFS` itself).
    read_only: bool = False

    @abstractmethod
    def lstat(self, path: str) -> Stat:
        """Metadata of the entry at `path`, not following a final symlink."""

    @abstractmethod
    def readdir(self, path: str) -> list[DirEntry]:
        """The names in a directory, without `.`/`..`, in a stable order."""

    @abstractmethod
    def open(self, path: str, flags: OpenFlags, mode: int = 0o666) -> OpenFile:
        """Open (or create) a regular file."""

    @abstractmethod
    def mkdir(self, path: str, mode: int = 0o777) -> None:
        """Create one directory; `EEXIST` if the name exists, `ENOENT` if the parent does not."""

    @abstractmethod
    def rmdir(self, path: str) -> None:
        """Remove an empty directory (`ENOTEMPTY`, `ENOTDIR`)."""

    @abstractmethod
    def unlink(self, path: str) -> None:
        """Remove a name that is not a directory (`EISDIR` for a directory)."""

    @abstractmethod
    def rename(self, old: str, new: str) -> None:
        """Atomically move `old` to `new`, replacing `new` by POSIX rules."""

    def symlink(self, target: str, path: str) -> None:
        """Create a symlink at `path` whose text is `target` (not checked)."""
        raise KernelError("EPERM")

    def readlink(self, path: str) -> str:
        """The text of the symlink at `path` (`EINVAL` if it is not one)."""
        raise KernelError("EINVAL")

    def link(self, existing: str, new: str) -> None:
        """A hard link: `new` names the same inode (`EPERM` for a directory)."""
        raise KernelError("EPERM")

    def chmod(self, path: str, mode: int) -> None:
        """Set the permission bits (`mode & 0o7777`)."""
        raise KernelError("EPERM")

    def chown(self, path: str, uid: int, gid: int) -> None:
        """Set owner and group; -1 leaves one unchanged."""
        raise KernelError("EPERM")

    def utimes(self, path: str, atime_ns: int, mtime_ns: int) -> None:
        """Set access and modification times."""
        raise KernelError("EPERM")

    def statfs(self) -> dict[str, int]:
        """`statfs(2)` figures: type, bsize, blocks, bfree, bavail, files, ffree."""
        return {"type": 0x01021994, "bsize": 4096, "blocks": 0, "bfree": 0, "bavail": 0, "files": 0, "ffree": 0}

    def close(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Release the backend's resources when its mount goes away."""
