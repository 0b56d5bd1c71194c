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

The path walk: a path is resolved one component at a time from `/`. Each
component is looked up with `lstat` on the backend that owns it (a mount point
belongs to the mounted backend, as its root), so backends never see a symlink
in a directory position. A symlink's text is read from its backend and
resolved in the *guest* namespace: an absolute target restarts at the guest
root, a relative one continues from the link's directory, and a `..` pops the
path resolved so far (so `link/..` is the target's parent, as on Linux). No
backend ever follows a link, so a link inside a host mount cannot reach the
host's own filesystem.

Directory positions need only a type, so a backend may offer the optional
fast path `lstat_mode(path) -> int` (just `lstat(path).mode`, same errors;
the conformance suite checks they agree) and the walk skips building a
`Stat` for every component. Without it the walk uses `lstat`.
"""

from __future__ import annotations

import stat as _stat
from collections.abc import Callable
from dataclasses import replace

from ._errno import KernelError
from ._paths import normalize
from ._vfs import DirEntry, OpenFile, OpenFlags, Stat, VirtualFileSystem

__all__ = ["KernelFS"]

#: Linux's MAXSYMLINKS: the 41st symlink followed in one lookup is `ELOOP`.
MAX_SYMLINK_HOPS = 40
_COPY_CHUNK = 1 << 20
_READ_CHUNK = 1 << 16
_READ_FLAGS = OpenFlags()
_WRITE_FLAGS = OpenFlags(read=False, write=True, create=True, truncate=True)
_NO_OWN_ATTRS = frozenset({"EPERM", "ENOSYS"})
_S_IFMT = 0o170000
_S_IFDIR = _stat.S_IFDIR
_S_IFLNK = _stat.S_IFLNK


class _Mount:
    __slots__ = ("backend", "cut", "mode_of", "path", "read_only")

    def __init__(self, path: str, backend: VirtualFileSystem, read_only: bool) -> None:
        self.path = path
        self.backend = backend
        self.read_only = read_only
        self.cut = 0 if path == "/" else len(path)
        fast = getattr(backend, "lstat_mode", None)
        self.mode_of: Callable[[str], int] = fast if callable(fast) else lambda rel: backend.lstat(rel).mode

    def rel(self, guest: str) -> str:
        """`guest` (a canonical path inside this mount) as the backend sees it."""
        if not self.cut:
            return guest
        return guest[self.cut :] or "/"

    def check_writable(self) -> None:
        if self.read_only or self.backend.read_only:
            raise KernelError("EROFS")


class _Loc:
    """A resolved path: its canonical guest path, the mount that owns it, and its lstat (None if missing)."""

    __slots__ = ("mount", "path", "rel", "stat")

    def __init__(self, path: str, mount: _Mount, stat: Stat | None) -> None:
        self.path = path
        self.mount = mount
        self.rel = mount.rel(path)
        self.stat = stat

    @property
    def is_mount_root(self) -> bool:
        return self.rel == "/"


def _ctx(err: KernelError, syscall: str, path: str | None, dest: str | None = None) -> KernelError:
    """`err` with context added, unless an inner layer already named its syscall."""
    if err.syscall is not None:
        return err
    return err.with_context(syscall, path, dest)


class KernelFS:
    """The mount table plus the path walk. Not thread-safe: used from one event loop.

    `umask` (default `0o022`) is applied to the mode of every file and
    directory created through `open`, `write_file` and `mkdir`, as the Linux
    kernel applies the process umask before the filesystem sees the mode.
    """

    def __init__(self, root: VirtualFileSystem, *, umask: int = 0o022) -> None:
        self.umask = umask
        self._root = _Mount("/", root, False)
        self._mounts: dict[str, _Mount] = {"/": self._root}
        #: mounts other than `/`, longest path first (for routing after `..`).
        self._by_length: list[_Mount] = []
        #: parent directory -> names of mount points directly inside it.
        self._mount_children: dict[str, list[str]] = {}

    # -- mounts -------------------------------------------------------------
    def mount(self, guest_path: str, backend: VirtualFileSystem, *, read_only: bool = False) -> None:
        path = normalize(guest_path)
        if path == "/":
            raise KernelError("EINVAL", "mount", path, detail="cannot mount over root")
        if path in self._mounts:
            raise KernelError("EEXIST", "mount", path, detail=f"already mounted at {path}")
        try:
            self.mkdir(path, 0o755, recursive=True)
        except KernelError as err:
            if err.code != "EEXIST":
                raise KernelError(err.code, "mount", path) from None
        try:
            canonical = self.realpath(path)
            if not self.stat(canonical).is_dir:
                raise KernelError("ENOTDIR")
        except KernelError as err:
            raise KernelError(err.code, "mount", path) from None
        if canonical in self._mounts:
            raise KernelError("EEXIST", "mount", path, detail=f"already mounted at {canonical}")
        self._mounts[canonical] = _Mount(canonical, backend, read_only)
        self._reindex()

    def unmount(self, guest_path: str) -> None:
        path = normalize(guest_path)
        if path == "/":
            raise KernelError("EINVAL", "umount", path, detail="cannot unmount root")
        entry = self._mounts.get(path)
        if entry is None:
            raise KernelError("EINVAL", "umount", path, detail=f"not a mount point: {path}")
        if any(other.startswith(path + "/") for other in self._mounts):
            raise KernelError("EBUSY", "umount", path, detail="a mount lies below it")
        del self._mounts[path]
        self._reindex()
        if all(other.backend is not entry.backend for other in self._mounts.values()):
            entry.backend.close()

    def mounts(self) -> list[tuple[str, VirtualFileSystem, bool]]:
        """(guest path, backend, read_only) for every mount, `/` first."""
        return [(m.path, m.backend, m.read_only) for m in sorted(self._mounts.values(), key=lambda m: m.path)]

    def _reindex(self) -> None:
        others = [m for m in self._mounts.values() if m.path != "/"]
        self._by_length = sorted(others, key=lambda m: len(m.path), reverse=True)
        children: dict[str, list[str]] = {}
        for m in others:
            parent, _, name = m.path.rpartition("/")
            children.setdefault(parent or "/", []).append(name)
        self._mount_children = children

    def _has_mount_below(self, path: str) -> bool:
        prefix = "/" if path == "/" else path + "/"
        return any(m.path.startswith(prefix) for m in self._by_length)

    def _route(self, path: str) -> _Mount:
        """The mount owning canonical `path` (longest prefix)."""
        for m in self._by_length:
            if path == m.path or (path.startswith(m.path) and path[m.cut] == "/"):
                return m
        return self._root

    # -- the path walk ----------------------------------------------------------
    def _resolve(self, path: str, follow: bool) -> _Loc:
        """Walk `path`, resolving symlinks in every directory position, and in the
        last position when `follow`. A missing last component gives a `_Loc` with
        `stat=None` (its parent exists and is a directory); anything missing
        earlier is `ENOENT`, a non-directory earlier is `ENOTDIR`."""
        pending = path.split("/")
        pending.reverse()
        cur = "/"
        mount = self._root
        stat: Stat | None = None
        hops = 0
        mounts = self._mounts
        while pending:
            name = pending.pop()
            if not name or name == ".":
                continue
            if name == "..":
                if cur != "/":
                    cur = cur.rpartition("/")[0] or "/"
                    mount = self._route(cur)
                stat = None
                continue
            cand = "/" + name if cur == "/" else cur + "/" + name
            owner = mounts.get(cand, mount)
            rel = owner.rel(cand)
            if pending:
                # A directory position: only the type matters.
                fmt = owner.mode_of(rel) & _S_IFMT
                if fmt == _S_IFDIR:
                    cur = cand
                    mount = owner
                    stat = None
                    continue
                if fmt != _S_IFLNK:
                    raise KernelError("ENOTDIR")
            else:
                try:
                    stat = owner.backend.lstat(rel)
                except KernelError as err:
                    if err.code == "ENOENT":
                        return _Loc(cand, owner, None)
                    raise
                if not (follow and stat.is_symlink):
                    cur = cand
                    mount = owner
                    continue
            # A symlink to follow: its text continues the walk from its directory.
            hops += 1
            if hops > MAX_SYMLINK_HOPS:
                raise KernelError("ELOOP")
            target = owner.backend.readlink(rel)
            if not target:
                raise KernelError("ENOENT")
            if target.startswith("/"):
                cur = "/"
                mount = self._root
            pending.extend(part for part in reversed(target.split("/")) if part)
            stat = None
        if stat is None:
            stat = mount.backend.lstat(mount.rel(cur))
        return _Loc(cur, mount, stat)

    def _stat_or_none(self, path: str) -> Stat | None:
        """The followed stat of `path`, None if it or a directory on the way is missing."""
        try:
            return self._resolve(path, True).stat
        except KernelError as err:
            if err.code == "ENOENT":
                return None
            raise

    def _existing(self, path: str, follow: bool) -> _Loc:
        loc = self._resolve(path, follow)
        if loc.stat is None:
            raise KernelError("ENOENT")
        return loc

    # -- metadata -------------------------------------------------------------
    def stat(self, path: str, *, follow: bool = True, syscall: str | None = None) -> Stat:
        """`stat` (follow) or `lstat`; `syscall` overrides the name in errors."""
        try:
            stat = self._existing(path, follow).stat
        except KernelError as err:
            raise _ctx(err, syscall or ("stat" if follow else "lstat"), path) from None
        assert stat is not None
        return stat

    def exists(self, path: str) -> bool:
        try:
            return self._resolve(path, True).stat is not None
        except KernelError:
            return False

    def realpath(self, path: str, *, syscall: str = "realpath") -> str:
        """The canonical guest path: every symlink resolved (`ENOENT` if dangling)."""
        try:
            return self._existing(path, True).path
        except KernelError as err:
            raise _ctx(err, syscall, path) from None

    def readdir(self, path: str) -> list[DirEntry]:
        """syscall `scandir`."""
        try:
            loc = self._existing(path, True)
            assert loc.stat is not None
            if not loc.stat.is_dir:
                raise KernelError("ENOTDIR")
            entries = loc.mount.backend.readdir(loc.rel)
        except KernelError as err:
            raise _ctx(err, "scandir", path) from None
        extra = self._mount_children.get(loc.path)
        if extra:
            names = set(extra)
            entries = [e for e in entries if e.name not in names]
            entries.extend(DirEntry(name, "dir") for name in extra)
            entries.sort(key=lambda e: e.name)
        return entries

    def readlink(self, path: str) -> str:
        try:
            loc = self._existing(path, False)
            return loc.mount.backend.readlink(loc.rel)
        except KernelError as err:
            raise _ctx(err, "readlink", path) from None

    def statfs(self, path: str) -> dict[str, int]:
        try:
            return self._existing(path, True).mount.backend.statfs()
        except KernelError as err:
            raise _ctx(err, "statfs", path) from None

    # -- data -----------------------------------------------------------------
    def open(self, path: str, flags: OpenFlags, mode: int = 0o666, *, nofollow: bool = False) -> OpenFile:
        """syscall `open`. Follows a final symlink unless `nofollow` (then `ELOOP`);
        `create` through a dangling symlink creates its target, as Linux does.

        As on Linux, a directory opens for reading (the backend is asked with
        `directory` set; reading its data then fails `EISDIR`)."""
        try:
            return self._open(path, flags, mode, nofollow)
        except KernelError as err:
            raise _ctx(err, "open", path) from None

    def _open(self, path: str, flags: OpenFlags, mode: int, nofollow: bool) -> OpenFile:
        exclusive = flags.create and flags.exclusive
        loc = self._resolve(path, follow=not (nofollow or exclusive))
        stat = loc.stat
        backend = loc.mount.backend
        if stat is None:
            if not flags.create:
                raise KernelError("ENOENT")
            loc.mount.check_writable()
            return backend.open(loc.rel, flags, mode & ~self.umask & 0o7777)
        if exclusive:
            raise KernelError("EEXIST")
        if stat.is_symlink:
            raise KernelError("ELOOP")
        writing = flags.write or flags.truncate or flags.append
        if stat.is_dir:
            if writing or flags.create:
                raise KernelError("EISDIR")
            if not flags.directory:
                flags = replace(flags, directory=True)
        elif writing:
            loc.mount.check_writable()
        return backend.open(loc.rel, flags, mode & ~self.umask & 0o7777)

    def read_file(self, path: str) -> bytes:
        handle = self.open(path, _READ_FLAGS)
        try:
            stat = handle.stat()
            if stat.is_dir:
                raise KernelError("EISDIR")
            want = max(stat.size, _READ_CHUNK)
            chunk = handle.pread(0, want)
            chunks = [chunk]
            offset = len(chunk)
            # A short read is the end; a full one may mean the file grew (or lied about its size).
            while len(chunk) == want:
                want = max(offset, _READ_CHUNK)
                chunk = handle.pread(offset, want)
                chunks.append(chunk)
                offset += len(chunk)
        except KernelError as err:
            raise _ctx(err, "read", None) from None
        finally:
            handle.close()
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def write_file(self, path: str, data: bytes, *, mode: int = 0o666, make_parents: bool = False) -> None:
        """Create or replace the file's content; with `make_parents`, `mkdir -p` its directory first."""
        if make_parents:
            parent = path.rpartition("/")[0] or "/"
            self.mkdir(parent, recursive=True)
        handle = self.open(path, _WRITE_FLAGS, mode)
        try:
            handle.pwrite(0, data)
        except KernelError as err:
            raise _ctx(err, "write", None) from None
        finally:
            handle.close()

    def truncate(self, path: str, size: int) -> None:
        handle = self.open(path, OpenFlags(read=False, write=True))
        try:
            handle.truncate(size)
        except KernelError as err:
            raise _ctx(err, "ftruncate", None) from None
        finally:
            handle.close()

    # -- namespace ------------------------------------------------------------
    def mkdir(self, path: str, mode: int = 0o777, *, recursive: bool = False) -> str | None:
        """Like Node: recursive returns the first directory created (None if all existed)."""
        try:
            if not recursive:
                self._mkdir_one(path, mode)
                return None
            return self._mkdir_parents(path, mode)
        except KernelError as err:
            raise _ctx(err, "mkdir", path) from None

    def _mkdir_one(self, path: str, mode: int) -> None:
        loc = self._resolve(path, follow=False)
        if loc.stat is not None:
            raise KernelError("EEXIST")
        loc.mount.check_writable()
        loc.mount.backend.mkdir(loc.rel, mode & ~self.umask & 0o7777)

    def _mkdir_parents(self, path: str, mode: int) -> str | None:
        stat = self._stat_or_none(path)
        if stat is not None:
            if stat.is_dir:
                return None
            raise KernelError("EEXIST")
        parts = path.split("/")
        # Find the deepest existing prefix (the full path's parent, in the common case).
        first = len(parts) - 1
        while first > 1:
            stat = self._stat_or_none("/".join(parts[:first]))
            if stat is not None:
                if not stat.is_dir:
                    raise KernelError("ENOTDIR")
                break
            first -= 1
        created: str | None = None
        for end in range(first + 1, len(parts) + 1):
            prefix = "/".join(parts[:end])
            self._mkdir_one(prefix, mode)
            if created is None:
                created = prefix
        return created

    def rmdir(self, path: str) -> None:
        try:
            loc = self._existing(path, False)
            assert loc.stat is not None
            if loc.is_mount_root:
                raise KernelError("EBUSY")
            loc.mount.check_writable()
            if not loc.stat.is_dir:
                raise KernelError("ENOTDIR")
            loc.mount.backend.rmdir(loc.rel)
        except KernelError as err:
            raise _ctx(err, "rmdir", path) from None

    def unlink(self, path: str) -> None:
        try:
            loc = self._existing(path, False)
            assert loc.stat is not None
            if loc.stat.is_dir:
                raise KernelError("EISDIR")
            loc.mount.check_writable()
            loc.mount.backend.unlink(loc.rel)
        except KernelError as err:
            raise _ctx(err, "unlink", path) from None

    def rm(self, path: str, *, recursive: bool = False, force: bool = False) -> None:
        """Node's `fs.rm`: `ERR_FS_EISDIR`-style errors are left to the caller; raises
        `KernelError("EISDIR", "rm", path)` for a directory without `recursive`."""
        try:
            stat = self._existing(path, False).stat
        except KernelError as err:
            if force and err.code == "ENOENT":
                return
            raise _ctx(err, "lstat", path) from None
        assert stat is not None
        if not stat.is_dir:
            self.unlink(path)
        elif not recursive:
            raise KernelError("EISDIR", "rm", path)
        else:
            self._rm_tree(path)

    def _rm_tree(self, path: str) -> None:
        for entry in self.readdir(path):
            child = f"{path}/{entry.name}" if path != "/" else f"/{entry.name}"
            if entry.kind == "dir":
                self._rm_tree(child)
            else:
                self.unlink(child)
        self.rmdir(path)

    def rename(self, old: str, new: str) -> None:
        try:
            src = self._existing(old, False)
            dst = self._resolve(new, False)
            if src.is_mount_root or (dst.stat is not None and dst.is_mount_root) or self._has_mount_below(src.path):
                raise KernelError("EBUSY")
            if src.mount is not dst.mount:
                raise KernelError("EXDEV")
            src.mount.check_writable()
            src.mount.backend.rename(src.rel, dst.rel)
        except KernelError as err:
            raise _ctx(err, "rename", old, new) from None

    def link(self, existing: str, new: str) -> None:
        try:
            src = self._existing(existing, False)
            assert src.stat is not None
            dst = self._resolve(new, False)
            if dst.stat is not None:
                raise KernelError("EEXIST")
            if src.stat.is_dir:
                raise KernelError("EPERM")
            if src.mount is not dst.mount:
                raise KernelError("EXDEV")
            src.mount.check_writable()
            src.mount.backend.link(src.rel, dst.rel)
        except KernelError as err:
            raise _ctx(err, "link", existing, new) from None

    def symlink(self, target: str, path: str) -> None:
        try:
            loc = self._resolve(path, False)
            if loc.stat is not None:
                raise KernelError("EEXIST")
            loc.mount.check_writable()
            loc.mount.backend.symlink(target, loc.rel)
        except KernelError as err:
            raise _ctx(err, "symlink", target, path) from None

    def copy_file(self, src: str, dest: str, *, exclusive: bool = False) -> None:
        """syscall `copyfile`; with `exclusive`, `EEXIST` if dest exists."""
        try:
            self._copy_file(src, dest, exclusive)
        except KernelError as err:
            raise _ctx(err, "copyfile", src, dest) from None

    def _copy_file(self, src: str, dest: str, exclusive: bool) -> None:
        source = self._existing(src, True)
        assert source.stat is not None
        if source.stat.is_dir:
            raise KernelError("EISDIR")
        target = self._resolve(dest, True)
        if target.stat is not None:
            if exclusive:
                raise KernelError("EEXIST")
            if target.stat.is_dir:
                raise KernelError("EISDIR")
            if target.mount is source.mount and target.stat.ino == source.stat.ino:
                return  # the same file: nothing to copy (libuv does the same)
        target.mount.check_writable()
        mode = source.stat.mode & 0o7777
        reader = source.mount.backend.open(source.rel, _READ_FLAGS)
        try:
            flags = OpenFlags(read=False, write=True, create=True, exclusive=exclusive, truncate=True)
            writer = target.mount.backend.open(target.rel, flags, mode)
            try:
                offset = 0
                while True:
                    chunk = reader.pread(offset, _COPY_CHUNK)
                    if not chunk:
                        break
                    writer.pwrite(offset, chunk)
                    offset += len(chunk)
            finally:
                writer.close()
        finally:
            reader.close()
        try:
            target.mount.backend.chmod(target.rel, mode)
        except KernelError as err:
            if err.code not in _NO_OWN_ATTRS:
                raise

    # -- attributes -------------------------------------------------------------
    def _attr_target(self, path: str, follow: bool) -> _Loc:
        loc = self._existing(path, follow)
        loc.mount.check_writable()
        return loc

    def chmod(self, path: str, mode: int, *, follow: bool = True) -> None:
        try:
            loc = self._attr_target(path, follow)
            loc.mount.backend.chmod(loc.rel, mode & 0o7777)
        except KernelError as err:
            raise _ctx(err, "chmod" if follow else "lchmod", path) from None

    def chown(self, path: str, uid: int, gid: int, *, follow: bool = True) -> None:
        try:
            loc = self._attr_target(path, follow)
            loc.mount.backend.chown(loc.rel, uid, gid)
        except KernelError as err:
            raise _ctx(err, "chown" if follow else "lchown", path) from None

    def utimes(self, path: str, atime_ns: int, mtime_ns: int, *, follow: bool = True) -> None:
        try:
            loc = self._attr_target(path, follow)
            loc.mount.backend.utimes(loc.rel, atime_ns, mtime_ns)
        except KernelError as err:
            raise _ctx(err, "utime" if follow else "lutime", path) from None

    def close(self) -> None:
        """Close every backend."""
        seen: list[VirtualFileSystem] = []
        for entry in sorted(self._mounts.values(), key=lambda m: len(m.path), reverse=True):
            if all(entry.backend is not other for other in seen):
                seen.append(entry.backend)
                entry.backend.close()
