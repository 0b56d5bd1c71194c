"""HostDirectory: the conformance suite, then confinement abuse, directly and through KernelFS."""

from __future__ import annotations

import errno
import os
import stat as _stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from secure_exec._kernel._filesystem import KernelFS
from secure_exec._vfs._host_dir import os_error
from secure_exec.testing import ALL_CAPABILITIES, VfsConformance
from secure_exec.vfs import HostDirectory, KernelError, MemoryFileSystem, OpenFlags, VirtualFileSystem

READ = OpenFlags()
WRITE = OpenFlags(read=False, write=True, create=True, truncate=True)
APPEND = OpenFlags(read=False, write=True, create=True, append=True)
HOST_SECRET = b"host-only secret contents"
GUEST_PASSWD = b"root:x:0:0:guest:/root:/bin/sh\n"


def code_of(fn: object, *args: object) -> str:
    """The KernelError code a call raises."""
    assert callable(fn)
    with pytest.raises(KernelError) as info:
        fn(*args)
    return info.value.code


def read_all(fs: VirtualFileSystem, path: str) -> bytes:
    handle = fs.open(path, READ)
    try:
        return handle.pread(0, 1 << 20)
    finally:
        handle.close()


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


class TestHostDirectoryConformance(VfsConformance):
    capabilities = ALL_CAPABILITIES if os.geteuid() == 0 else ALL_CAPABILITIES - {"chown"}

    def make_fs(self, tmp_path: Path) -> VirtualFileSystem:
        root = tmp_path / "root"
        root.mkdir()
        return HostDirectory(root, read_only=False)


