"""HostDirectory: a host directory projected into the guest, confined to its root.

Confinement is the point of this backend. The root is canonicalised once and
held open as a file descriptor; every access walks from that descriptor one
component at a time with `openat(..., O_DIRECTORY | O_NOFOLLOW)` and finishes
with the `*at` form of the syscall that does not follow a final symlink
(`fstatat(AT_SYMLINK_NOFOLLOW)`, `openat(O_NOFOLLOW)`, `unlinkat`, ...). So:

- `..` never reaches the backend (the kernel normalises paths) and is refused
  if it does;
- a host symlink is never followed here: `lstat` reports it with its raw text
  and the kernel resolves that text in the *guest* namespace, so an absolute
  host link `/etc/passwd` names the guest's `/etc/passwd`, and a relative one
  that climbs out of the mount climbs in the guest's tree;
- a directory swapped for a symlink by a concurrent host process after the
  kernel checked it makes the walk fail (`ENOTDIR`/`ELOOP`): it never crosses
  the link.

Host details that show through: owners, modes, times, inode and device numbers
come from the host's `stat`; `birthtime` is the ctime (what libuv reports when
the filesystem gives no birth time). New files and directories get exactly the
mode asked for (the kernel applied the guest's umask already), except that the
set-user-ID and set-group-ID bits are never set on the host: a guest must not
be able to leave a setuid program in a host directory.

FIFOs, sockets and device nodes found in the directory are listed and
`lstat`-able but cannot be opened (`EACCES`): opening them could block the
kernel or reach a host device.
"""

from __future__ import annotations

import errno as _errno
import os
import stat as _stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from .._kernel._errno import DESCRIPTIONS, KernelError
from .._kernel._vfs import DirEntry, FileKind, OpenFile, OpenFlags, Stat, VirtualFileSystem

__all__ = ["HostDirectory"]

#: Walking through a directory: no read permission needed, never through a symlink.
DIR_FLAGS = os.O_PATH | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
#: Opening a directory to list it.
LIST_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
#: Mode bits a guest may set on a host file (no setuid/setgid).
_HOST_MODE_MASK = 0o1777

_CODE_BY_ERRNO: dict[int, str] = {getattr(_errno, code): code for code in DESCRIPTIONS if hasattr(_errno, code)}
_CODE_BY_ERRNO.update(
    {
        _errno.EOPNOTSUPP: "ENOTSUP",
        _errno.EDQUOT: "ENOSPC",
        _errno.ETXTBSY: "EBUSY",
    }
)

_KIND_BY_FMT: dict[int, FileKind] = {
    _stat.S_IFREG: "file",
    _stat.S_IFDIR: "dir",
    _stat.S_IFLNK: "symlink",
    _stat.S_IFCHR: "chardev",
    _stat.S_IFBLK: "blockdev",
    _stat.S_IFIFO: "fifo",
    _stat.S_IFSOCK: "socket",
}


def os_error(exc: OSError) -> KernelError:
    """The `KernelError` for a host `OSError` (`EIO` for an errno the guest has no name for)."""
    return KernelError(_CODE_BY_ERRNO.get(exc.errno or 0, "EIO"))


def stat_from_os(st: os.stat_result) -> Stat:
    """A host `stat` result as the kernel's `Stat` (birthtime = ctime, as libuv falls back)."""
    return Stat(
        mode=st.st_mode,
        size=st.st_size,
        ino=st.st_ino,
        nlink=st.st_nlink,
        uid=st.st_uid,
        gid=st.st_gid,
        atime_ns=st.st_atime_ns,
        mtime_ns=st.st_mtime_ns,
        ctime_ns=st.st_ctime_ns,
        birthtime_ns=st.st_ctime_ns,
        dev=st.st_dev,
        rdev=st.st_rdev,
        blksize=st.st_blksize,
    )


def split_path(path: str) -> list[str]:
    """The components of a backend path; `EINVAL` for anything the kernel should not pass."""
    if path == "/":
        return []
    if not path.startswith("/"):
        raise KernelError("EINVAL")
    parts = path[1:].split("/")
    for name in parts:
        if name in ("", ".", "..") or "\0" in name:
            raise KernelError("EINVAL")
    return parts


def kind_of_entry(entry: os.DirEntry[str]) -> FileKind | None:
    """An entry's kind without following symlinks (None if it vanished meanwhile)."""
    try:
        if entry.is_symlink():
            return "symlink"
        if entry.is_dir(follow_symlinks=False):
            return "dir"
        if entry.is_file(follow_symlinks=False):
            return "file"
        return _KIND_BY_FMT.get(_stat.S_IFMT(entry.stat(follow_symlinks=False).st_mode), "file")
    except FileNotFoundError:
        return None


