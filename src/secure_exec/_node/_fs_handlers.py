"""The host side of the guest's `fs` module: one bridge function per operation.

Every handler reads its payload strictly (a missing or mistyped field is
``ERR_INVALID_BRIDGE_PAYLOAD``: guest code shares the isolate with the bridge
and can shape payloads), normalises each path once, asks the permission check,
then calls the kernel. Kernel errors travel to the guest as Node-shaped errors:
the payload of `KernelError.to_payload()` (code, negative errno, syscall, path,
dest, description, detail); the guest rewrites the message with the path as its
caller spelled it (relative paths, `file:` URLs) the way Node shows it.

Paths arrive absolute (the guest resolves them against `process.cwd()`).
Times cross as integer nanoseconds; stats as a dict of integers whose times
are nanoseconds too (`atimeNs`, ...). Sizes are bounded by the execution's
payload limit: `fs.read` never asks a backend for more, `fs.readFile` refuses a
larger file up front with ``ERR_SANDBOX_PAYLOAD_TOO_LARGE``.
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .._engine._pool import BridgeError
from .._kernel._errno import KernelError
from .._kernel._fds import FdTable, decode_flags, open_description
from .._kernel._filesystem import KernelFS
from .._kernel._paths import is_within, normalize
from .._kernel._vfs import Stat

__all__ = ["FsContext", "fs_handlers"]

MIB = 1024 * 1024
#: Room left in a reply for its envelope, so that a full-size read still fits the limit.
_REPLY_ROOM = 256

#: A permission check: `permit(op, path, syscall)` returns when allowed and
#: raises `KernelError("EACCES", syscall, path, detail=reason)` when denied.
Permit = Callable[[str, str, str | None], None]
Handler = Callable[[Any], Any]

# Node's UV_DIRENT_* values.
_DIRENT_TYPES = {"file": 1, "dir": 2, "symlink": 3, "fifo": 4, "socket": 5, "chardev": 6, "blockdev": 7}
_R_OK, _W_OK, _X_OK = 4, 2, 1
_COPYFILE_EXCL = 1
_MAX_POSITION = 2**53 - 1
_NS_RANGE = (-(2**63), 2**63 - 1)
_TEMP_CHARS = string.ascii_letters + string.digits


@dataclass
class FsContext:
    """What the fs handlers of one execution work with.

    Attributes:
        fs: the runtime's filesystem.
        fds: the execution's descriptor table (closed by the runtime when it ends).
        permit: the fs permission check (ops: read, write, mkdir, readdir, stat,
            rm, rename, exists, symlink, readlink, link, chmod, chown, utimes, truncate).
        transfer_limit: the execution's payload limit in bytes (`payload_limit_bytes`):
            `fs.read` returns at most this much (less a little room for the reply's
            envelope); `fs.readFile` refuses a larger file.
    """

    fs: KernelFS
    fds: FdTable
    permit: Permit
    transfer_limit: int = 16 * MIB


# ---------------------------------------------------------------- payload fields


def _invalid(name: str) -> BridgeError:
    return BridgeError(f"invalid bridge payload: {name!r}", code="ERR_INVALID_BRIDGE_PAYLOAD", name="TypeError")


def _value(payload: Any, name: str) -> Any:
    if not isinstance(payload, dict) or name not in payload:
        raise _invalid(name)
    return payload[name]


def _str(payload: Any, name: str) -> str:
    value = _value(payload, name)
    if not isinstance(value, str) or "\0" in value:
        raise _invalid(name)
    return value


def _bytes(payload: Any, name: str) -> bytes:
    value = _value(payload, name)
    if not isinstance(value, bytes):
        raise _invalid(name)
    return value


def _bool(payload: Any, name: str) -> bool:
    value = _value(payload, name)
    if not isinstance(value, bool):
        raise _invalid(name)
    return value


def _int(payload: Any, name: str, low: int, high: int) -> int:
    """An integer field; JS numbers beyond 32 bits arrive as integral floats."""
    value = _value(payload, name)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _invalid(name)
    return value


def _opt_int(payload: Any, name: str, low: int, high: int) -> int | None:
    if _value(payload, name) is None:
        return None
    return _int(payload, name, low, high)


def _path(payload: Any, name: str = "path") -> str:
    value = _str(payload, name)
    if not value.startswith("/"):
        raise _invalid(name)
    return normalize(value)


def _fd(payload: Any) -> int:
    return _int(payload, "fd", 0, 2**31 - 1)


def _mode(payload: Any) -> int:
    # Node passes any uint32; the kernel keeps the permission bits.
    return _int(payload, "mode", 0, 2**32 - 1) & 0o7777


# ---------------------------------------------------------------- helpers


@contextmanager
def _named(syscall: str, path: str | None = None, dest: str | None = None) -> Iterator[None]:
    """Kernel errors inside name `syscall` and the paths as Node does for this call."""
    try:
        yield
    except KernelError as exc:
        raise exc.with_context(syscall, path, dest) from None


def _stat(st: Stat) -> dict[str, int]:
    return {
        "dev": st.dev,
        "mode": st.mode,
        "nlink": st.nlink,
        "uid": st.uid,
        "gid": st.gid,
        "rdev": st.rdev,
        "blksize": st.blksize,
        "ino": st.ino,
        "size": st.size,
        "blocks": st.blocks,
        "atimeNs": st.atime_ns,
        "mtimeNs": st.mtime_ns,
        "ctimeNs": st.ctime_ns,
        "birthtimeNs": st.birthtime_ns,
    }


def _too_large(name: str, limit: int, size: int) -> BridgeError:
    return BridgeError(
        f"ERR_SANDBOX_PAYLOAD_TOO_LARGE: {name} exceeds {limit} bytes (got {size})",
        code="ERR_SANDBOX_PAYLOAD_TOO_LARGE",
        name="RangeError",
    )


def _bridge_error(exc: KernelError) -> BridgeError:
    fields: dict[str, Any] = dict(exc.to_payload())
    del fields["message"], fields["code"]
    return BridgeError(exc.message, code=exc.code, **fields)


def _guarded(handler: Handler) -> Handler:
    def run(payload: Any) -> Any:
        try:
            return handler(payload)
        except KernelError as exc:
            raise _bridge_error(exc) from None

    run.__name__ = handler.__name__
    return run


def _read_only(fs: KernelFS, path: str) -> bool:
    best = ""
    read_only = False
    for mount_path, _backend, ro in fs.mounts():
        if is_within(path, mount_path) and len(mount_path) >= len(best):
            best, read_only = mount_path, ro
    return read_only


# ---------------------------------------------------------------- handlers


def fs_handlers(ctx: FsContext) -> dict[str, Handler]:
    """The `fs.*` bridge functions for one execution (names as in js/contract.json)."""
    fs, fds, permit = ctx.fs, ctx.fds, ctx.permit

    def permit_open(path: str, flags: int) -> None:
        try:
            decoded, _nofollow, _directory = decode_flags(flags)
        except KernelError as exc:
            raise exc.with_context("open", path) from None
        if decoded.read:
            permit("read", path, "open")
        if decoded.write or decoded.create:
            permit("write", path, "open")

    # -- descriptors --------------------------------------------------------------

    def fs_open(payload: Any) -> int:
        path = _path(payload)
        flags = _int(payload, "flags", 0, 2**31 - 1)
        mode = _mode(payload)
        permit_open(path, flags)
        return fds.open(fs, path, flags, mode)

    def fs_close(payload: Any) -> None:
        fds.close(_fd(payload))

    def fs_read(payload: Any) -> bytes:
        fd = _fd(payload)
        length = _int(payload, "length", 0, _MAX_POSITION)
        position = _opt_int(payload, "position", 0, _MAX_POSITION)
        description = fds.get(fd, "read")
        return description.read(min(length, max(1, ctx.transfer_limit - _REPLY_ROOM)), position)

    def fs_write(payload: Any) -> int:
        fd = _fd(payload)
        data = _bytes(payload, "data")
        position = _opt_int(payload, "position", 0, _MAX_POSITION)
        return fds.get(fd, "write").write(data, position)

    def fs_fstat(payload: Any) -> dict[str, int]:
        return _stat(fds.get(_fd(payload), "fstat").stat())

    def fs_ftruncate(payload: Any) -> None:
        fd = _fd(payload)
        length = _int(payload, "length", 0, _MAX_POSITION)
        fds.get(fd, "ftruncate").truncate(length)

    def fs_fsync(payload: Any) -> None:
        fds.get(_fd(payload), "fsync").sync()

    def fs_fchmod(payload: Any) -> None:
        fd = _fd(payload)
        mode = _mode(payload)
        description = fds.get(fd, "fchmod")
        permit("chmod", description.path, "fchmod")
        with _named("fchmod"):
            fs.chmod(description.path, mode)

    def fs_fchown(payload: Any) -> None:
        fd = _fd(payload)
        uid = _int(payload, "uid", -1, 2**32 - 1)
        gid = _int(payload, "gid", -1, 2**32 - 1)
        description = fds.get(fd, "fchown")
        permit("chown", description.path, "fchown")
        with _named("fchown"):
            fs.chown(description.path, uid, gid)

    def fs_futimes(payload: Any) -> None:
        fd = _fd(payload)
        atime = _int(payload, "atime", *_NS_RANGE)
        mtime = _int(payload, "mtime", *_NS_RANGE)
        description = fds.get(fd, "futime")
        permit("utimes", description.path, "futime")
        with _named("futime"):
            fs.utimes(description.path, atime, mtime)

    # -- whole files ---------------------------------------------------------------

    def fs_read_file(payload: Any) -> bytes:
        path = _path(payload)
        flags = _int(payload, "flags", 0, 2**31 - 1)
        permit_open(path, flags)
        description = open_description(fs, path, flags)
        try:
            return description.read_all(ctx.transfer_limit)
        except OverflowError as exc:
            raise _too_large("fs.readFile", ctx.transfer_limit, int(exc.args[0])) from None
        finally:
            description.close()

    def fs_write_file(payload: Any) -> None:
        path = _path(payload)
        data = _bytes(payload, "data")
        flags = _int(payload, "flags", 0, 2**31 - 1)
        mode = _mode(payload)
        permit_open(path, flags)
        description = open_description(fs, path, flags, mode)
        try:
            description.write(data, None)
        finally:
            description.close()

    def fs_truncate(payload: Any) -> None:
        path = _path(payload)
        length = _int(payload, "length", 0, _MAX_POSITION)
        permit("truncate", path, "open")
        description = open_description(fs, path, 2)  # Node opens with 'r+', then ftruncate
        try:
            description.truncate(length)
        finally:
            description.close()

    def fs_copy_file(payload: Any) -> None:
        src = _path(payload)
        dest = _path(payload, "dest")
        mode = _int(payload, "mode", 0, 7)
        permit("read", src, "copyfile")
        permit("write", dest, "copyfile")
        with _named("copyfile", src, dest):
            fs.copy_file(src, dest, exclusive=bool(mode & _COPYFILE_EXCL))

    # -- metadata -------------------------------------------------------------------

    def fs_stat(payload: Any) -> dict[str, int]:
        path = _path(payload)
        permit("stat", path, "stat")
        with _named("stat", path):
            return _stat(fs.stat(path))

    def fs_lstat(payload: Any) -> dict[str, int]:
        path = _path(payload)
        permit("stat", path, "lstat")
        with _named("lstat", path):
            return _stat(fs.stat(path, follow=False))

    def fs_access(payload: Any) -> None:
        path = _path(payload)
        mode = _int(payload, "mode", 0, 7)
        permit("exists", path, "access")
        with _named("access", path):
            st = fs.stat(path)
        # The guest runs as root: reading and writing are always allowed, executing
        # needs an x bit on a file; writing needs a writable mount.
        if mode & _X_OK and not st.is_dir and not st.mode & 0o111:
            raise KernelError("EACCES", "access", path)
        if mode & _W_OK and _read_only(fs, path):
            raise KernelError("EROFS", "access", path)

    def fs_exists(payload: Any) -> bool:
        path = _path(payload)
        try:
            permit("exists", path, "access")
        except KernelError:
            return False
        return fs.exists(path)

    def fs_statfs(payload: Any) -> dict[str, int]:
        path = _path(payload)
        permit("stat", path, "statfs")
        with _named("statfs", path):
            return dict(fs.statfs(path))

    def fs_readdir(payload: Any) -> list[list[Any]]:
        path = _path(payload)
        permit("readdir", path, "scandir")
        with _named("scandir", path):
            entries = fs.readdir(path)
        return [[entry.name, _DIRENT_TYPES.get(entry.kind, 0)] for entry in entries]

    def fs_readlink(payload: Any) -> str:
        path = _path(payload)
        permit("readlink", path, "readlink")
        with _named("readlink", path):
            return fs.readlink(path)

    def fs_realpath(payload: Any) -> str:
        path = _path(payload)
        native = _bool(payload, "native")
        permit("read", path, "realpath")
        try:
            return fs.realpath(path)
        except KernelError as exc:
            if native:
                raise exc.with_context("realpath", path) from None
            failed = exc
        # Node's JavaScript realpath walks the path with lstat and reports the
        # first component that fails, by its absolute path.
        prefix = ""
        for part in path.split("/")[1:]:
            prefix = f"{prefix}/{part}"
            try:
                fs.stat(prefix, follow=False)
            except KernelError as exc:
                raise exc.with_context("lstat", prefix) from None
        raise failed.with_context("lstat", path) from None

    # -- namespace --------------------------------------------------------------------

    def fs_mkdir(payload: Any) -> str | None:
        path = _path(payload)
        mode = _mode(payload)
        recursive = _bool(payload, "recursive")
        permit("mkdir", path, "mkdir")
        with _named("mkdir", path):
            return fs.mkdir(path, mode, recursive=recursive)

    def fs_mkdtemp(payload: Any) -> str:
        prefix = _str(payload, "prefix")
        if not prefix.startswith("/"):
            raise _invalid("prefix")
        shown = f"{prefix}XXXXXX"
        for _attempt in range(100):
            path = normalize(prefix + "".join(secrets.choice(_TEMP_CHARS) for _ in range(6)))
            permit("mkdir", path, "mkdtemp")
            try:
                fs.mkdir(path, 0o700)
            except KernelError as exc:
                if exc.code == "EEXIST":
                    continue
                raise exc.with_context("mkdtemp", shown) from None
            return path
        raise KernelError("EEXIST", "mkdtemp", shown)

    def fs_rmdir(payload: Any) -> None:
        path = _path(payload)
        permit("rm", path, "rmdir")
        with _named("rmdir", path):
            fs.rmdir(path)

    def fs_rm(payload: Any) -> None:
        path = _path(payload)
        recursive = _bool(payload, "recursive")
        force = _bool(payload, "force")
        permit("rm", path, "rm")
        try:
            st = fs.stat(path, follow=False)
        except KernelError as exc:
            if force and exc.code == "ENOENT":
                return
            raise exc.with_context("lstat", path) from None
        if st.is_dir and not recursive:
            raise KernelError("EISDIR", "rm", path)
        fs.rm(path, recursive=recursive, force=force)

    def fs_unlink(payload: Any) -> None:
        path = _path(payload)
        permit("rm", path, "unlink")
        with _named("unlink", path):
            fs.unlink(path)

    def fs_rename(payload: Any) -> None:
        src = _path(payload)
        dest = _path(payload, "dest")
        permit("rename", src, "rename")
        permit("rename", dest, "rename")
        with _named("rename", src, dest):
            fs.rename(src, dest)

    def fs_link(payload: Any) -> None:
        src = _path(payload)
        dest = _path(payload, "dest")
        permit("link", dest, "link")
        with _named("link", src, dest):
            fs.link(src, dest)

    def fs_symlink(payload: Any) -> None:
        target = _str(payload, "target")
        path = _path(payload)
        permit("symlink", path, "symlink")
        with _named("symlink", target, path):
            fs.symlink(target, path)

    # -- attributes ---------------------------------------------------------------------

    def fs_chmod(payload: Any) -> None:
        path = _path(payload)
        mode = _mode(payload)
        follow = _bool(payload, "follow")
        syscall = "chmod" if follow else "lchmod"
        permit("chmod", path, syscall)
        with _named(syscall, path):
            fs.chmod(path, mode, follow=follow)

    def fs_chown(payload: Any) -> None:
        path = _path(payload)
        uid = _int(payload, "uid", -1, 2**32 - 1)
        gid = _int(payload, "gid", -1, 2**32 - 1)
        follow = _bool(payload, "follow")
        syscall = "chown" if follow else "lchown"
        permit("chown", path, syscall)
        with _named(syscall, path):
            fs.chown(path, uid, gid, follow=follow)

    def fs_utimes(payload: Any) -> None:
        path = _path(payload)
        atime = _int(payload, "atime", *_NS_RANGE)
        mtime = _int(payload, "mtime", *_NS_RANGE)
        follow = _bool(payload, "follow")
        syscall = "utime" if follow else "lutime"
        permit("utimes", path, syscall)
        with _named(syscall, path):
            fs.utimes(path, atime, mtime, follow=follow)

    handlers: dict[str, Handler] = {
        "fs.open": fs_open,
        "fs.close": fs_close,
        "fs.read": fs_read,
        "fs.write": fs_write,
        "fs.fstat": fs_fstat,
        "fs.ftruncate": fs_ftruncate,
        "fs.fsync": fs_fsync,
        "fs.fchmod": fs_fchmod,
        "fs.fchown": fs_fchown,
        "fs.futimes": fs_futimes,
        "fs.readFile": fs_read_file,
        "fs.writeFile": fs_write_file,
        "fs.truncate": fs_truncate,
        "fs.copyFile": fs_copy_file,
        "fs.stat": fs_stat,
        "fs.lstat": fs_lstat,
        "fs.access": fs_access,
        "fs.exists": fs_exists,
        "fs.statfs": fs_statfs,
        "fs.readdir": fs_readdir,
        "fs.readlink": fs_readlink,
        "fs.realpath": fs_realpath,
        "fs.mkdir": fs_mkdir,
        "fs.mkdtemp": fs_mkdtemp,
        "fs.rmdir": fs_rmdir,
        "fs.rm": fs_rm,
        "fs.unlink": fs_unlink,
        "fs.rename": fs_rename,
        "fs.link": fs_link,
        "fs.symlink": fs_symlink,
        "fs.chmod": fs_chmod,
        "fs.chown": fs_chown,
        "fs.utimes": fs_utimes,
    }
    return {name: _guarded(handler) for name, handler in handlers.items()}