# -- a host layout with things the guest must never reach -----------------------------
@pytest.fixture
def layout(tmp_path: Path) -> Path:
    """tmp/outside/secret (host only) and tmp/root (the mount) with hostile links."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_bytes(HOST_SECRET)
    root = tmp_path / "root"
    root.mkdir()
    (root / "hello.txt").write_bytes(b"hello from the host dir")
    (root / "sub").mkdir()
    (root / "sub" / "inner.txt").write_bytes(b"inner")
    os.symlink("/etc/passwd", root / "abs_passwd")
    os.symlink("/etc", root / "abs_etc")
    os.symlink(str(outside), root / "abs_outside")
    os.symlink("../outside/secret", root / "rel_secret")
    os.symlink("../../../../../../../../etc/passwd", root / "rel_passwd")
    os.symlink("sub/inner.txt", root / "inside_link")
    return root


@pytest.fixture
def host(layout: Path) -> Iterator[HostDirectory]:
    backend = HostDirectory(layout)
    try:
        yield backend
    finally:
        backend.close()


@pytest.fixture
def kernel(layout: Path) -> Iterator[KernelFS]:
    """A guest with its own /etc/passwd and the layout mounted read-only at /data."""
    root = MemoryFileSystem()
    kfs = KernelFS(root)
    kfs.mkdir("/etc")
    kfs.write_file("/etc/passwd", GUEST_PASSWD)
    kfs.mount("/data", HostDirectory(layout))
    try:
        yield kfs
    finally:
        kfs.close()


class TestBackendNeverFollowsHostLinks:
    def test_symlinks_are_reported_raw(self, host: HostDirectory) -> None:
        assert host.lstat("/abs_passwd").is_symlink
        assert host.readlink("/abs_passwd") == "/etc/passwd"
        assert host.readlink("/rel_secret") == "../outside/secret"
        assert host.lstat("/abs_passwd").size == len("/etc/passwd")
        kinds = {entry.name: entry.kind for entry in host.readdir("/")}
        assert kinds["abs_etc"] == "symlink"
        assert kinds["abs_outside"] == "symlink"
        assert kinds["sub"] == "dir"
        assert kinds["hello.txt"] == "file"

    def test_open_of_a_symlink_is_eloop(self, host: HostDirectory) -> None:
        for name in ("/abs_passwd", "/rel_secret", "/rel_passwd", "/inside_link"):
            assert code_of(host.open, name, READ) == "ELOOP"

    def test_a_symlink_in_a_directory_position_is_not_crossed(self, host: HostDirectory) -> None:
        assert code_of(host.lstat, "/abs_etc/passwd") == "ENOTDIR"
        assert code_of(host.open, "/abs_etc/passwd", READ) == "ENOTDIR"
        assert code_of(host.readdir, "/abs_etc") == "ENOTDIR"
        assert code_of(host.open, "/abs_outside/secret", READ) == "ENOTDIR"
        assert code_of(host.readlink, "/abs_outside/secret") == "ENOTDIR"

    def test_dot_dot_and_odd_paths_are_refused(self, host: HostDirectory) -> None:
        for path in (
            "/../outside/secret",
            "/sub/../../outside/secret",
            "/./hello.txt",
            "//hello.txt",
            "relative",
            "/a\0b",
        ):
            assert code_of(host.lstat, path) == "EINVAL"
            assert code_of(host.open, path, READ) == "EINVAL"

    def test_directory_swapped_for_a_symlink_after_construction(self, host: HostDirectory, layout: Path) -> None:
        assert read_all(host, "/sub/inner.txt") == b"inner"
        (layout / "sub" / "inner.txt").unlink()
        (layout / "sub").rmdir()
        os.symlink(str(layout.parent / "outside"), layout / "sub")
        for path in ("/sub/secret", "/sub/inner.txt"):
            with pytest.raises(KernelError) as info:
                read_all(host, path)
            assert info.value.code in ("ENOTDIR", "ELOOP")
        assert code_of(host.readdir, "/sub") == "ENOTDIR"

    def test_root_swapped_after_construction_keeps_the_original(self, tmp_path: Path, layout: Path) -> None:
        backend = HostDirectory(layout)
        try:
            moved = tmp_path / "moved"
            layout.rename(moved)
            os.symlink(str(tmp_path / "outside"), layout)
            assert read_all(backend, "/hello.txt") == b"hello from the host dir"
            assert code_of(backend.lstat, "/secret") == "ENOENT"
        finally:
            backend.close()

    def test_root_given_as_a_symlink_is_canonicalised(self, tmp_path: Path, layout: Path) -> None:
        os.symlink(str(layout), tmp_path / "alias")
        backend = HostDirectory(tmp_path / "alias")
        try:
            assert backend.root == str(layout)
            assert read_all(backend, "/hello.txt") == b"hello from the host dir"
        finally:
            backend.close()

    def test_special_files_cannot_be_opened(self, tmp_path: Path) -> None:
        root = tmp_path / "special"
        root.mkdir()
        os.mkfifo(root / "fifo")
        backend = HostDirectory(root)
        try:
            assert backend.lstat("/fifo").kind == "fifo"
            assert [(e.name, e.kind) for e in backend.readdir("/")] == [("fifo", "fifo")]
            assert code_of(backend.open, "/fifo", READ) == "EACCES"  # and does not block
        finally:
            backend.close()

    def test_missing_root_is_an_error(self, tmp_path: Path) -> None:
        with pytest.raises(FileNotFoundError):
            HostDirectory(tmp_path / "nope")
        (tmp_path / "file").write_bytes(b"")
        with pytest.raises(NotADirectoryError):
            HostDirectory(tmp_path / "file")

    def test_no_descriptor_leaks(self, host: HostDirectory) -> None:
        before = open_fds()
        for _ in range(20):
            host.lstat("/sub/inner.txt")
            host.readdir("/sub")
            read_all(host, "/sub/inner.txt")
            for path in ("/abs_etc/passwd", "/sub/missing/x", "/abs_passwd"):
                with pytest.raises(KernelError):
                    read_all(host, path)
            with pytest.raises(KernelError):
                host.readdir("/hello.txt")
        assert open_fds() == before

    def test_closed_backend_fails_cleanly(self, layout: Path) -> None:
        backend = HostDirectory(layout)
        backend.close()
        backend.close()
        assert code_of(backend.lstat, "/hello.txt") == "EBADF"
        assert code_of(backend.lstat, "/") == "EBADF"


class TestReadOnly:
    def test_read_only_is_the_default(self, host: HostDirectory) -> None:
        assert host.read_only is True
        assert read_all(host, "/hello.txt") == b"hello from the host dir"

    def test_every_mutation_is_erofs(self, host: HostDirectory, layout: Path) -> None:
        calls: list[tuple[object, ...]] = [
            (host.open, "/hello.txt", OpenFlags(read=True, write=True)),
            (host.open, "/hello.txt", WRITE),
            (host.open, "/hello.txt", APPEND),
            (host.open, "/new.txt", WRITE),
            (host.open, "/new.txt", OpenFlags(create=True)),
            (host.mkdir, "/d"),
            (host.rmdir, "/sub"),
            (host.unlink, "/hello.txt"),
            (host.rename, "/hello.txt", "/moved.txt"),
            (host.symlink, "/etc/passwd", "/l"),
            (host.link, "/hello.txt", "/hard"),
            (host.chmod, "/hello.txt", 0o777),
            (host.chown, "/hello.txt", 0, 0),
            (host.utimes, "/hello.txt", 0, 0),
        ]
        for fn, *args in calls:
            assert code_of(fn, *args) == "EROFS", (fn, args)
        assert (layout / "hello.txt").read_bytes() == b"hello from the host dir"
        assert sorted(os.listdir(layout)) == sorted(
            ["hello.txt", "sub", "abs_passwd", "abs_etc", "abs_outside", "rel_secret", "rel_passwd", "inside_link"]
        )

    def test_create_of_an_existing_file_without_write_opens_it(self, host: HostDirectory) -> None:
        handle = host.open("/hello.txt", OpenFlags(create=True))
        try:
            assert handle.pread(0, 5) == b"hello"
        finally:
            handle.close()
        assert code_of(host.open, "/hello.txt", OpenFlags(create=True, exclusive=True)) == "EEXIST"

    def test_through_the_kernel(self, kernel: KernelFS) -> None:
        with pytest.raises(KernelError) as info:
            kernel.write_file("/data/hello.txt", b"x")
        assert info.value.code == "EROFS"
        assert str(info.value).startswith("EROFS: read-only file system, open '/data/hello.txt'")
        for fn, args in (
            (kernel.mkdir, ("/data/new",)),
            (kernel.unlink, ("/data/hello.txt",)),
            (kernel.rename, ("/data/hello.txt", "/data/x")),
            (kernel.symlink, ("/etc", "/data/x")),
        ):
            with pytest.raises(KernelError) as info:
                fn(*args)
            assert info.value.code == "EROFS"


class TestWritable:
    @pytest.fixture
    def rw(self, tmp_path: Path) -> Iterator[HostDirectory]:
        root = tmp_path / "rw"
        root.mkdir()
        backend = HostDirectory(root, read_only=False)
        try:
            yield backend
        finally:
            backend.close()

    def test_writes_land_on_the_host(self, rw: HostDirectory) -> None:
        handle = rw.open("/out.txt", WRITE, 0o644)
        try:
            handle.pwrite(0, b"written by the guest")
        finally:
            handle.close()
        assert (Path(rw.root) / "out.txt").read_bytes() == b"written by the guest"

    def test_modes_are_exact_whatever_the_host_umask(self, rw: HostDirectory) -> None:
        old = os.umask(0o077)
        try:
            rw.open("/f", WRITE, 0o664).close()
            rw.mkdir("/d", 0o775)
        finally:
            os.umask(old)
        assert _stat.S_IMODE(rw.lstat("/f").mode) == 0o664
        assert _stat.S_IMODE(rw.lstat("/d").mode) == 0o775

    def test_setuid_and_setgid_never_reach_the_host(self, rw: HostDirectory) -> None:
        rw.open("/prog", WRITE, 0o6755).close()
        assert _stat.S_IMODE(os.stat(Path(rw.root) / "prog").st_mode) == 0o755
        rw.chmod("/prog", 0o4777)
        assert _stat.S_IMODE(os.stat(Path(rw.root) / "prog").st_mode) == 0o777
        rw.mkdir("/dir", 0o3777)
        assert _stat.S_IMODE(os.stat(Path(rw.root) / "dir").st_mode) == 0o1777

    def test_chmod_of_a_symlink_touches_neither_link_nor_target(self, rw: HostDirectory, tmp_path: Path) -> None:
        victim = tmp_path / "victim"
        victim.write_bytes(b"")
        victim.chmod(0o600)
        rw.symlink(str(victim), "/link")
        assert code_of(rw.chmod, "/link", 0o777) == "ENOTSUP"
        assert _stat.S_IMODE(victim.stat().st_mode) == 0o600

    def test_utimes_and_chown_of_a_symlink_leave_its_target(self, rw: HostDirectory, tmp_path: Path) -> None:
        victim = tmp_path / "victim"
        victim.write_bytes(b"")
        before = victim.stat()
        rw.symlink(str(victim), "/link")
        rw.utimes("/link", 1_000_000_000, 1_000_000_000)
        rw.chown("/link", -1, -1)
        assert victim.stat().st_mtime_ns == before.st_mtime_ns
        assert os.lstat(Path(rw.root) / "link").st_mtime_ns == 1_000_000_000

    def test_writes_do_not_go_through_host_symlinks(self, rw: HostDirectory, tmp_path: Path) -> None:
        victim = tmp_path / "victim"
        victim.write_bytes(b"untouched")
        os.symlink(str(victim), Path(rw.root) / "trap")
        assert code_of(rw.open, "/trap", OpenFlags(write=True)) == "ELOOP"
        assert code_of(rw.open, "/trap", WRITE) == "ELOOP"
        assert code_of(rw.open, "/trap", OpenFlags(write=True, create=True, exclusive=True)) == "EEXIST"
        os.symlink(str(tmp_path), Path(rw.root) / "dirtrap")
        assert code_of(rw.open, "/dirtrap/victim", WRITE) == "ENOTDIR"
        assert code_of(rw.mkdir, "/dirtrap/new") == "ENOTDIR"
        assert code_of(rw.unlink, "/dirtrap/victim") == "ENOTDIR"
        assert code_of(rw.rename, "/dirtrap/victim", "/stolen") == "ENOTDIR"
        assert code_of(rw.link, "/dirtrap/victim", "/stolen") == "ENOTDIR"
        assert victim.read_bytes() == b"untouched"
        rw.unlink("/trap")  # removes the link itself
        assert victim.exists()

    def test_guest_symlinks_keep_their_text(self, rw: HostDirectory) -> None:
        rw.symlink("/etc/passwd", "/l")
        assert os.readlink(Path(rw.root) / "l") == "/etc/passwd"
        assert rw.readlink("/l") == "/etc/passwd"

    def test_statfs_comes_from_the_host(self, rw: HostDirectory) -> None:
        vfs = os.statvfs(rw.root)
        figures = rw.statfs()
        assert figures["bsize"] == vfs.f_bsize
        assert figures["blocks"] == vfs.f_blocks
        assert figures["files"] == vfs.f_files


def test_errno_mapping() -> None:
    assert os_error(FileNotFoundError(errno.ENOENT, "x")).code == "ENOENT"
    assert os_error(OSError(errno.EOPNOTSUPP, "x")).code == "ENOTSUP"
    assert os_error(OSError(errno.EDQUOT, "x")).code == "ENOSPC"
    assert os_error(OSError(errno.ENOMEDIUM, "x")).code == "EIO"
    assert os_error(OSError("no errno")).code == "EIO"


class TestThroughTheKernel:
    """The kernel resolves host links in the guest namespace: host files stay out of reach."""

    PATH_FORMS = (
        "/data/../etc/passwd",
        "/data/../../../etc/passwd",
        "/data/./../etc/./passwd",
        "/data/sub/../../etc/passwd",
        "/data/abs_passwd",
        "/data/abs_etc/passwd",
        "/data/rel_passwd",
        "/data/sub/../abs_etc/passwd",
        "/data/abs_etc/../../etc/passwd",
    )

    def test_etc_passwd_through_every_path_form(self, kernel: KernelFS) -> None:
        from secure_exec._kernel._paths import normalize

        for form in self.PATH_FORMS:
            assert kernel.read_file(normalize(form)) == GUEST_PASSWD, form
            assert kernel.realpath(normalize(form)) == "/etc/passwd", form

    def test_links_out_of_the_mount_never_reach_the_host(self, kernel: KernelFS, layout: Path) -> None:
        for path in ("/data/rel_secret", "/data/abs_outside/secret"):
            with pytest.raises(KernelError) as info:
                kernel.read_file(path)
            assert info.value.code == "ENOENT"
        # The same paths in the guest's own tree are what the links reach.
        host_outside = str(layout.parent / "outside")
        kernel.mkdir(host_outside, recursive=True)
        kernel.write_file(host_outside + "/secret", b"guest decoy")
        kernel.mkdir("/outside")
        kernel.write_file("/outside/secret", b"guest decoy")
        assert kernel.read_file("/data/abs_outside/secret") == b"guest decoy"
        assert kernel.read_file("/data/rel_secret") == b"guest decoy"  # /data/../outside/secret, in the guest

    def test_inside_links_resolve_in_the_mount(self, kernel: KernelFS) -> None:
        assert kernel.read_file("/data/inside_link") == b"inner"
        assert kernel.realpath("/data/inside_link") == "/data/sub/inner.txt"
        assert kernel.readlink("/data/abs_passwd") == "/etc/passwd"

    def test_listing_and_stat(self, kernel: KernelFS) -> None:
        names = [entry.name for entry in kernel.readdir("/data")]
        assert names == sorted(names)
        assert "hello.txt" in names
        assert kernel.stat("/data/abs_passwd", follow=False).is_symlink
        assert kernel.stat("/data/abs_passwd").size == len(GUEST_PASSWD)

    def test_directory_swapped_for_a_symlink(self, kernel: KernelFS, layout: Path) -> None:
        assert kernel.read_file("/data/sub/inner.txt") == b"inner"
        (layout / "sub" / "inner.txt").unlink()
        (layout / "sub").rmdir()
        os.symlink(str(layout.parent / "outside"), layout / "sub")
        with pytest.raises(KernelError) as info:
            kernel.read_file("/data/sub/secret")
        assert info.value.code == "ENOENT"  # the guest has no such directory

    def test_writable_mount_round_trip(self, tmp_path: Path) -> None:
        root = tmp_path / "w"
        root.mkdir()
        kfs = KernelFS(MemoryFileSystem())
        kfs.mount("/work", HostDirectory(root, read_only=False))
        try:
            kfs.mkdir("/work/a/b", recursive=True)
            kfs.write_file("/work/a/b/c.txt", b"data")
            kfs.rename("/work/a/b/c.txt", "/work/a/c.txt")
            assert kfs.read_file("/work/a/c.txt") == b"data"
            assert (root / "a" / "c.txt").read_bytes() == b"data"
            assert _stat.S_IMODE((root / "a" / "c.txt").stat().st_mode) == 0o644  # 0o666 & ~umask
            kfs.symlink("/etc/passwd", "/work/link")
            with pytest.raises(KernelError) as info:
                kfs.read_file("/work/link")
            assert info.value.code == "ENOENT"  # the guest's /etc/passwd: there is none
            kfs.rm("/work/a", recursive=True)
            assert sorted(os.listdir(root)) == ["link"]
        finally:
            kfs.close()