def list_directory(dir_fd: int) -> list[DirEntry]:
    """The sorted entries of the directory open as `dir_fd` (which stays open)."""
    out: list[DirEntry] = []
    with os.scandir(dir_fd) as entries:
        for entry in entries:
            kind = kind_of_entry(entry)
            if kind is not None:
                out.append(DirEntry(entry.name, kind))
    out.sort(key=lambda e: e.name)
    return out


def chmod_fd(fd: int, mode: int) -> None:
    """`chmod` the inode behind an `O_PATH` descriptor (what glibc's `fchmodat` does).

    The `/proc/self/fd` link names exactly the inode that was opened, so this
    cannot be redirected by a rename or a symlink swapped in meanwhile.
    """
    os.chmod(f"/proc/self/fd/{fd}", mode)


def open_checked(dir_fd: int, name: str, flags: OpenFlags, st: os.stat_result, extra: int = 0) -> int:
    """Open an existing regular file or directory `name` (already `lstat`-ed as `st`).

    Applies the `OpenFlags` rules shared by the host-backed filesystems: a
    directory needs `flags.directory` and no write, a file refuses
    `flags.directory`, special files are `EACCES`, a symlink is `ELOOP`. The
    open itself is `O_NOFOLLOW | O_NONBLOCK` and its result is checked again
    with `fstat`, so a host process swapping the entry meanwhile gains nothing.
    """
    fmt = _stat.S_IFMT(st.st_mode)
    if fmt == _stat.S_IFLNK:
        raise KernelError("ELOOP")
    if fmt == _stat.S_IFDIR:
        if flags.write or flags.truncate or flags.append or not flags.directory:
            raise KernelError("EISDIR")
    elif fmt == _stat.S_IFREG:
        if flags.directory:
            raise KernelError("ENOTDIR")
    else:
        raise KernelError("EACCES")
    oflags = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | extra | _access_bits(flags)
    if flags.directory:
        oflags |= os.O_DIRECTORY
    fd = os.open(name, oflags, dir_fd=dir_fd)
    try:
        now = os.fstat(fd)
        if _stat.S_IFMT(now.st_mode) != fmt:
            raise KernelError("EAGAIN")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _access_bits(flags: OpenFlags) -> int:
    if flags.write:
        access = os.O_RDWR if flags.read else os.O_WRONLY
    else:
        access = os.O_RDONLY
    if flags.append:
        access |= os.O_APPEND
    return access


def statvfs_figures(fd: int) -> dict[str, int]:
    """The `statfs` figures of the host filesystem holding the open directory `fd`."""
    try:
        vfs = os.statvfs(fd)
    except OSError as exc:
        raise os_error(exc) from exc
    return {
        "bsize": vfs.f_bsize,
        "blocks": vfs.f_blocks,
        "bfree": vfs.f_bfree,
        "bavail": vfs.f_bavail,
        "files": vfs.f_files,
        "ffree": vfs.f_ffree,
    }


class HostFile(OpenFile):
    """An open host file descriptor: positionless reads and writes with `pread`/`pwrite`.

    With `append`, the descriptor has `O_APPEND`, so Linux puts every write at
    the end whatever the offset.
    """

    __slots__ = ("_fd", "_flags")

    def __init__(self, fd: int, flags: OpenFlags) -> None:
        self._fd = fd
        self._flags = flags

    def _check(self) -> int:
        if self._fd < 0:
            raise KernelError("EBADF")
        return self._fd

    def pread(self, offset: int, size: int) -> bytes:
        fd = self._check()
        if not self._flags.read:
            raise KernelError("EBADF")
        if offset < 0 or size < 0:
            raise KernelError("EINVAL")
        chunks: list[bytes] = []
        try:
            while size > 0:
                chunk = os.pread(fd, size, offset)
                if not chunk:
                    break
                chunks.append(chunk)
                offset += len(chunk)
                size -= len(chunk)
        except OSError as exc:
            raise os_error(exc) from exc
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def pwrite(self, offset: int, data: bytes) -> int:
        fd = self._check()
        if not self._flags.write:
            raise KernelError("EBADF")
        if offset < 0:
            raise KernelError("EINVAL")
        view = memoryview(data)
        done = 0
        try:
            while done < len(view):
                done += os.pwrite(fd, view[done:], offset + done)
        except OSError as exc:
            raise os_error(exc) from exc
        finally:
            view.release()
        return done

    def truncate(self, size: int) -> None:
        fd = self._check()
        if not self._flags.write:
            raise KernelError("EBADF")
        if size < 0:
            raise KernelError("EINVAL")
        try:
            os.ftruncate(fd, size)
        except OSError as exc:
            raise os_error(exc) from exc

    def stat(self) -> Stat:
        fd = self._check()
        try:
            return stat_from_os(os.fstat(fd))
        except OSError as exc:
            raise os_error(exc) from exc

    def sync(self) -> None:
        fd = self._check()
        try:
            os.fsync(fd)
        except OSError as exc:
            raise os_error(exc) from exc

    def close(self) -> None:
        fd, self._fd = self._fd, -1
        if fd >= 0:
            os.close(fd)

    def __del__(self) -> None:
        # A description the kernel never closed (a killed guest) must not leak a host fd.
        with suppress(OSError, AttributeError):
            self.close()


