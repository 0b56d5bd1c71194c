"""The backend conformance suite: every `VirtualFileSystem` must pass it.

Use it by subclassing `VfsConformance` in a test module and saying how to
make a fresh backend and what it can do::

    class TestMyBackend(VfsConformance):
        capabilities = VfsConformance.capabilities - {"chown"}

        def make_fs(self, tmp_path: Path) -> VirtualFileSystem:
            return MyBackend(tmp_path)

Tests whose capability is missing are skipped, not failed. The capabilities:

- `symlinks`: `symlink`, `readlink`, symlinks in `lstat`/`readdir`.
- `hardlinks`: `link` and `nlink` counting of file names.
- `dir_nlink`: a directory's `nlink` is 2 plus its child directories.
- `chmod`, `chown`, `utimes`: the attribute setters (and creation modes for `chmod`).
- `times`: timestamps move on writes and namespace changes (Linux rules).
- `inodes`: inode numbers are unique and stable across rename.
- `unlink_open`: an open file stays readable and writable after its last name goes.
- `statfs`: real `statfs` figures.
- `threads`: simple operations may run from two threads at once (used to
  watch a rename from outside and check no moment lacks the target).
"""

from __future__ import annotations

import stat as _stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import pytest

from .._kernel._errno import KernelError
from .._kernel._vfs import OpenFile, OpenFlags, VirtualFileSystem

__all__ = ["ALL_CAPABILITIES", "VfsConformance"]

ALL_CAPABILITIES: frozenset[str] = frozenset(
    {
        "symlinks",
        "hardlinks",
        "dir_nlink",
        "chmod",
        "chown",
        "utimes",
        "times",
        "inodes",
        "unlink_open",
        "statfs",
        "threads",
    }
)

READ = OpenFlags()
WRITE = OpenFlags(read=False, write=True, create=True, truncate=True)
READ_WRITE = OpenFlags(read=True, write=True)
CREATE = OpenFlags(read=True, write=True, create=True)
EXCLUSIVE = OpenFlags(read=True, write=True, create=True, exclusive=True)
APPEND = OpenFlags(read=True, write=True, create=True, append=True)
DIRECTORY = OpenFlags(directory=True)

#: 2001-09-09T01:46:40Z, as ns: an old time every backend can store.
OLD_NS = 1_000_000_000 * 1_000_000_000


@contextmanager
def raises(code: str) -> Iterator[None]:
    """Expect a `KernelError` with this POSIX code."""
    with pytest.raises(KernelError) as info:
        yield
    assert info.value.code == code, f"expected {code}, got {info.value.code} ({info.value})"


def write(fs: VirtualFileSystem, path: str, data: bytes, mode: int = 0o666) -> None:
    handle = fs.open(path, WRITE, mode)
    try:
        assert handle.pwrite(0, data) == len(data)
    finally:
        handle.close()


