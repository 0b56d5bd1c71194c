"""KernelFS: the guest's whole filesystem: mounts, symlink resolution, POSIX semantics.

Every path argument is a guest path: absolute, and already normalised by
`_paths.normalize` (the fs handlers do that once, before the permission check).
Methods follow symlinks the way the matching syscall does, across mounts, with
`ELOOP` after 40 hops, and raise `KernelError` carrying the syscall name and the
guest path (so `str(err)` is Node's message). Mount points appear as
directories in their parent's listing.

Mount rules (from the original): mounting at `/` fails `EINVAL "cannot mount
over root"`; a second mount at the same path `EEXIST "already mounted at <p>"`;
unmounting a non-mount `EINVAL "not a mount point: <p>"`; the longest prefix
wins; the mount-point directory is created in the parent filesystem if missing;
a mutation on a read-only mount is `EROFS` (the node_modules overlay answers
`EACCES` itself); `rename`/`link` across two mounts is `EXDEV`.
"""

from __future__ import annotations

from ._vfs import DirEntry, OpenFile, OpenFlags, Stat, VirtualFileSystem

__all__ = ["KernelFS"]


class KernelFS:
    """The mount table plus the path walk. Not thread-safe: used from one event loop."""

    def __init__(self, root: VirtualFileSystem) -> None:
        raise NotImplementedError

    # -- mounts -------------------------------------------------------------
    def mount(self, guest_path: str, backend: VirtualFileSystem, *, read_only: bool = False) -> None:
        raise NotImplementedError

    def unmount(self, guest_path: str) -> None:
        raise NotImplementedError

    def mounts(self) -> list[tuple[str, VirtualFileSystem, bool]]:
        """(guest path, backend, read_only) for every mount, `/` first."""
        raise NotImplementedError

    # -- metadata -------------------------------------------------------------
    def stat(self, path: str, *, follow: bool = True, syscall: str | None = None) -> Stat:
        """`stat` (follow) or `lstat`; `syscall` overrides the name in errors."""
        raise NotImplementedError

    def exists(self, path: str) -> bool:
        raise NotImplementedError

    def realpath(self, path: str) -> str:
        """The canonical guest path: every symlink resolved (`ENOENT` if dangling)."""
        raise NotImplementedError

    def readdir(self, path: str) -> list[DirEntry]:
        """syscall `scandir`."""
        raise NotImplementedError

    def readlink(self, path: str) -> str:
        raise NotImplementedError

    def statfs(self, path: str) -> dict[str, int]:
        raise NotImplementedError

    # -- data -----------------------------------------------------------------
    def open(self, path: str, flags: OpenFlags, mode: int = 0o666, *, nofollow: bool = False) -> OpenFile:
        """syscall `open`. Follows a final symlink unless `nofollow` (then `ELOOP`);
        `create` through a dangling symlink creates its target, as Linux does."""
        raise NotImplementedError

    def read_file(self, path: str) -> bytes:
        raise NotImplementedError

    def write_file(self, path: str, data: bytes, *, mode: int = 0o666, make_parents: bool = False) -> None:
        """Create or replace the file's content; with `make_parents`, `mkdir -p` its directory first."""
        raise NotImplementedError

    def truncate(self, path: str, size: int) -> None:
        raise NotImplementedError

    # -- namespace ------------------------------------------------------------
    def mkdir(self, path: str, mode: int = 0o777, *, recursive: bool = False) -> str | None:
        """Like Node: recursive returns the first directory created (None if all existed)."""
        raise NotImplementedError

    def rmdir(self, path: str) -> None:
        raise NotImplementedError

    def unlink(self, path: str) -> None:
        raise NotImplementedError

    def rm(self, path: str, *, recursive: bool = False, force: bool = False) -> None:
        """Node's `fs.rm`: `ERR_FS_EISDIR`-style errors are left to the caller; raises
        `KernelError("EISDIR", "rm", path)` for a directory without `recursive`."""
        raise NotImplementedError

    def rename(self, old: str, new: str) -> None:
        raise NotImplementedError

    def link(self, existing: str, new: str) -> None:
        raise NotImplementedError

    def symlink(self, target: str, path: str) -> None:
        raise NotImplementedError

    def copy_file(self, src: str, dest: str, *, exclusive: bool = False) -> None:
        """syscall `copyfile`; with `exclusive`, `EEXIST` if dest exists."""
        raise NotImplementedError

    # -- attributes -------------------------------------------------------------
    def chmod(self, path: str, mode: int, *, follow: bool = True) -> None:
        raise NotImplementedError

    def chown(self, path: str, uid: int, gid: int, *, follow: bool = True) -> None:
        raise NotImplementedError

    def utimes(self, path: str, atime_ns: int, mtime_ns: int, *, follow: bool = True) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Close every backend."""
        raise NotImplementedError