class HostDirectory(VirtualFileSystem):
    """A host directory mounted into the guest, never letting the guest outside it.

    Args:
        root: the host directory. It is canonicalised (`realpath`) and opened
            once; renaming it afterwards does not move the mount.
        read_only: refuse every mutation with `EROFS` (the default). The
            kernel also refuses them for a read-only mount; this backend checks
            again itself.

    Raises:
        OSError: `root` does not exist or is not a directory.

    See the module docstring for what confinement means here and which host
    details the guest sees.
    """

    def __init__(self, root: str | os.PathLike[str], *, read_only: bool = True) -> None:
        self.root = os.path.realpath(os.fspath(root))
        self.read_only = read_only
        self._fd = os.open(self.root, LIST_FLAGS)

    def __repr__(self) -> str:
        return f"HostDirectory({self.root!r}, read_only={self.read_only})"

    def __del__(self) -> None:
        with suppress(OSError, AttributeError):
            self.close()

    # -- the walk ---------------------------------------------------------------
    def _walk(self, parts: list[str]) -> int:
        """A descriptor of the directory `parts` names, reached without following symlinks.

        The caller releases it with `_release`.
        """
        fd = self._fd
        try:
            for name in parts:
                next_fd = os.open(name, DIR_FLAGS, dir_fd=fd)
                self._release(fd)
                fd = next_fd
        except OSError as exc:
            self._release(fd)
            raise os_error(exc) from exc
        return fd

    def _release(self, fd: int) -> None:
        if fd != self._fd:
            os.close(fd)

    @contextmanager
    def _parent(self, path: str) -> Iterator[tuple[int, str]]:
        """(descriptor of the parent directory, last name); host errors in the body are translated."""
        parts = split_path(path)
        if not parts:
            raise KernelError("EBUSY")
        fd = self._walk(parts[:-1])
        try:
            yield fd, parts[-1]
        except OSError as exc:
            raise os_error(exc) from exc
        finally:
            self._release(fd)

    def _writable(self) -> None:
        if self.read_only:
            raise KernelError("EROFS")

    # -- metadata -----------------------------------------------------------------
    def lstat(self, path: str) -> Stat:
        if path == "/":
            try:
                return stat_from_os(os.fstat(self._fd))
            except OSError as exc:
                raise os_error(exc) from exc
        with self._parent(path) as (fd, name):
            return stat_from_os(os.stat(name, dir_fd=fd, follow_symlinks=False))

    def lstat_mode(self, path: str) -> int:
        """Just `lstat(path).mode` (the kernel's path walk needs only the type)."""
        if path == "/":
            try:
                return os.fstat(self._fd).st_mode
            except OSError as exc:
                raise os_error(exc) from exc
        with self._parent(path) as (fd, name):
            return os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode

    def readdir(self, path: str) -> list[DirEntry]:
        parts = split_path(path)
        parent = self._walk(parts[:-1])
        try:
            fd = os.open(parts[-1] if parts else ".", LIST_FLAGS, dir_fd=parent)
        except OSError as exc:
            raise os_error(exc) from exc
        finally:
            self._release(parent)
        try:
            return list_directory(fd)
        except OSError as exc:
            raise os_error(exc) from exc
        finally:
            os.close(fd)

    def readlink(self, path: str) -> str:
        if path == "/":
            raise KernelError("EINVAL")
        with self._parent(path) as (fd, name):
            return os.readlink(name, dir_fd=fd)

    def statfs(self) -> dict[str, int]:
        return {**super().statfs(), **statvfs_figures(self._fd)}

    # -- data -------------------------------------------------------------------
    def open(self, path: str, flags: OpenFlags, mode: int = 0o666) -> OpenFile:
        if self.read_only and flags.write:
            raise KernelError("EROFS")
        if path == "/":
            try:
                st = os.fstat(self._fd)
                return HostFile(open_checked(self._fd, ".", flags, st), flags)
            except OSError as exc:
                raise os_error(exc) from exc
        with self._parent(path) as (fd, name):
            for _attempt in range(8):
                try:
                    st = os.stat(name, dir_fd=fd, follow_symlinks=False)
                except FileNotFoundError:
                    if not flags.create or flags.directory:
                        raise
                    if self.read_only:
                        raise KernelError("EROFS") from None
                    try:
                        return self._create(fd, name, flags, mode)
                    except FileExistsError:
                        continue  # created by someone else meanwhile: open it as existing
                if flags.create and flags.exclusive:
                    raise KernelError("EEXIST")
                extra = os.O_TRUNC if flags.truncate and flags.write else 0
                try:
                    return HostFile(open_checked(fd, name, flags, st, extra), flags)
                except KernelError as exc:
                    if exc.code != "EAGAIN":
                        raise
                except FileNotFoundError:
                    pass  # removed meanwhile: look again
            raise KernelError("EAGAIN")

    def _create(self, dir_fd: int, name: str, flags: OpenFlags, mode: int) -> OpenFile:
        oflags = os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC | _access_bits(flags)
        wanted = mode & _HOST_MODE_MASK
        fd = os.open(name, oflags, wanted, dir_fd=dir_fd)
        try:
            if _stat.S_IMODE(os.fstat(fd).st_mode) != wanted:
                os.fchmod(fd, wanted)  # the host's umask took bits away
        except BaseException:
            os.close(fd)
            raise
        return HostFile(fd, flags)

    # -- namespace ----------------------------------------------------------------
    def mkdir(self, path: str, mode: int = 0o777) -> None:
        self._writable()
        wanted = mode & _HOST_MODE_MASK
        with self._parent(path) as (fd, name):
            os.mkdir(name, wanted, dir_fd=fd)
            try:
                new = os.open(name, DIR_FLAGS, dir_fd=fd)
            except OSError:
                return  # replaced meanwhile: leave it alone
            try:
                if _stat.S_IMODE(os.fstat(new).st_mode) != wanted:
                    chmod_fd(new, wanted)
            finally:
                os.close(new)

    def rmdir(self, path: str) -> None:
        self._writable()
        with self._parent(path) as (fd, name):
            os.rmdir(name, dir_fd=fd)

    def unlink(self, path: str) -> None:
        self._writable()
        if path == "/":
            raise KernelError("EISDIR")
        with self._parent(path) as (fd, name):
            os.unlink(name, dir_fd=fd)

    def rename(self, old: str, new: str) -> None:
        self._writable()
        with self._parent(old) as (old_fd, old_name), self._parent(new) as (new_fd, new_name):
            os.rename(old_name, new_name, src_dir_fd=old_fd, dst_dir_fd=new_fd)

    def symlink(self, target: str, path: str) -> None:
        self._writable()
        with self._parent(path) as (fd, name):
            os.symlink(target, name, dir_fd=fd)

    def link(self, existing: str, new: str) -> None:
        self._writable()
        with self._parent(existing) as (old_fd, old_name), self._parent(new) as (new_fd, new_name):
            os.link(old_name, new_name, src_dir_fd=old_fd, dst_dir_fd=new_fd, follow_symlinks=False)

    # -- attributes ---------------------------------------------------------------
    def chmod(self, path: str, mode: int) -> None:
        self._writable()
        wanted = mode & _HOST_MODE_MASK
        if path == "/":
            try:
                os.fchmod(self._fd, wanted)
            except OSError as exc:
                raise os_error(exc) from exc
            return
        with self._parent(path) as (fd, name):
            target = os.open(name, os.O_PATH | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=fd)
            try:
                if _stat.S_ISLNK(os.fstat(target).st_mode):
                    raise KernelError("ENOTSUP")  # Linux has no mode bits on a symlink
                chmod_fd(target, wanted)
            finally:
                os.close(target)

    def chown(self, path: str, uid: int, gid: int) -> None:
        self._writable()
        if path == "/":
            try:
                os.chown(self._fd, uid, gid)
            except OSError as exc:
                raise os_error(exc) from exc
            return
        with self._parent(path) as (fd, name):
            os.chown(name, uid, gid, dir_fd=fd, follow_symlinks=False)

    def utimes(self, path: str, atime_ns: int, mtime_ns: int) -> None:
        self._writable()
        if path == "/":
            try:
                os.utime(self._fd, ns=(atime_ns, mtime_ns))
            except OSError as exc:
                raise os_error(exc) from exc
            return
        with self._parent(path) as (fd, name):
            os.utime(name, ns=(atime_ns, mtime_ns), dir_fd=fd, follow_symlinks=False)

    def close(self) -> None:
        fd = getattr(self, "_fd", -1)
        self._fd = -1
        if fd >= 0:
            os.close(fd)