def read(fs: VirtualFileSystem, path: str) -> bytes:
    handle = fs.open(path, READ)
    try:
        chunks: list[bytes] = []
        offset = 0
        while True:
            chunk = handle.pread(offset, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            offset += len(chunk)
    finally:
        handle.close()


def names(fs: VirtualFileSystem, path: str) -> list[str]:
    return sorted(entry.name for entry in fs.readdir(path))


class VfsConformance:
    """A pytest mixin: the rules of `secure_exec.vfs.VirtualFileSystem`, as tests.

    Subclasses set `capabilities` and implement `make_fs` (or override the
    `fs` fixture). `tick` waits long enough for a timestamp to move; a
    backend with an injected clock may override it to advance that clock.
    """

    capabilities: ClassVar[frozenset[str]] = ALL_CAPABILITIES

    def make_fs(self, tmp_path: Path) -> VirtualFileSystem:
        """A fresh, empty backend (`tmp_path` is pytest's, for backends that need a directory)."""
        raise NotImplementedError

    def tick(self) -> None:
        """Let the backend's clock move past every timestamp taken so far."""
        time.sleep(0.02)

    @pytest.fixture
    def fs(self, tmp_path: Path) -> Iterator[VirtualFileSystem]:
        backend = self.make_fs(tmp_path)
        try:
            yield backend
        finally:
            backend.close()

    def require(self, *needed: str) -> None:
        missing = [name for name in needed if name not in self.capabilities]
        if missing:
            pytest.skip(f"backend lacks {', '.join(missing)}")

    # -- data round trips -----------------------------------------------------
    def test_root_is_a_directory(self, fs: VirtualFileSystem) -> None:
        assert fs.lstat("/").is_dir
        assert fs.lstat("/").kind == "dir"

    def test_round_trip_text(self, fs: VirtualFileSystem) -> None:
        write(fs, "/a.txt", b"hello world\n")
        assert read(fs, "/a.txt") == b"hello world\n"

    def test_round_trip_empty(self, fs: VirtualFileSystem) -> None:
        write(fs, "/empty", b"")
        assert read(fs, "/empty") == b""
        assert fs.lstat("/empty").size == 0
        assert fs.lstat("/empty").is_file

    def test_round_trip_binary(self, fs: VirtualFileSystem) -> None:
        data = bytes(range(256)) * 16
        write(fs, "/bin", data)
        assert read(fs, "/bin") == data

    def test_round_trip_one_mib(self, fs: VirtualFileSystem) -> None:
        data = bytes((i * 7 + i // 251) & 0xFF for i in range(1 << 20))
        write(fs, "/big", data)
        assert fs.lstat("/big").size == 1 << 20
        assert read(fs, "/big") == data

    def test_write_replaces_content(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"a long first version")
        write(fs, "/f", b"short")
        assert read(fs, "/f") == b"short"

    def test_pread_at_offsets(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"0123456789")
        handle = fs.open("/f", READ)
        try:
            assert handle.pread(0, 3) == b"012"
            assert handle.pread(4, 3) == b"456"
            assert handle.pread(8, 100) == b"89"
            assert handle.pread(10, 5) == b""
            assert handle.pread(50, 5) == b""
            assert handle.pread(3, 0) == b""
        finally:
            handle.close()

    def test_pwrite_in_the_middle(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"0123456789")
        handle = fs.open("/f", READ_WRITE)
        try:
            assert handle.pwrite(3, b"abc") == 3
            assert handle.pread(0, 100) == b"012abc6789"
        finally:
            handle.close()
        assert fs.lstat("/f").size == 10

    def test_pwrite_past_the_end_extends(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"0123")
        handle = fs.open("/f", READ_WRITE)
        try:
            handle.pwrite(2, b"abcdef")
            assert handle.pread(0, 100) == b"01abcdef"
        finally:
            handle.close()

    def test_pwrite_gap_is_zero_filled(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"ab")
        handle = fs.open("/f", READ_WRITE)
        try:
            handle.pwrite(6, b"z")
            assert handle.stat().size == 7
        finally:
            handle.close()
        assert read(fs, "/f") == b"ab\0\0\0\0z"

    def test_pwrite_into_new_file_at_offset(self, fs: VirtualFileSystem) -> None:
        handle = fs.open("/f", CREATE)
        try:
            handle.pwrite(3, b"x")
        finally:
            handle.close()
        assert read(fs, "/f") == b"\0\0\0x"

    def test_truncate_shrinks(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"0123456789")
        handle = fs.open("/f", READ_WRITE)
        try:
            handle.truncate(4)
            assert handle.stat().size == 4
        finally:
            handle.close()
        assert read(fs, "/f") == b"0123"

    def test_truncate_grows_with_zeros(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"ab")
        handle = fs.open("/f", READ_WRITE)
        try:
            handle.truncate(5)
        finally:
            handle.close()
        assert read(fs, "/f") == b"ab\0\0\0"
        assert fs.lstat("/f").size == 5

    def test_truncate_then_write_leaves_no_stale_bytes(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"secret data")
        handle = fs.open("/f", READ_WRITE)
        try:
            handle.truncate(0)
            handle.truncate(6)
            assert handle.pread(0, 100) == b"\0" * 6
        finally:
            handle.close()

    def test_open_truncate_flag_empties(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"content")
        handle = fs.open("/f", OpenFlags(read=True, write=True, truncate=True))
        try:
            assert handle.stat().size == 0
            assert handle.pread(0, 10) == b""
        finally:
            handle.close()

    def test_append_writes_at_the_end(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"one")
        handle = fs.open("/f", APPEND)
        try:
            handle.pwrite(0, b"two")
            handle.pwrite(1, b"three")
        finally:
            handle.close()
        assert read(fs, "/f") == b"onetwothree"

    def test_append_creates(self, fs: VirtualFileSystem) -> None:
        handle = fs.open("/new", APPEND)
        try:
            handle.pwrite(0, b"x")
        finally:
            handle.close()
        assert read(fs, "/new") == b"x"

    def test_open_stat_tracks_writes(self, fs: VirtualFileSystem) -> None:
        handle = fs.open("/f", CREATE)
        try:
            assert handle.stat().size == 0
            handle.pwrite(0, b"12345")
            assert handle.stat().size == 5
            assert handle.stat().is_file
        finally:
            handle.close()
        assert fs.lstat("/f").size == 5

    def test_read_only_handle_cannot_write(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"x")
        handle = fs.open("/f", READ)
        try:
            with raises("EBADF"):
                handle.pwrite(0, b"y")
        finally:
            handle.close()
        assert read(fs, "/f") == b"x"

    def test_write_only_handle_cannot_read(self, fs: VirtualFileSystem) -> None:
        handle = fs.open("/f", WRITE)
        try:
            handle.pwrite(0, b"data")
            with raises("EBADF"):
                handle.pread(0, 4)
        finally:
            handle.close()

    def test_close_twice_is_harmless(self, fs: VirtualFileSystem) -> None:
        handle = fs.open("/f", CREATE)
        handle.close()
        handle.close()

    # -- open flags and errors ---------------------------------------------------
    def test_create_makes_a_file(self, fs: VirtualFileSystem) -> None:
        fs.open("/f", CREATE).close()
        assert fs.lstat("/f").is_file
        assert "f" in names(fs, "/")

    def test_open_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        with raises("ENOENT"):
            fs.open("/missing", READ)
        with raises("ENOENT"):
            fs.open("/missing", READ_WRITE)

    def test_open_in_missing_directory_is_enoent(self, fs: VirtualFileSystem) -> None:
        with raises("ENOENT"):
            fs.open("/no/such/file", CREATE)

    def test_open_below_a_file_is_enotdir(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"x")
        with raises("ENOTDIR"):
            fs.open("/f/child", CREATE)
        with raises("ENOTDIR"):
            fs.lstat("/f/child")

    def test_exclusive_create_of_existing_is_eexist(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"keep")
        with raises("EEXIST"):
            fs.open("/f", EXCLUSIVE)
        assert read(fs, "/f") == b"keep"

    def test_exclusive_create_of_new_file(self, fs: VirtualFileSystem) -> None:
        handle = fs.open("/f", EXCLUSIVE)
        try:
            handle.pwrite(0, b"new")
        finally:
            handle.close()
        assert read(fs, "/f") == b"new"

    def test_create_without_truncate_keeps_data(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"keep me")
        fs.open("/f", CREATE).close()
        assert read(fs, "/f") == b"keep me"

    def test_open_directory_for_write_is_eisdir(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        with raises("EISDIR"):
            fs.open("/d", READ_WRITE)
        with raises("EISDIR"):
            fs.open("/d", WRITE)

    def test_open_directory_without_directory_flag_is_eisdir(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        with raises("EISDIR"):
            fs.open("/d", READ)

    def test_open_directory_with_directory_flag(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        handle = fs.open("/d", DIRECTORY)
        try:
            assert handle.stat().is_dir
        finally:
            handle.close()

    def test_open_file_with_directory_flag_is_enotdir(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"x")
        with raises("ENOTDIR"):
            fs.open("/f", DIRECTORY)

    def test_lstat_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        with raises("ENOENT"):
            fs.lstat("/missing")
        with raises("ENOENT"):
            fs.lstat("/missing/deeper")

    def test_create_mode_is_kept(self, fs: VirtualFileSystem) -> None:
        self.require("chmod")
        write(fs, "/private", b"x", mode=0o600)
        st = fs.lstat("/private")
        assert _stat.S_IMODE(st.mode) == 0o600
        assert _stat.S_ISREG(st.mode)

    # -- directories ---------------------------------------------------------------
    def test_mkdir_and_lstat(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        assert fs.lstat("/d").is_dir
        fs.mkdir("/d/e")
        assert fs.lstat("/d/e").kind == "dir"

    def test_mkdir_existing_is_eexist(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        write(fs, "/f", b"x")
        with raises("EEXIST"):
            fs.mkdir("/d")
        with raises("EEXIST"):
            fs.mkdir("/f")

    def test_mkdir_missing_parent_is_enoent(self, fs: VirtualFileSystem) -> None:
        with raises("ENOENT"):
            fs.mkdir("/a/b")

    def test_mkdir_below_a_file_is_enotdir(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"x")
        with raises("ENOTDIR"):
            fs.mkdir("/f/d")

    def test_mkdir_mode(self, fs: VirtualFileSystem) -> None:
        self.require("chmod")
        fs.mkdir("/d", 0o700)
        assert _stat.S_IMODE(fs.lstat("/d").mode) == 0o700

    def test_readdir_lists_names_and_kinds(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        write(fs, "/d/file", b"x")
        fs.mkdir("/d/sub")
        kinds = {entry.name: entry.kind for entry in fs.readdir("/d")}
        assert kinds == {"file": "file", "sub": "dir"}

    def test_readdir_never_lists_dot_entries(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        assert fs.readdir("/d") == []
        write(fs, "/d/x", b"")
        assert names(fs, "/d") == ["x"]
        assert "." not in names(fs, "/") and ".." not in names(fs, "/")

    def test_readdir_order_is_stable(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        for name in ["m", "b", "z", "a", "q"]:
            write(fs, f"/d/{name}", b"")
        first = [entry.name for entry in fs.readdir("/d")]
        assert first == [entry.name for entry in fs.readdir("/d")]
        assert sorted(first) == ["a", "b", "m", "q", "z"]

    def test_readdir_of_a_file_is_enotdir(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"x")
        with raises("ENOTDIR"):
            fs.readdir("/f")

    def test_readdir_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        with raises("ENOENT"):
            fs.readdir("/missing")

    def test_readdir_and_lstat_open_no_files(self, fs: VirtualFileSystem, monkeypatch: pytest.MonkeyPatch) -> None:
        fs.mkdir("/d")
        write(fs, "/d/a", b"a" * 1000)
        write(fs, "/d/b", b"b")

        def refuse(*args: object, **kwargs: object) -> OpenFile:
            raise AssertionError("listing read file content")

        monkeypatch.setattr(fs, "open", refuse)
        assert names(fs, "/d") == ["a", "b"]
        assert fs.lstat("/d/a").size == 1000

    def test_many_entries(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        for i in range(200):
            write(fs, f"/d/f{i:03}", str(i).encode())
        assert len(fs.readdir("/d")) == 200
        assert read(fs, "/d/f123") == b"123"

    def test_rmdir_empty(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        fs.rmdir("/d")
        with raises("ENOENT"):
            fs.lstat("/d")
        assert names(fs, "/") == []

    def test_rmdir_not_empty_is_enotempty(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        write(fs, "/d/f", b"")
        with raises("ENOTEMPTY"):
            fs.rmdir("/d")
        assert fs.lstat("/d/f").is_file

    def test_rmdir_of_a_file_is_enotdir(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"")
        with raises("ENOTDIR"):
            fs.rmdir("/f")

    def test_rmdir_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        with raises("ENOENT"):
            fs.rmdir("/missing")

    def test_unlink_file(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"x")
        fs.unlink("/f")
        with raises("ENOENT"):
            fs.lstat("/f")
        with raises("ENOENT"):
            fs.open("/f", READ)

    def test_unlink_directory_is_eisdir(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        with raises("EISDIR"):
            fs.unlink("/d")
        assert fs.lstat("/d").is_dir

    def test_unlink_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        with raises("ENOENT"):
            fs.unlink("/missing")
        with raises("ENOENT"):
            fs.unlink("/no/such")

    # -- rename --------------------------------------------------------------------
    def test_rename_file(self, fs: VirtualFileSystem) -> None:
        write(fs, "/a", b"data")
        fs.rename("/a", "/b")
        assert read(fs, "/b") == b"data"
        with raises("ENOENT"):
            fs.lstat("/a")

    def test_rename_file_over_file(self, fs: VirtualFileSystem) -> None:
        write(fs, "/a", b"new")
        write(fs, "/b", b"old")
        fs.rename("/a", "/b")
        assert read(fs, "/b") == b"new"
        assert names(fs, "/") == ["b"]

    def test_rename_between_directories(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/x")
        fs.mkdir("/y")
        write(fs, "/x/f", b"moved")
        fs.rename("/x/f", "/y/g")
        assert names(fs, "/x") == []
        assert read(fs, "/y/g") == b"moved"

    def test_rename_directory_keeps_contents(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        fs.mkdir("/d/sub")
        write(fs, "/d/sub/f", b"deep")
        fs.rename("/d", "/e")
        assert read(fs, "/e/sub/f") == b"deep"
        with raises("ENOENT"):
            fs.lstat("/d")

    def test_rename_directory_over_empty_directory(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/a")
        write(fs, "/a/f", b"x")
        fs.mkdir("/b")
        fs.rename("/a", "/b")
        assert names(fs, "/b") == ["f"]
        assert names(fs, "/") == ["b"]

    def test_rename_directory_over_non_empty_directory_is_enotempty(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/a")
        fs.mkdir("/b")
        write(fs, "/b/f", b"x")
        with raises("ENOTEMPTY"):
            fs.rename("/a", "/b")
        assert names(fs, "/") == ["a", "b"]

    def test_rename_file_over_directory_is_eisdir(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"x")
        fs.mkdir("/d")
        with raises("EISDIR"):
            fs.rename("/f", "/d")

    def test_rename_directory_over_file_is_enotdir(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        write(fs, "/f", b"x")
        with raises("ENOTDIR"):
            fs.rename("/d", "/f")

    def test_rename_directory_into_itself_is_einval(self, fs: VirtualFileSystem) -> None:
        fs.mkdir("/d")
        fs.mkdir("/d/sub")
        with raises("EINVAL"):
            fs.rename("/d", "/d/inner")
        with raises("EINVAL"):
            fs.rename("/d", "/d/sub/inner")
        assert names(fs, "/d") == ["sub"]

    def test_rename_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        with raises("ENOENT"):
            fs.rename("/missing", "/x")

    def test_rename_into_missing_directory_is_enoent(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"x")
        with raises("ENOENT"):
            fs.rename("/f", "/no/such")
        assert read(fs, "/f") == b"x"

    def test_rename_to_itself_changes_nothing(self, fs: VirtualFileSystem) -> None:
        write(fs, "/f", b"x")
        fs.rename("/f", "/f")
        assert read(fs, "/f") == b"x"

    def test_rename_over_open_file_keeps_old_data_readable(self, fs: VirtualFileSystem) -> None:
        self.require("unlink_open")
        write(fs, "/target", b"old")
        write(fs, "/tmp", b"new")
        handle = fs.open("/target", READ)
        try:
            fs.rename("/tmp", "/target")
            assert handle.pread(0, 10) == b"old"
        finally:
            handle.close()
        assert read(fs, "/target") == b"new"

    def test_rename_is_atomic(self, fs: VirtualFileSystem) -> None:
        """A watcher never finds the target missing while it is being replaced."""
        self.require("threads")
        write(fs, "/target", b"0")
        stop = threading.Event()
        missing: list[int] = []

        def watch() -> None:
            while not stop.is_set():
                try:
                    fs.lstat("/target")
                except KernelError:
                    missing.append(1)

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            for i in range(200):
                write(fs, "/next", str(i).encode())
                fs.rename("/next", "/target")
        finally:
            stop.set()
            watcher.join()
        assert missing == []
        assert read(fs, "/target") == b"199"

    # -- unlink while open --------------------------------------------------------------
    def test_unlinked_open_file_stays_usable(self, fs: VirtualFileSystem) -> None:
        self.require("unlink_open")
        write(fs, "/f", b"still here")
        handle = fs.open("/f", READ_WRITE)
        try:
            fs.unlink("/f")
            with raises("ENOENT"):
                fs.lstat("/f")
            assert handle.pread(0, 100) == b"still here"
            handle.pwrite(10, b"!")
            assert handle.pread(0, 100) == b"still here!"
            assert handle.stat().size == 11
            assert handle.stat().nlink == 0
        finally:
            handle.close()

    def test_name_reused_after_unlink_while_open(self, fs: VirtualFileSystem) -> None:
        self.require("unlink_open")
        write(fs, "/f", b"first")
        handle = fs.open("/f", READ)
        try:
            fs.unlink("/f")
            write(fs, "/f", b"second")
            assert handle.pread(0, 100) == b"first"
        finally:
            handle.close()
        assert read(fs, "/f") == b"second"

    # -- hard links --------------------------------------------------------------------
    def test_hard_link_shares_data(self, fs: VirtualFileSystem) -> None:
        self.require("hardlinks")
        write(fs, "/a", b"shared")
        fs.link("/a", "/b")
        assert read(fs, "/b") == b"shared"
        handle = fs.open("/b", READ_WRITE)
        try:
            handle.pwrite(0, b"SH")
        finally:
            handle.close()
        assert read(fs, "/a") == b"SHared"

    def test_hard_link_counts(self, fs: VirtualFileSystem) -> None:
        self.require("hardlinks")
        write(fs, "/a", b"x")
        assert fs.lstat("/a").nlink == 1
        fs.link("/a", "/b")
        assert fs.lstat("/a").nlink == 2
        assert fs.lstat("/b").nlink == 2
        fs.unlink("/a")
        assert fs.lstat("/b").nlink == 1
        assert read(fs, "/b") == b"x"

    def test_hard_link_same_inode(self, fs: VirtualFileSystem) -> None:
        self.require("hardlinks", "inodes")
        write(fs, "/a", b"x")
        fs.link("/a", "/b")
        assert fs.lstat("/a").ino == fs.lstat("/b").ino

    def test_hard_link_to_directory_is_eperm(self, fs: VirtualFileSystem) -> None:
        self.require("hardlinks")
        fs.mkdir("/d")
        with raises("EPERM"):
            fs.link("/d", "/e")

    def test_hard_link_over_existing_is_eexist(self, fs: VirtualFileSystem) -> None:
        self.require("hardlinks")
        write(fs, "/a", b"x")
        write(fs, "/b", b"y")
        with raises("EEXIST"):
            fs.link("/a", "/b")
        assert read(fs, "/b") == b"y"

    def test_hard_link_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        self.require("hardlinks")
        with raises("ENOENT"):
            fs.link("/missing", "/b")

    def test_rename_onto_own_hard_link_changes_nothing(self, fs: VirtualFileSystem) -> None:
        self.require("hardlinks")
        write(fs, "/a", b"x")
        fs.link("/a", "/b")
        fs.rename("/a", "/b")
        assert names(fs, "/") == ["a", "b"]

    # -- directory link counts -------------------------------------------------------------
    def test_directory_nlink(self, fs: VirtualFileSystem) -> None:
        self.require("dir_nlink")
        fs.mkdir("/d")
        assert fs.lstat("/d").nlink == 2
        fs.mkdir("/d/a")
        fs.mkdir("/d/b")
        write(fs, "/d/f", b"")
        assert fs.lstat("/d").nlink == 4
        fs.rmdir("/d/a")
        assert fs.lstat("/d").nlink == 3

    def test_directory_nlink_follows_rename(self, fs: VirtualFileSystem) -> None:
        self.require("dir_nlink")
        fs.mkdir("/x")
        fs.mkdir("/y")
        fs.mkdir("/x/sub")
        fs.rename("/x/sub", "/y/sub")
        assert fs.lstat("/x").nlink == 2
        assert fs.lstat("/y").nlink == 3
        fs.mkdir("/y/other")
        fs.rename("/y/sub", "/y/other")
        assert fs.lstat("/y").nlink == 3

    # -- symlinks ------------------------------------------------------------------------
    def test_symlink_and_readlink(self, fs: VirtualFileSystem) -> None:
        self.require("symlinks")
        write(fs, "/target", b"x")
        fs.symlink("target", "/link")
        assert fs.readlink("/link") == "target"
        st = fs.lstat("/link")
        assert st.is_symlink
        assert st.kind == "symlink"
        assert st.size == len("target")

    def test_symlink_text_is_not_checked(self, fs: VirtualFileSystem) -> None:
        self.require("symlinks")
        fs.symlink("/nowhere/at/all", "/dangling")
        fs.symlink("../../..", "/up")
        assert fs.readlink("/dangling") == "/nowhere/at/all"
        assert fs.readlink("/up") == "../../.."
        assert fs.lstat("/dangling").is_symlink

    def test_symlink_in_readdir(self, fs: VirtualFileSystem) -> None:
        self.require("symlinks")
        fs.mkdir("/d")
        fs.symlink("/d", "/link")
        kinds = {entry.name: entry.kind for entry in fs.readdir("/")}
        assert kinds == {"d": "dir", "link": "symlink"}

    def test_symlink_over_existing_is_eexist(self, fs: VirtualFileSystem) -> None:
        self.require("symlinks")
        write(fs, "/f", b"x")
        with raises("EEXIST"):
            fs.symlink("anything", "/f")

    def test_readlink_of_non_symlink_is_einval(self, fs: VirtualFileSystem) -> None:
        self.require("symlinks")
        write(fs, "/f", b"x")
        fs.mkdir("/d")
        with raises("EINVAL"):
            fs.readlink("/f")
        with raises("EINVAL"):
            fs.readlink("/d")

    def test_readlink_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        self.require("symlinks")
        with raises("ENOENT"):
            fs.readlink("/missing")

    def test_unlink_symlink_keeps_target(self, fs: VirtualFileSystem) -> None:
        self.require("symlinks")
        write(fs, "/target", b"x")
        fs.symlink("target", "/link")
        fs.unlink("/link")
        assert read(fs, "/target") == b"x"
        assert names(fs, "/") == ["target"]

    def test_open_symlink_is_eloop(self, fs: VirtualFileSystem) -> None:
        """Backends never follow links: the kernel does."""
        self.require("symlinks")
        write(fs, "/target", b"x")
        fs.symlink("target", "/link")
        with raises("ELOOP"):
            fs.open("/link", READ)

    def test_rename_symlink(self, fs: VirtualFileSystem) -> None:
        self.require("symlinks")
        fs.symlink("somewhere", "/a")
        fs.rename("/a", "/b")
        assert fs.readlink("/b") == "somewhere"

    def test_rmdir_of_symlink_is_enotdir(self, fs: VirtualFileSystem) -> None:
        self.require("symlinks")
        fs.mkdir("/d")
        fs.symlink("d", "/link")
        with raises("ENOTDIR"):
            fs.rmdir("/link")

    # -- times ---------------------------------------------------------------------------
    def test_new_file_times_are_now(self, fs: VirtualFileSystem) -> None:
        self.require("times")
        before = time.time_ns() - 5_000_000_000
        write(fs, "/f", b"x")
        after = time.time_ns() + 5_000_000_000
        st = fs.lstat("/f")
        for value in (st.atime_ns, st.mtime_ns, st.ctime_ns):
            assert before <= value <= after

    def test_write_moves_mtime_and_ctime(self, fs: VirtualFileSystem) -> None:
        self.require("times")
        write(fs, "/f", b"x")
        first = fs.lstat("/f")
        self.tick()
        handle = fs.open("/f", READ_WRITE)
        try:
            handle.pwrite(1, b"y")
        finally:
            handle.close()
        second = fs.lstat("/f")
        assert second.mtime_ns > first.mtime_ns
        assert second.ctime_ns > first.ctime_ns

    def test_truncate_moves_mtime(self, fs: VirtualFileSystem) -> None:
        self.require("times")
        write(fs, "/f", b"xyz")
        first = fs.lstat("/f")
        self.tick()
        handle = fs.open("/f", READ_WRITE)
        try:
            handle.truncate(1)
        finally:
            handle.close()
        assert fs.lstat("/f").mtime_ns > first.mtime_ns

    def test_creating_an_entry_moves_the_parent_mtime(self, fs: VirtualFileSystem) -> None:
        self.require("times")
        fs.mkdir("/d")
        first = fs.lstat("/d")
        self.tick()
        write(fs, "/d/f", b"")
        second = fs.lstat("/d")
        assert second.mtime_ns > first.mtime_ns
        assert second.ctime_ns > first.ctime_ns

    def test_removing_an_entry_moves_the_parent_mtime(self, fs: VirtualFileSystem) -> None:
        self.require("times")
        fs.mkdir("/d")
        write(fs, "/d/f", b"")
        first = fs.lstat("/d")
        self.tick()
        fs.unlink("/d/f")
        assert fs.lstat("/d").mtime_ns > first.mtime_ns

    def test_rename_moves_both_parents_mtime(self, fs: VirtualFileSystem) -> None:
        self.require("times")
        fs.mkdir("/x")
        fs.mkdir("/y")
        write(fs, "/x/f", b"")
        x_before, y_before = fs.lstat("/x"), fs.lstat("/y")
        self.tick()
        fs.rename("/x/f", "/y/f")
        assert fs.lstat("/x").mtime_ns > x_before.mtime_ns
        assert fs.lstat("/y").mtime_ns > y_before.mtime_ns

    def test_chmod_moves_ctime_only(self, fs: VirtualFileSystem) -> None:
        self.require("times", "chmod")
        write(fs, "/f", b"x")
        first = fs.lstat("/f")
        self.tick()
        fs.chmod("/f", 0o600)
        second = fs.lstat("/f")
        assert second.ctime_ns > first.ctime_ns
        assert second.mtime_ns == first.mtime_ns

    def test_utimes_sets_times(self, fs: VirtualFileSystem) -> None:
        self.require("utimes")
        write(fs, "/f", b"x")
        fs.utimes("/f", OLD_NS, OLD_NS + 2_000_000_000)
        st = fs.lstat("/f")
        assert st.atime_ns == OLD_NS
        assert st.mtime_ns == OLD_NS + 2_000_000_000

    def test_utimes_on_a_directory(self, fs: VirtualFileSystem) -> None:
        self.require("utimes")
        fs.mkdir("/d")
        fs.utimes("/d", OLD_NS, OLD_NS)
        assert fs.lstat("/d").mtime_ns == OLD_NS

    def test_utimes_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        self.require("utimes")
        with raises("ENOENT"):
            fs.utimes("/missing", OLD_NS, OLD_NS)

    def test_write_after_utimes_moves_mtime_forward(self, fs: VirtualFileSystem) -> None:
        self.require("utimes", "times")
        write(fs, "/f", b"x")
        fs.utimes("/f", OLD_NS, OLD_NS)
        handle = fs.open("/f", READ_WRITE)
        try:
            handle.pwrite(0, b"y")
        finally:
            handle.close()
        assert fs.lstat("/f").mtime_ns > OLD_NS + 1_000_000_000

    # -- attributes ----------------------------------------------------------------------
    def test_chmod_sets_permission_bits(self, fs: VirtualFileSystem) -> None:
        self.require("chmod")
        write(fs, "/f", b"x")
        fs.chmod("/f", 0o640)
        st = fs.lstat("/f")
        assert _stat.S_IMODE(st.mode) == 0o640
        assert st.is_file
        fs.chmod("/f", 0o4755)
        assert _stat.S_IMODE(fs.lstat("/f").mode) & 0o777 == 0o755

    def test_chmod_directory(self, fs: VirtualFileSystem) -> None:
        self.require("chmod")
        fs.mkdir("/d")
        fs.chmod("/d", 0o711)
        st = fs.lstat("/d")
        assert _stat.S_IMODE(st.mode) == 0o711
        assert st.is_dir

    def test_chmod_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        self.require("chmod")
        with raises("ENOENT"):
            fs.chmod("/missing", 0o644)

    def test_chown_sets_owner_and_group(self, fs: VirtualFileSystem) -> None:
        self.require("chown")
        write(fs, "/f", b"x")
        fs.chown("/f", 1000, 1001)
        st = fs.lstat("/f")
        assert (st.uid, st.gid) == (1000, 1001)

    def test_chown_minus_one_keeps(self, fs: VirtualFileSystem) -> None:
        self.require("chown")
        write(fs, "/f", b"x")
        fs.chown("/f", 1000, 1001)
        fs.chown("/f", -1, 2002)
        assert (fs.lstat("/f").uid, fs.lstat("/f").gid) == (1000, 2002)
        fs.chown("/f", 3003, -1)
        assert (fs.lstat("/f").uid, fs.lstat("/f").gid) == (3003, 2002)

    def test_chown_missing_is_enoent(self, fs: VirtualFileSystem) -> None:
        self.require("chown")
        with raises("ENOENT"):
            fs.chown("/missing", 1, 1)

    # -- inodes and statfs ------------------------------------------------------------------
    def test_inode_numbers_are_unique(self, fs: VirtualFileSystem) -> None:
        self.require("inodes")
        fs.mkdir("/d")
        for i in range(10):
            write(fs, f"/d/{i}", b"")
        inos = {fs.lstat(f"/d/{i}").ino for i in range(10)} | {fs.lstat("/d").ino, fs.lstat("/").ino}
        assert len(inos) == 12
        assert all(ino > 0 for ino in inos)

    def test_inode_survives_rename(self, fs: VirtualFileSystem) -> None:
        self.require("inodes")
        write(fs, "/a", b"x")
        ino = fs.lstat("/a").ino
        fs.rename("/a", "/b")
        assert fs.lstat("/b").ino == ino

    def test_lstat_mode_agrees_with_lstat(self, fs: VirtualFileSystem) -> None:
        """The optional `lstat_mode` fast path (used by the kernel's walk) must match `lstat`."""
        probe = getattr(fs, "lstat_mode", None)
        if probe is None:
            pytest.skip("backend has no lstat_mode")
        fs.mkdir("/d")
        write(fs, "/d/f", b"x")
        paths = ["/", "/d", "/d/f"]
        if "symlinks" in self.capabilities:
            fs.symlink("/nowhere", "/l")
            paths.append("/l")
        for path in paths:
            assert probe(path) == fs.lstat(path).mode
        for path, code in [("/missing", "ENOENT"), ("/d/f/x", "ENOTDIR"), ("/missing/x", "ENOENT")]:
            with raises(code):
                probe(path)

    def test_statfs_figures(self, fs: VirtualFileSystem) -> None:
        self.require("statfs")
        figures = fs.statfs()
        assert {"type", "bsize", "blocks", "bfree", "bavail", "files", "ffree"} <= set(figures)
        assert all(isinstance(value, int) and value >= 0 for value in figures.values())
        assert figures["bsize"] > 0
        assert figures["bfree"] <= figures["blocks"]
