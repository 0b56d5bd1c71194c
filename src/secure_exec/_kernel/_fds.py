"""File descriptors: open file descriptions with a position, in a per-execution table.

An `FdTable` belongs to one execution (one guest process). `open` decodes
Node's numeric `O_*` flags (Linux values), opens the file through a `KernelFS`
and hands out the lowest free descriptor from 3 up (0-2 are the guest's stdio,
which never reach this table). Reads and writes without a position use and
advance the description's position; with a position they leave it alone. As
on Linux, every write to an `O_APPEND` description goes to the end of the file,
even a positional one.

A directory opened read-only gets a description without storage (Linux allows
`open(dir, O_RDONLY)`): `fstat` works, `read` fails `EISDIR`.

Errors are `KernelError`s named as Node names them: `EBADF: bad file
descriptor, read` for an unknown descriptor or one not open for that
direction, `EMFILE: too many open files, open '<path>'` past the table's limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ._errno import KernelError
from ._filesystem import KernelFS
from ._vfs import OpenFile, OpenFlags, Stat

__all__ = [
    "O_APPEND",
    "O_CREAT",
    "O_DIRECTORY",
    "O_EXCL",
    "O_NOFOLLOW",
    "O_RDONLY",
    "O_RDWR",
    "O_TRUNC",
    "O_WRONLY",
    "FdTable",
    "OpenDescription",
    "decode_flags",
    "open_description",
]

# Linux's values, which Node's fs.constants carries.
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_ACCMODE = 3
O_CREAT = 0o100
O_EXCL = 0o200
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_DIRECTORY = 0o200000
O_NOFOLLOW = 0o400000

#: Reads ask the backend for at most this much at a time.
_READ_CHUNK = 1 << 20


def decode_flags(flags: int) -> tuple[OpenFlags, bool, bool]:
    """`(OpenFlags, nofollow, directory)` for Node's numeric open flags.

    Flags the kernel has no use for (`O_SYNC`, `O_NOATIME`, `O_NONBLOCK`, ...)
    are accepted and ignored, as a filesystem without those features would.

    Raises:
        KernelError: ``EINVAL`` for the access mode 3 (neither read, write nor both).
    """
    access = flags & O_ACCMODE
    if access == O_ACCMODE:
        raise KernelError("EINVAL")
    write = access != O_RDONLY
    decoded = OpenFlags(
        read=access != O_WRONLY,
        write=write,
        create=bool(flags & O_CREAT),
        exclusive=bool(flags & O_CREAT) and bool(flags & O_EXCL),
        truncate=write and bool(flags & O_TRUNC),
        append=bool(flags & O_APPEND),
    )
    return decoded, bool(flags & O_NOFOLLOW), bool(flags & O_DIRECTORY)


@dataclass(eq=False, slots=True)
class OpenDescription:
    """One open file description: the storage, how it was opened, the position.

    `file` is None for a directory opened for reading. `path` is the guest path
    it was opened by (used for the calls a backend's `OpenFile` cannot answer:
    `fchmod`, `fchown`, `futimes` act on that path).
    """

    fs: KernelFS
    path: str
    flags: OpenFlags
    file: OpenFile | None
    position: int = 0
    closed: bool = False

    def stat(self) -> Stat:
        if self.file is None:
            return self.fs.stat(self.path, syscall="fstat")
        return self.file.stat()

    def read(self, size: int, position: int | None, *, syscall: str = "read") -> bytes:
        """Up to `size` bytes at `position` (None: at the description's position, which advances)."""
        if not self.flags.read:
            raise KernelError("EBADF", syscall)
        if self.file is None:
            raise KernelError("EISDIR", syscall)
        offset = self.position if position is None else position
        if size <= 0:
            return b""
        end = self.file.stat().size
        size = max(0, min(size, end - offset))
        parts: list[bytes] = []
        got = 0
        while got < size:
            chunk = self.file.pread(offset + got, min(_READ_CHUNK, size - got))
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        data = b"".join(parts)
        if position is None:
            self.position = offset + len(data)
        return data

    def read_all(self, limit: int) -> bytes:
        """The whole file from offset 0 (as `readFile` does).

        Raises:
            KernelError: ``EISDIR`` (syscall read) for a directory.
            OverflowError: the file is larger than `limit` bytes (its size is the argument).
        """
        if self.file is None:
            raise KernelError("EISDIR", "read")
        size = self.file.stat().size
        if size > limit:
            raise OverflowError(size)
        parts: list[bytes] = []
        offset = 0
        while chunk := self.file.pread(offset, _READ_CHUNK):
            parts.append(chunk)
            offset += len(chunk)
            if offset > limit:
                raise OverflowError(offset)
        return b"".join(parts)

    def write(self, data: bytes, position: int | None, *, syscall: str = "write") -> int:
        """Write `data` at `position` (None: at the description's position, which advances)."""
        if not self.flags.write:
            raise KernelError("EBADF", syscall)
        if self.file is None:  # pragma: no cover - directories are never opened for writing
            raise KernelError("EISDIR", syscall)
        if self.flags.append:
            offset = self.file.stat().size
        else:
            offset = self.position if position is None else position
        written = self.file.pwrite(offset, data) if data else 0
        if position is None:
            self.position = offset + written
        return written

    def truncate(self, size: int) -> None:
        if self.file is None or not self.flags.write:
            raise KernelError("EINVAL", "ftruncate")
        self.file.truncate(size)

    def sync(self) -> None:
        if self.file is not None:
            self.file.sync()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.file is not None:
            self.file.close()


def open_description(fs: KernelFS, path: str, flags: int, mode: int = 0o666) -> OpenDescription:
    """Open `path` (a normalised guest path) with Node's numeric `flags`.

    Follows Linux: a directory opens read-only (`EISDIR` for writing, `EEXIST`
    with `O_CREAT|O_EXCL`), `O_DIRECTORY` on anything else is `ENOTDIR`,
    `O_NOFOLLOW` on a symlink is `ELOOP`. Errors name syscall `open` and `path`.
    """
    try:
        decoded, nofollow, directory = decode_flags(flags)
    except KernelError as exc:
        raise exc.with_context("open", path) from None
    try:
        st: Stat | None = fs.stat(path, follow=not nofollow, syscall="open")
    except KernelError as exc:
        if exc.code != "ENOENT":
            raise exc.with_context("open", path) from None
        st = None
    if st is not None and st.is_dir:
        if decoded.create and decoded.exclusive:
            raise KernelError("EEXIST", "open", path)
        if decoded.write:
            raise KernelError("EISDIR", "open", path)
        return OpenDescription(fs, path, decoded, None)
    if directory:
        raise KernelError("ENOENT" if st is None else "ENOTDIR", "open", path)
    try:
        file = fs.open(path, decoded, mode, nofollow=nofollow)
    except KernelError as exc:
        raise exc.with_context("open", path) from None
    return OpenDescription(fs, path, decoded, file)


class FdTable:
    """An execution's open files, by descriptor number.

    Args:
        limit: how many descriptors may be open at once (``EMFILE`` beyond).
    """

    FIRST_FD = 3

    def __init__(self, *, limit: int = 1024) -> None:
        self._limit = limit
        self._open: dict[int, OpenDescription] = {}

    def __len__(self) -> int:
        return len(self._open)

    def __iter__(self) -> Iterator[int]:
        return iter(sorted(self._open))

    def open(self, fs: KernelFS, path: str, flags: int, mode: int = 0o666) -> int:
        """Open `path` in `fs` and return the lowest free descriptor (see `open_description`)."""
        if len(self._open) >= self._limit:
            raise KernelError("EMFILE", "open", path)
        description = open_description(fs, path, flags, mode)
        fd = self.FIRST_FD
        while fd in self._open:
            fd += 1
        self._open[fd] = description
        return fd

    def get(self, fd: int, syscall: str) -> OpenDescription:
        """The description behind `fd`; ``EBADF`` (named `syscall`) if none."""
        description = self._open.get(fd)
        if description is None:
            raise KernelError("EBADF", syscall)
        return description

    def close(self, fd: int) -> None:
        description = self._open.pop(fd, None)
        if description is None:
            raise KernelError("EBADF", "close")
        description.close()

    def close_all(self) -> None:
        """Close every descriptor (the execution ended). Safe to call twice."""
        open_now = list(self._open.values())
        self._open.clear()
        for description in open_now:
            description.close()
