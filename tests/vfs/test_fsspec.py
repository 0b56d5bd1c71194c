"""FsspecFileSystem: the conformance suite over fsspec's memory and local filesystems, then the
adapter's own rules (buffered open files, rename only where atomic, read-only, mounting)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fsspec
import pytest
from fsspec.implementations.dirfs import DirFileSystem

from secure_exec._kernel._filesystem import KernelFS
from secure_exec.testing import VfsConformance
from secure_exec.vfs import FsspecFileSystem, KernelError, MemoryFileSystem, OpenFlags, VirtualFileSystem

READ = OpenFlags()
READ_WRITE = OpenFlags(read=True, write=True)
WRITE = OpenFlags(read=False, write=True, create=True, truncate=True)


def memory_fs() -> Any:
    """A fresh fsspec memory filesystem (not the process-wide shared store)."""
    return fsspec.filesystem("memory", global_store=False, skip_instance_cache=True)


def code_of(fn: object, *args: object) -> str:
    assert callable(fn)
    with pytest.raises(KernelError) as info:
        fn(*args)
    return info.value.code


class TestFsspecMemoryConformance(VfsConformance):
    # fsspec's memory store has no directory times, no links, no modes; its
    # inode numbers are path hashes, so a rename changes them.
    capabilities = frozenset({"unlink_open", "threads"})

    def make_fs(self, tmp_path: Path) -> VirtualFileSystem:
        return FsspecFileSystem(memory_fs())


class TestFsspecLocalConformance(VfsConformance):
    # LocalFileSystem reports real inode numbers, link counts and mtimes.
    capabilities = frozenset({"unlink_open", "threads", "inodes", "dir_nlink", "times"})

    def make_fs(self, tmp_path: Path) -> VirtualFileSystem:
        root = tmp_path / "root"
        root.mkdir()
        return FsspecFileSystem(fsspec.filesystem("file"), str(root))


@pytest.fixture
def mem() -> Iterator[tuple[FsspecFileSystem, Any]]:
    fs = memory_fs()
    fs.mkdir("/base/sub", create_parents=True)
    fs.pipe_file("/base/hello.txt", b"hello")
    backend = FsspecFileSystem(fs, "/base")
    try:
        yield backend, fs
    finally:
        backend.close()


class TestBufferedFiles:
    def test_root_maps_to_a_directory_of_the_store(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        backend, fs = mem
        assert [(e.name, e.kind) for e in backend.readdir("/")] == [("hello.txt", "file"), ("sub", "dir")]
        handle = backend.open("/sub/new.txt", WRITE)
        handle.pwrite(0, b"abc")
        handle.close()
        assert fs.cat_file("/base/sub/new.txt") == b"abc"

    def test_writes_reach_the_store_on_sync_and_close(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        backend, fs = mem
        handle = backend.open("/hello.txt", READ_WRITE)
        handle.pwrite(5, b" world")
        assert fs.cat_file("/base/hello.txt") == b"hello"  # buffered
        assert backend.lstat("/hello.txt").size == 11  # but visible through the adapter
        handle.sync()
        assert fs.cat_file("/base/hello.txt") == b"hello world"
        handle.pwrite(0, b"H")
        handle.close()
        assert fs.cat_file("/base/hello.txt") == b"Hello world"

    def test_descriptors_of_one_path_share_the_buffer(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        backend, fs = mem
        first = backend.open("/hello.txt", READ_WRITE)
        second = backend.open("/hello.txt", READ)
        first.pwrite(0, b"J")
        assert second.pread(0, 10) == b"Jello"
        first.close()
        assert second.stat().size == 5
        second.close()
        assert fs.cat_file("/base/hello.txt") == b"Jello"

    def test_create_exists_at_once_and_truncate_empties_at_once(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        backend, fs = mem
        handle = backend.open("/made.txt", OpenFlags(read=True, write=True, create=True))
        assert fs.cat_file("/base/made.txt") == b""
        handle.close()
        handle = backend.open("/hello.txt", OpenFlags(write=True, truncate=True))
        assert fs.cat_file("/base/hello.txt") == b""
        handle.close()

    def test_unlinked_file_is_not_written_back(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        backend, fs = mem
        handle = backend.open("/hello.txt", READ_WRITE)
        backend.unlink("/hello.txt")
        handle.pwrite(0, b"ghost")
        handle.close()
        assert not fs.exists("/base/hello.txt")

    def test_rename_carries_open_buffers(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        backend, fs = mem
        handle = backend.open("/sub/f", OpenFlags(read=True, write=True, create=True))
        handle.pwrite(0, b"v1")
        backend.rename("/sub", "/moved")
        handle.pwrite(2, b"+")
        handle.close()
        assert fs.cat_file("/base/moved/f") == b"v1+"
        assert not fs.exists("/base/sub")

    def test_closing_the_backend_writes_back(self) -> None:
        fs = memory_fs()
        backend = FsspecFileSystem(fs)
        handle = backend.open("/f", OpenFlags(read=True, write=True, create=True))
        handle.pwrite(0, b"unsaved")
        assert fs.cat_file("/f") == b""
        backend.close()
        assert fs.cat_file("/f") == b"unsaved"
        handle.close()  # after the backend went: harmless, and nothing is written twice
        assert fs.cat_file("/f") == b"unsaved"

    def test_closed_handle_is_ebadf(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        backend, _ = mem
        handle = backend.open("/hello.txt", READ)
        handle.close()
        assert code_of(handle.pread, 0, 1) == "EBADF"
        assert code_of(handle.stat) == "EBADF"


class TestRules:
    def test_rename_is_enosys_where_mv_is_not_atomic(self) -> None:
        fs = memory_fs()
        fs.mkdir("/d")
        fs.pipe_file("/d/a", b"x")
        backend = FsspecFileSystem(DirFileSystem("/d", fs=fs), "")
        assert code_of(backend.rename, "/a", "/b") == "ENOSYS"
        assert fs.cat_file("/d/a") == b"x"
        assert not fs.exists("/d/b")
        assert backend.lstat("/a").size == 1

    def test_links_and_modes_are_unsupported(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        backend, _ = mem
        assert code_of(backend.symlink, "hello.txt", "/l") == "EPERM"
        assert code_of(backend.link, "/hello.txt", "/l") == "EPERM"
        assert code_of(backend.chmod, "/hello.txt", 0o600) == "EPERM"
        assert code_of(backend.readlink, "/hello.txt") == "EINVAL"

    def test_read_only(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        _, fs = mem
        backend = FsspecFileSystem(fs, "/base", read_only=True)
        assert backend.read_only
        assert backend.open("/hello.txt", READ).pread(0, 5) == b"hello"
        for fn, *args in (
            (backend.open, "/hello.txt", READ_WRITE),
            (backend.open, "/new", WRITE),
            (backend.mkdir, "/d"),
            (backend.rmdir, "/sub"),
            (backend.unlink, "/hello.txt"),
            (backend.rename, "/hello.txt", "/x"),
        ):
            assert code_of(fn, *args) == "EROFS"
        assert fs.cat_file("/base/hello.txt") == b"hello"

    def test_metadata_is_synthesised_stably(self, mem: tuple[FsspecFileSystem, Any]) -> None:
        backend, _ = mem
        first = backend.lstat("/hello.txt")
        assert first.ino == backend.lstat("/hello.txt").ino > 0
        assert first.ino != backend.lstat("/sub").ino
        assert first.is_file and first.size == 5 and first.mtime_ns > 0
        assert backend.lstat("/sub").is_dir and backend.lstat("/sub").nlink == 2

    def test_local_symlinks_are_shown_not_followed(self, tmp_path: Path) -> None:
        root = tmp_path / "root"
        root.mkdir()
        (tmp_path / "secret").write_bytes(b"host secret")
        os.symlink(str(tmp_path / "secret"), root / "link")
        backend = FsspecFileSystem(fsspec.filesystem("file"), str(root))
        st = backend.lstat("/link")
        assert st.is_symlink and st.size == len(str(tmp_path / "secret"))
        assert backend.readlink("/link") == str(tmp_path / "secret")
        assert [(e.name, e.kind) for e in backend.readdir("/")] == [("link", "symlink")]
        assert code_of(backend.open, "/link", READ) == "ELOOP"

    def test_not_an_fsspec_filesystem(self) -> None:
        with pytest.raises(TypeError):
            FsspecFileSystem(object())

    def test_mounted_in_a_kernel(self) -> None:
        fs = memory_fs()
        kfs = KernelFS(MemoryFileSystem())
        kfs.mount("/bucket", FsspecFileSystem(fs))
        try:
            kfs.mkdir("/bucket/reports/2024", recursive=True)
            kfs.write_file("/bucket/reports/2024/q1.json", b'{"ok": true}')
            kfs.rename("/bucket/reports/2024/q1.json", "/bucket/reports/q1.json")
            assert kfs.read_file("/bucket/reports/q1.json") == b'{"ok": true}'
            assert fs.cat_file("/reports/q1.json") == b'{"ok": true}'
            assert [e.name for e in kfs.readdir("/bucket/reports")] == ["2024", "q1.json"]
            assert code_of(kfs.symlink, "/etc/passwd", "/bucket/l") == "EPERM"
            assert code_of(kfs.rename, "/bucket/reports/q1.json", "/q1.json") == "EXDEV"
            kfs.rm("/bucket/reports", recursive=True)
            assert fs.ls("/", detail=False) == []
        finally:
            kfs.close()
