"""NodeModulesOverlay: a read-only projection of a host project's `node_modules`.

The guest sees the host directory at its mount point (normally
`/app/node_modules`) and can read any package in it, with the same
confinement as `HostDirectory` (descriptor walks that never follow a host
symlink) plus canonical-path rules for the symlinks package managers create:

- The **main root** is the canonical (`realpath`) host `node_modules`.
- **Allowed roots** are the main root and the canonical targets of symlinks
  found in `node_modules` (its entries, `@scope/*` entries, and pnpm's
  `.pnpm/node_modules/*`), scanned at construction. A symlink sitting
  directly in any `node_modules` directory (or an `@scope` directory in one)
  inside an allowed root is adopted the same way when it is first met, so
  packages installed later and workspace packages linked from each other's
  `node_modules` resolve too. A target qualifies only if it is a directory
  holding a `package.json` (it looks like a package) and is not an ancestor of
  the main root: a link to `/etc`, `/`, or the project itself never widens
  what the guest can read.
- A host symlink whose canonical target is inside the main root is shown as a
  symlink whose text is the *relative* path, in the guest's namespace, from
  the link's directory to the target. The kernel resolves it inside the mount,
  so pnpm's `.pnpm/...` layout resolves with realpath semantics, like Node.
- A host symlink whose canonical target is inside another allowed root (npm
  workspaces: `node_modules/pkg-a -> ../packages/pkg-a`) is transparent: it
  looks like the target (a directory) and paths below it map into the target.
- Anything else (a link or canonical path outside every allowed root, a
  dangling link out of the main root) fails closed with `EACCES`
  `ERR_MODULE_ACCESS_OUT_OF_SCOPE`.

Native addons cannot run in the sandbox: opening a path (or a canonical host
path) ending in `.node` fails with `EACCES` `ERR_MODULE_ACCESS_NATIVE_ADDON`;
listing and `lstat` still work, so the module resolver finds the file and
reports that error. Every mutation is `EACCES` (the overlay answers itself:
`read_only` is False so the kernel lets it). A missing host `node_modules` is
an empty read-only directory.
"""

from __future__ import annotations

import os
import posixpath
import stat as _stat
import time
from contextlib import suppress
from typing import NamedTuple

from .._kernel._errno import KernelError
from .._kernel._vfs import DirectoryHandle, DirEntry, FileKind, OpenFile, OpenFlags, Stat, VirtualFileSystem
from ._host_dir import (
    DIR_FLAGS,
    LIST_FLAGS,
    HostFile,
    kind_of_entry,
    open_checked,
    os_error,
    split_path,
    stat_from_os,
    statvfs_figures,
)

__all__ = ["NodeModulesOverlay"]

_LINK_CACHE_MAX = 65536

_KIND_BY_FMT: dict[int, FileKind] = {
    _stat.S_IFREG: "file",
    _stat.S_IFDIR: "dir",
    _stat.S_IFLNK: "symlink",
    _stat.S_IFCHR: "chardev",
    _stat.S_IFBLK: "blockdev",
    _stat.S_IFIFO: "fifo",
    _stat.S_IFSOCK: "socket",
}


def _within(path: str, root: str) -> bool:
    if root == "/":
        return True
    return path == root or path.startswith(root + "/")


def _join(directory: str, name: str) -> str:
    return f"{directory}/{name}" if directory != "/" else f"/{name}"


class _Entry(NamedTuple):
    """Where an overlay path landed on the host."""

    dir_fd: int  # the directory holding the entry (release with `_release`)
    name: str  # the entry's name in it ("." for that directory itself)
    host: str  # the entry's canonical host path
    st: os.stat_result  # its lstat
    link_text: str | None  # set when it is shown as a symlink (target inside the main root)


