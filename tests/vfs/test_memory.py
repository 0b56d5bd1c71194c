"""MemoryFileSystem: the conformance suite, plus what only the memory backend promises."""

from __future__ import annotations

import stat as _stat
from pathlib import Path

import pytest

from secure_exec.testing import VfsConformance
from secure_exec.vfs import KernelError, MemoryFileSystem, OpenFlags, VirtualFileSystem


class TestMemoryConformance(VfsConformance):
    def make_fs(self, tmp_path: Path) -> VirtualFileSystem:
        return MemoryFileSystem()

    def tick(self) -> None:
        import time

        time.sleep(0.001)


class FakeClock:
    def __init__(self, start: int = 1_000) -> None:
        self.now = start

    def __call__(self) -> int:
        return self.now


WRITE = OpenFlags(read=False, write=True, create=True, truncate=True)
READ_WRITE = OpenFlags(read=True, write=True)


def put(fs: MemoryFileSystem, path: str, data: bytes) -> None:
    handle = fs.open(path, WRITE)
    try:
        handle.pwrite(0, data)
    finally:
        handle.close()


def code_of(action: object) -> str:
    assert callable(action)
    with pytest.raises(KernelError) as info:
        action()
    return info.value.code


# -- quota ----------------------------------------------------------------------------
def test_quota_refuses_writes_past_max_bytes() -> None:
    fs = MemoryFileSystem(max_bytes=10)
    put(fs, "/a", b"12345678")
    handle = fs.open("/a", READ_WRITE)
    try:
        assert code_of(lambda: handle.pwrite(8, b"abc")) == "ENOSPC"
        assert handle.pread(0, 100) == b"12345678"
        handle.pwrite(0, b"abcdefgh")  # overwriting in place needs no space
        handle.pwrite(8, b"ij")
        assert code_of(lambda: handle.truncate(11)) == "ENOSPC"
    finally:
        handle.close()
    assert fs.used_bytes == 10
    assert code_of(lambda: put(fs, "/b", b"x")) == "ENOSPC"


def test_quota_is_freed_by_unlink_and_shrink() -> None:
    fs = MemoryFileSystem(max_bytes=100)
    put(fs, "/a", b"x" * 60)
    fs.unlink("/a")
    assert fs.used_bytes == 0
    put(fs, "/b", b"y" * 90)
    handle = fs.open("/b", READ_WRITE)
    try:
        handle.truncate(10)
    finally:
        handle.close()
    assert fs.used_bytes == 10
    put(fs, "/b", b"")
    assert fs.used_bytes == 0


def test_quota_counts_an_unlinked_open_file_until_close() -> None:
    fs = MemoryFileSystem(max_bytes=100)
    put(fs, "/a", b"x" * 80)
    handle = fs.open("/a", READ_WRITE)
    fs.unlink("/a")
    assert fs.used_bytes == 80
    assert code_of(lambda: put(fs, "/b", b"y" * 30)) == "ENOSPC"
    handle.close()
    assert fs.used_bytes == 0
    put(fs, "/b", b"y" * 30)


def test_quota_counts_hard_linked_data_once() -> None:
    fs = MemoryFileSystem(max_bytes=100)
    put(fs, "/a", b"x" * 60)
    fs.link("/a", "/b")
    assert fs.used_bytes == 60
    fs.unlink("/a")
    assert fs.used_bytes == 60
    fs.unlink("/b")
    assert fs.used_bytes == 0


def test_rename_over_a_file_frees_its_data() -> None:
    fs = MemoryFileSystem(max_bytes=100)
    put(fs, "/a", b"x" * 40)
    put(fs, "/b", b"y" * 50)
    fs.rename("/a", "/b")
    assert fs.used_bytes == 40


def test_statfs_reflects_the_quota() -> None:
    fs = MemoryFileSystem(max_bytes=40960)
    before = fs.statfs()
    assert before["blocks"] == 10
    assert before["bfree"] == before["bavail"] == 10
    put(fs, "/a", b"x" * 4097)
    after = fs.statfs()
    assert after["bfree"] == 8
    assert after["ffree"] == before["ffree"] - 1
    assert after["type"] == 0x01021994
    unlimited = MemoryFileSystem().statfs()
    assert unlimited["blocks"] > 0 and unlimited["bsize"] == 4096


def test_negative_quota_is_refused() -> None:
    with pytest.raises(ValueError):
        MemoryFileSystem(max_bytes=-1)


# -- times with an injected clock ----------------------------------------------------------
def test_times_follow_linux_rules() -> None:
    clock = FakeClock(100)
    fs = MemoryFileSystem(clock=clock)
    fs.mkdir("/d")
    put(fs, "/d/f", b"x")
    st = fs.lstat("/d/f")
    assert (st.atime_ns, st.mtime_ns, st.ctime_ns, st.birthtime_ns) == (100, 100, 100, 100)
    assert fs.lstat("/d").mtime_ns == 100

    clock.now = 200
    handle = fs.open("/d/f", READ_WRITE)
    handle.pwrite(1, b"y")
    handle.close()
    st = fs.lstat("/d/f")
    assert (st.mtime_ns, st.ctime_ns, st.birthtime_ns) == (200, 200, 100)
    assert fs.lstat("/d").mtime_ns == 100  # content changes leave the directory alone

    clock.now = 300
    fs.chmod("/d/f", 0o600)
    st = fs.lstat("/d/f")
    assert (st.mtime_ns, st.ctime_ns) == (200, 300)

    clock.now = 400
    fs.rename("/d/f", "/d/g")
    assert fs.lstat("/d/g").ctime_ns == 400
    assert fs.lstat("/d/g").mtime_ns == 200
    assert (fs.lstat("/d").mtime_ns, fs.lstat("/d").ctime_ns) == (400, 400)

    clock.now = 500
    fs.link("/d/g", "/d/h")
    assert fs.lstat("/d/g").ctime_ns == 500
    clock.now = 600
    fs.unlink("/d/h")
    assert fs.lstat("/d/g").ctime_ns == 600
    assert fs.lstat("/d").mtime_ns == 600

    clock.now = 700
    fs.utimes("/d/g", 1, 2)
    st = fs.lstat("/d/g")
    assert (st.atime_ns, st.mtime_ns, st.ctime_ns) == (1, 2, 700)