class NodeModulesOverlay(VirtualFileSystem):
    """The host's `node_modules`, read-only and confined (see the module docstring).

    Args:
        node_modules: the host `node_modules` directory (it may be missing).
        guest_root: where the overlay is mounted in the guest; used only to
            name guest paths in error messages.
    """

    def __init__(self, node_modules: str | os.PathLike[str], *, guest_root: str = "/app/node_modules") -> None:
        self.host_path = os.path.abspath(os.fspath(node_modules))
        self.guest_root = guest_root.rstrip("/") or "/"
        self._born = time.time_ns()
        self._fd = -1
        self._main: str | None = None
        #: extra allowed root (canonical host path) -> its O_PATH descriptor (-1 until first used)
        self._roots: dict[str, int] = {}
        #: (host link, ino, ctime) -> canonical target
        self._link_cache: dict[tuple[str, int, int], str] = {}
        try:
            main = os.path.realpath(self.host_path, strict=True)
            self._fd = os.open(main, LIST_FLAGS)
        except OSError:
            return
        self._main = main
        self._scan()

    def __repr__(self) -> str:
        return f"NodeModulesOverlay({self.host_path!r}, guest_root={self.guest_root!r})"

    def __del__(self) -> None:
        with suppress(OSError, AttributeError):
            self.close()

    @property
    def allowed_roots(self) -> list[str]:
        """The canonical host directories readable through the overlay, main root first."""
        if self._main is None:
            return []
        return [self._main, *sorted(self._roots)]

    # -- allowed roots ------------------------------------------------------------
    def _scan(self) -> None:
        assert self._main is not None
        for directory in (self._main, os.path.join(self._main, ".pnpm", "node_modules")):
            for entry in self._entries(directory):
                if entry.name.startswith("@") and entry.is_dir(follow_symlinks=False):
                    for inner in self._entries(entry.path):
                        if inner.is_symlink():
                            self._scan_link(inner.path)
                elif entry.is_symlink():
                    self._scan_link(entry.path)

    def _scan_link(self, link: str) -> None:
        assert self._main is not None
        try:
            text = os.readlink(link)
        except OSError:
            return
        if _within(os.path.normpath(os.path.join(os.path.dirname(link), text)), self._main):
            # pnpm's hundreds of links into its store: no realpath needed now (a link that
            # only looks inside is classified, and adopted if it qualifies, when first met)
            return
        self._consider(os.path.realpath(link))

    @staticmethod
    def _entries(directory: str) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(directory) as it:
                return list(it)
        except OSError:
            return []

    def _consider(self, target: str) -> bool:
        """Adopt `target` as an allowed root if it qualifies (see the module docstring)."""
        main = self._main
        assert main is not None
        if _within(target, main) or self._root_for(target) is not None:
            return True
        if _within(main, target):
            return False  # the project itself, `/`, ...: never a package root
        try:
            if not _stat.S_ISDIR(os.stat(target).st_mode):
                return False
            if not _stat.S_ISREG(os.stat(os.path.join(target, "package.json")).st_mode):
                return False
        except OSError:
            return False
        self._roots[target] = -1
        return True

    def _root_for(self, path: str) -> str | None:
        """The deepest extra allowed root holding `path`."""
        roots = self._roots
        if not roots:
            return None
        probe = path
        while True:
            if probe in roots:
                return probe
            if probe == "/":
                return None
            probe = os.path.dirname(probe)

    def _in_node_modules_dir(self, directory: str) -> bool:
        """Whether a link in `directory` is one a package manager puts there."""

        def is_nm(d: str) -> bool:
            return d == self._main or os.path.basename(d) == "node_modules"

        if is_nm(directory):
            return True
        return os.path.basename(directory).startswith("@") and is_nm(os.path.dirname(directory))

    def _root_fd(self, root: str) -> int:
        if root == self._main:
            return self._fd
        fd = self._roots[root]
        if fd < 0:
            try:
                fd = os.open(root, DIR_FLAGS)
            except OSError as exc:
                raise os_error(exc) from exc
            self._roots[root] = fd
        return fd

    def _is_fixed(self, fd: int) -> bool:
        return fd == self._fd or fd in self._roots.values()

    def _release(self, fd: int) -> None:
        if fd >= 0 and not self._is_fixed(fd):
            os.close(fd)

    # -- symlinks -------------------------------------------------------------------
    def _guest(self, path: str) -> str:
        if path == "/":
            return self.guest_root
        return path if self.guest_root == "/" else self.guest_root + path

    def _out_of_scope(self, path: str) -> KernelError:
        return KernelError(
            "EACCES",
            detail=f"ERR_MODULE_ACCESS_OUT_OF_SCOPE: resolved path for '{self._guest(path)}' escapes allowed overlay roots",
        )

    def _native_addon(self, path: str) -> KernelError:
        return KernelError(
            "EACCES",
            detail=f"ERR_MODULE_ACCESS_NATIVE_ADDON: native addon '{self._guest(path)}' is not supported for module overlay",
        )

    def _target(self, host_link: str, st: os.stat_result) -> str:
        key = (host_link, st.st_ino, st.st_ctime_ns)
        target = self._link_cache.get(key)
        if target is None:
            target = os.path.realpath(host_link)
            if len(self._link_cache) >= _LINK_CACHE_MAX:
                self._link_cache.clear()
            self._link_cache[key] = target
        return target

    def _classify(
        self, host_dir: str, name: str, st: os.stat_result, overlay_dir: str, path: str
    ) -> str | tuple[str, str]:
        """A host symlink `host_dir/name` seen at overlay directory `overlay_dir`.

        Returns the text to show (target inside the main root) or
        `(canonical target, allowed root)` (transparent); raises the
        out-of-scope error otherwise. `path` is the overlay path asked for.
        """
        main = self._main
        assert main is not None
        host_link = _join(host_dir, name)
        target = self._target(host_link, st)
        if _within(target, main):
            inside = "/" if target == main else target[len(main) :]
            return posixpath.relpath(inside, overlay_dir)
        root = self._root_for(target)
        if root is None and self._in_node_modules_dir(host_dir) and self._consider(target):
            root = self._root_for(target)
        if root is None:
            raise self._out_of_scope(path)
        return target, root

    def _open_canonical(self, target: str, root: str, *, parent: bool) -> tuple[int, str]:
        """Walk from `root` to canonical `target` (or its parent) without following symlinks.

        Returns (descriptor, name): with `parent`, the directory holding the
        target and its name; otherwise the target directory itself and ".".
        """
        fd = self._root_fd(root)
        parts = [] if target == root else target[len(root) + 1 :].split("/")
        last = "."
        if parent and parts:
            parts, last = parts[:-1], parts[-1]
        try:
            for name in parts:
                next_fd = os.open(name, DIR_FLAGS, dir_fd=fd)
                self._release(fd)
                fd = next_fd
        except OSError as exc:
            self._release(fd)
            raise os_error(exc) from exc
        return fd, last

    # -- the walk -------------------------------------------------------------------
    def _walk(self, parts: list[str], path: str) -> tuple[int, str]:
        """(descriptor, canonical host path) of the directory that overlay `parts` names."""
        assert self._main is not None
        fd, host = self._fd, self._main
        try:
            for i, name in enumerate(parts):
                try:
                    next_fd = os.open(name, DIR_FLAGS, dir_fd=fd)
                    next_host = _join(host, name)
                except NotADirectoryError:
                    st = os.stat(name, dir_fd=fd, follow_symlinks=False)
                    if not _stat.S_ISLNK(st.st_mode):
                        raise
                    found = self._classify(host, name, st, "/" + "/".join(parts[:i]), path)
                    if isinstance(found, str):
                        raise  # shown as a symlink: the kernel resolves it, never passes through it
                    next_fd, _ = self._open_canonical(*found, parent=False)
                    next_host = found[0]
                self._release(fd)
                fd, host = next_fd, next_host
        except OSError as exc:
            self._release(fd)
            raise os_error(exc) from exc
        except BaseException:
            self._release(fd)
            raise
        return fd, host

    def _locate(self, parts: list[str], path: str) -> _Entry:
        """The host entry an overlay path names, the final symlink classified, not followed."""
        assert self._main is not None
        if not parts:
            try:
                return _Entry(self._fd, ".", self._main, os.fstat(self._fd), None)
            except OSError as exc:
                raise os_error(exc) from exc
        fd, host = self._walk(parts[:-1], path)
        name = parts[-1]
        try:
            st = os.stat(name, dir_fd=fd, follow_symlinks=False)
            if not _stat.S_ISLNK(st.st_mode):
                return _Entry(fd, name, _join(host, name), st, None)
            found = self._classify(host, name, st, "/" + "/".join(parts[:-1]), path)
            if isinstance(found, str):
                return _Entry(fd, name, _join(host, name), st, found)
        except OSError as exc:
            self._release(fd)
            raise os_error(exc) from exc
        except BaseException:
            self._release(fd)
            raise
        self._release(fd)
        target, root = found
        tfd, tname = self._open_canonical(target, root, parent=True)
        try:
            tst = os.stat(tname, dir_fd=tfd, follow_symlinks=False)
        except OSError as exc:
            self._release(tfd)
            raise os_error(exc) from exc
        if _stat.S_ISLNK(tst.st_mode):  # the canonical path changed under us: fail closed
            self._release(tfd)
            raise self._out_of_scope(path)
        return _Entry(tfd, tname, target, tst, None)

    def _empty_root(self) -> Stat:
        return Stat(
            mode=_stat.S_IFDIR | 0o555,
            size=4096,
            ino=1,
            nlink=2,
            uid=0,
            gid=0,
            atime_ns=self._born,
            mtime_ns=self._born,
            ctime_ns=self._born,
            birthtime_ns=self._born,
        )

    # -- reads ------------------------------------------------------------------------
    def lstat(self, path: str) -> Stat:
        parts = split_path(path)
        if self._main is None:
            if parts:
                raise KernelError("ENOENT")
            return self._empty_root()
        entry = self._locate(parts, path)
        try:
            if entry.link_text is not None:
                st = entry.st
                return Stat(
                    mode=_stat.S_IFLNK | 0o777,
                    size=len(os.fsencode(entry.link_text)),
                    ino=st.st_ino,
                    nlink=st.st_nlink,
                    uid=st.st_uid,
                    gid=st.st_gid,
                    atime_ns=st.st_atime_ns,
                    mtime_ns=st.st_mtime_ns,
                    ctime_ns=st.st_ctime_ns,
                    birthtime_ns=st.st_ctime_ns,
                    dev=st.st_dev,
                    blksize=st.st_blksize,
                )
            return stat_from_os(entry.st)
        finally:
            self._release(entry.dir_fd)

    def lstat_mode(self, path: str) -> int:
        """Just `lstat(path).mode` (the kernel's path walk needs only the type)."""
        parts = split_path(path)
        if self._main is None:
            if parts:
                raise KernelError("ENOENT")
            return _stat.S_IFDIR | 0o555
        entry = self._locate(parts, path)
        self._release(entry.dir_fd)
        return _stat.S_IFLNK | 0o777 if entry.link_text is not None else entry.st.st_mode

    def readlink(self, path: str) -> str:
        parts = split_path(path)
        if self._main is None:
            raise KernelError("ENOENT" if parts else "EINVAL")
        entry = self._locate(parts, path)
        self._release(entry.dir_fd)
        if entry.link_text is None:
            raise KernelError("EINVAL")
        return entry.link_text

    def readdir(self, path: str) -> list[DirEntry]:
        parts = split_path(path)
        if self._main is None:
            if parts:
                raise KernelError("ENOENT")
            return []
        fd, host = self._walk(parts, path)
        try:
            listing = os.open(".", LIST_FLAGS, dir_fd=fd)
        except OSError as exc:
            raise os_error(exc) from exc
        finally:
            self._release(fd)
        out: list[DirEntry] = []
        try:
            with os.scandir(listing) as entries:
                for item in entries:
                    kind = kind_of_entry(item)
                    if kind == "symlink":
                        kind = self._link_kind(host, item, path)
                    if kind is not None:
                        out.append(DirEntry(item.name, kind))
        except OSError as exc:
            raise os_error(exc) from exc
        finally:
            os.close(listing)
        out.sort(key=lambda e: e.name)
        return out

    def _link_kind(self, host: str, item: os.DirEntry[str], directory: str) -> FileKind:
        """How a listed symlink looks: a symlink, or (transparent) its target's kind."""
        try:
            found = self._classify(
                host, item.name, item.stat(follow_symlinks=False), directory, _join(directory, item.name)
            )
            if isinstance(found, str):
                return "symlink"
            return _KIND_BY_FMT.get(_stat.S_IFMT(os.stat(found[0], follow_symlinks=False).st_mode), "file")
        except (KernelError, OSError):
            return "symlink"

    def open(self, path: str, flags: OpenFlags, mode: int = 0o666) -> OpenFile:
        if flags.write or flags.create or flags.truncate or flags.append:
            raise KernelError("EACCES")
        if path.endswith(".node"):
            raise self._native_addon(path)
        parts = split_path(path)
        if self._main is None:
            if parts:
                raise KernelError("ENOENT")
            if not flags.directory:
                raise KernelError("EISDIR")
            return DirectoryHandle(self._empty_root())
        entry = self._locate(parts, path)
        try:
            if entry.link_text is not None:
                raise KernelError("ELOOP")
            if entry.host.endswith(".node"):
                raise self._native_addon(path)
            return HostFile(open_checked(entry.dir_fd, entry.name, flags, entry.st), flags)
        except OSError as exc:
            raise os_error(exc) from exc
        finally:
            self._release(entry.dir_fd)

    def statfs(self) -> dict[str, int]:
        if self._fd < 0:
            return super().statfs()
        return {**super().statfs(), **statvfs_figures(self._fd)}

    # -- every mutation is EACCES ----------------------------------------------------
    def mkdir(self, path: str, mode: int = 0o777) -> None:
        raise KernelError("EACCES")

    def rmdir(self, path: str) -> None:
        raise KernelError("EACCES")

    def unlink(self, path: str) -> None:
        raise KernelError("EACCES")

    def rename(self, old: str, new: str) -> None:
        raise KernelError("EACCES")

    def symlink(self, target: str, path: str) -> None:
        raise KernelError("EACCES")

    def link(self, existing: str, new: str) -> None:
        raise KernelError("EACCES")

    def chmod(self, path: str, mode: int) -> None:
        raise KernelError("EACCES")

    def chown(self, path: str, uid: int, gid: int) -> None:
        raise KernelError("EACCES")

    def utimes(self, path: str, atime_ns: int, mtime_ns: int) -> None:
        raise KernelError("EACCES")

    def close(self) -> None:
        fds = [getattr(self, "_fd", -1), *getattr(self, "_roots", {}).values()]
        self._fd = -1
        self._roots = {}
        for fd in fds:
            if fd >= 0:
                os.close(fd)