def test_empty_write_leaves_times_alone() -> None:
    clock = FakeClock(100)
    fs = MemoryFileSystem(clock=clock)
    put(fs, "/f", b"x")
    clock.now = 200
    handle = fs.open("/f", READ_WRITE)
    assert handle.pwrite(0, b"") == 0
    handle.close()
    assert fs.lstat("/f").mtime_ns == 100


def test_atime_moves_by_relatime() -> None:
    clock = FakeClock(100)
    fs = MemoryFileSystem(clock=clock)
    put(fs, "/f", b"x")
    clock.now = 200
    handle = fs.open("/f", OpenFlags())
    handle.pread(0, 1)  # atime (100) is not newer than mtime (100): update
    assert fs.lstat("/f").atime_ns == 200
    clock.now = 300
    handle.pread(0, 1)  # atime is newer than mtime: leave it
    assert fs.lstat("/f").atime_ns == 200
    clock.now = 200 + 86_400 * 10**9
    handle.pread(0, 1)  # a day old: update
    assert fs.lstat("/f").atime_ns == clock.now
    handle.close()


# -- identity, modes, bookkeeping -------------------------------------------------------
def test_owner_and_modes() -> None:
    fs = MemoryFileSystem(uid=1000, gid=100)
    put(fs, "/f", b"")
    fs.mkdir("/d")
    fs.symlink("f", "/l")
    root = fs.lstat("/")
    assert _stat.S_IMODE(root.mode) == 0o755 and root.nlink == 3
    assert (fs.lstat("/f").uid, fs.lstat("/f").gid) == (1000, 100)
    # The backend stores the mode it is given; the kernel applies the umask.
    assert _stat.S_IMODE(fs.lstat("/f").mode) == 0o666
    assert _stat.S_IMODE(fs.lstat("/d").mode) == 0o777
    assert fs.lstat("/l").mode == _stat.S_IFLNK | 0o777
    assert fs.lstat("/d").size == 4096


def test_inode_numbers_count_up_from_the_root() -> None:
    fs = MemoryFileSystem()
    assert fs.lstat("/").ino == 1
    put(fs, "/a", b"")
    fs.mkdir("/b")
    assert (fs.lstat("/a").ino, fs.lstat("/b").ino) == (2, 3)
    fs.unlink("/a")
    put(fs, "/a", b"")
    assert fs.lstat("/a").ino == 4


def test_readdir_is_sorted() -> None:
    fs = MemoryFileSystem()
    for name in ["b", "C", "a", "_", "10", "9"]:
        put(fs, "/" + name, b"")
    assert [e.name for e in fs.readdir("/")] == ["10", "9", "C", "_", "a", "b"]


def test_rename_directory_over_empty_directory_keeps_counts() -> None:
    fs = MemoryFileSystem()
    fs.mkdir("/a")
    fs.mkdir("/b")
    assert fs.lstat("/").nlink == 4
    fs.rename("/a", "/b")
    assert fs.lstat("/").nlink == 3
    assert fs.lstat("/b").nlink == 2


def test_closed_file_refuses_io() -> None:
    fs = MemoryFileSystem()
    handle = fs.open("/f", OpenFlags(read=True, write=True, create=True))
    handle.close()
    assert code_of(lambda: handle.pread(0, 1)) == "EBADF"
    assert code_of(lambda: handle.pwrite(0, b"x")) == "EBADF"
    assert code_of(lambda: handle.stat()) == "EBADF"


def test_root_cannot_be_removed_or_renamed() -> None:
    fs = MemoryFileSystem()
    fs.mkdir("/d")
    assert code_of(lambda: fs.rmdir("/")) == "EBUSY"
    assert code_of(lambda: fs.rename("/", "/d/x")) == "EBUSY"
    assert code_of(lambda: fs.unlink("/")) == "EISDIR"


def test_reads_do_not_share_the_buffer() -> None:
    fs = MemoryFileSystem()
    put(fs, "/f", b"abcdef")
    handle = fs.open("/f", READ_WRITE)
    try:
        first = handle.pread(0, 6)
        part = handle.pread(2, 2)
        handle.pwrite(0, b"XXXXXX")
        handle.truncate(100)  # the buffer resizes while earlier reads are alive
        assert (first, part) == (b"abcdef", b"cd")
    finally:
        handle.close()


def test_each_instance_is_its_own_device() -> None:
    one, two = MemoryFileSystem(), MemoryFileSystem()
    put(one, "/f", b"")
    put(two, "/f", b"")
    assert one.lstat("/f").ino == two.lstat("/f").ino
    assert one.lstat("/f").dev != two.lstat("/f").dev
    handle = one.open("/f", OpenFlags())
    try:
        assert handle.stat().dev == one.lstat("/").dev
    finally:
        handle.close()
    assert MemoryFileSystem(dev=42).lstat("/").dev == 42


def test_create_on_a_directory_is_eisdir() -> None:
    fs = MemoryFileSystem()
    fs.mkdir("/d")
    assert code_of(lambda: fs.open("/d", OpenFlags(create=True, directory=True))) == "EISDIR"
