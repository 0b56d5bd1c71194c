"""The host side of `fs`: descriptor tables and the bridge handlers, without an engine."""

from __future__ import annotations

from typing import Any

import pytest

from secure_exec._engine._pool import BridgeError
from secure_exec._kernel._errno import KernelError
from secure_exec._kernel._fds import (
    O_APPEND,
    O_CREAT,
    O_DIRECTORY,
    O_EXCL,
    O_NOFOLLOW,
    O_RDONLY,
    O_RDWR,
    O_TRUNC,
    O_WRONLY,
    FdTable,
    decode_flags,
)
from secure_exec._kernel._filesystem import KernelFS
from secure_exec._node import FsContext, fs_handlers
from secure_exec._vfs._memory import MemoryFileSystem


@pytest.fixture
def fs() -> KernelFS:
    kernel = KernelFS(MemoryFileSystem())
    kernel.mkdir("/w")
    kernel.write_file("/w/f.txt", b"0123456789")
    return kernel


class Recorder:
    """A permission check that records what it was asked and denies one path."""

    def __init__(self, deny: str | None = None) -> None:
        self.calls: list[tuple[str, str, str | None]] = []
        self.deny = deny

    def __call__(self, op: str, path: str, syscall: str | None) -> None:
        self.calls.append((op, path, syscall))
        if path == self.deny:
            raise KernelError("EACCES", syscall, path, detail="denied by test")


def handlers(fs: KernelFS, permit: Recorder | None = None, limit: int = 1 << 20) -> dict[str, Any]:
    ctx = FsContext(fs=fs, fds=FdTable(limit=8), permit=permit or Recorder(), transfer_limit=limit)
    return fs_handlers(ctx)


def bridge_error(call: Any, payload: Any) -> dict[str, Any]:
    with pytest.raises(BridgeError) as info:
        call(payload)
    return info.value.payload


# ---------------------------------------------------------------- flags and descriptors


def test_node_flag_strings_decode_as_linux_opens_them() -> None:
    w, nofollow, directory = decode_flags(O_TRUNC | O_CREAT | O_WRONLY)
    assert (w.read, w.write, w.create, w.truncate, w.append, w.exclusive) == (False, True, True, True, False, False)
    a, _, _ = decode_flags(O_APPEND | O_CREAT | O_RDWR)
    assert (a.read, a.write, a.append) == (True, True, True)
    r, _, _ = decode_flags(O_RDONLY | O_TRUNC)
    assert (r.read, r.write, r.truncate) == (True, False, False)  # O_TRUNC needs write access
    x, nofollow, directory = decode_flags(O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_DIRECTORY)
    assert (x.exclusive, nofollow, directory) == (True, True, True)
    assert decode_flags(O_EXCL)[0].exclusive is False  # O_EXCL without O_CREAT means nothing
    with pytest.raises(KernelError) as info:
        decode_flags(3)
    assert info.value.code == "EINVAL"


def test_descriptors_are_the_lowest_free_numbers_from_three(fs: KernelFS) -> None:
    table = FdTable(limit=4)
    fds = [table.open(fs, "/w/f.txt", O_RDONLY) for _ in range(3)]
    assert fds == [3, 4, 5]
    table.close(4)
    assert table.open(fs, "/w/f.txt", O_RDONLY) == 4
    assert table.open(fs, "/w/f.txt", O_RDONLY) == 6
    with pytest.raises(KernelError) as info:
        table.open(fs, "/w/f.txt", O_RDONLY)
    assert info.value.message == "EMFILE: too many open files, open '/w/f.txt'"
    assert len(table) == 4
    table.close_all()
    table.close_all()
    assert len(table) == 0


def test_bad_descriptors_are_ebadf_named_after_the_call(fs: KernelFS) -> None:
    table = FdTable()
    with pytest.raises(KernelError) as info:
        table.get(3, "read")
    assert info.value.message == "EBADF: bad file descriptor, read"
    with pytest.raises(KernelError) as info:
        table.close(3)
    assert info.value.message == "EBADF: bad file descriptor, close"
    ro = table.get(table.open(fs, "/w/f.txt", O_RDONLY), "write")
    with pytest.raises(KernelError) as info:
        ro.write(b"x", None)
    assert info.value.message == "EBADF: bad file descriptor, write"


def test_positions_advance_only_without_an_explicit_offset(fs: KernelFS) -> None:
    table = FdTable()
    d = table.get(table.open(fs, "/w/f.txt", O_RDWR), "read")
    assert d.read(3, None) == b"012"
    assert d.read(2, 8) == b"89"
    assert d.read(3, None) == b"345"
    assert d.write(b"AB", None) == 2
    assert d.position == 8
    assert d.read(10, None) == b"89"
    assert d.read(10, None) == b""
    assert d.write(b"Z", 12) == 1  # past the end: the gap is zero-filled
    assert fs.read_file("/w/f.txt") == b"012345AB89\x00\x00Z"


def test_append_descriptors_write_at_the_end_even_with_an_offset(fs: KernelFS) -> None:
    table = FdTable()
    d = table.get(table.open(fs, "/w/f.txt", O_APPEND | O_WRONLY), "write")
    d.write(b"A", 0)
    d.write(b"B", None)
    assert fs.read_file("/w/f.txt") == b"0123456789AB"


def test_directories_open_read_only_and_fail_reads_with_eisdir(fs: KernelFS) -> None:
    table = FdTable()
    d = table.get(table.open(fs, "/w", O_RDONLY), "fstat")
    assert d.stat().is_dir
    with pytest.raises(KernelError) as info:
        d.read(1, None)
    assert info.value.message == "EISDIR: illegal operation on a directory, read"
    for flags, message in [
        (O_WRONLY, "EISDIR: illegal operation on a directory, open '/w'"),
        (O_CREAT | O_EXCL | O_WRONLY, "EEXIST: file already exists, open '/w'"),
    ]:
        with pytest.raises(KernelError) as info:
            table.open(fs, "/w", flags)
        assert info.value.message == message
    with pytest.raises(KernelError) as info:
        table.open(fs, "/w/f.txt", O_RDONLY | O_DIRECTORY)
    assert info.value.code == "ENOTDIR"


def test_reads_stay_readable_after_unlink(fs: KernelFS) -> None:
    table = FdTable()
    fd = table.open(fs, "/w/f.txt", O_RDONLY)
    fs.unlink("/w/f.txt")
    assert table.get(fd, "read").read(4, 0) == b"0123"


# ---------------------------------------------------------------- handlers


def test_payloads_are_checked_strictly(fs: KernelFS) -> None:
    h = handlers(fs)
    for name, payload, field in [
        ("fs.stat", None, "path"),
        ("fs.stat", {}, "path"),
        ("fs.stat", {"path": 5}, "path"),
        ("fs.stat", {"path": "relative/path"}, "path"),
        ("fs.stat", {"path": "/w/\0x"}, "path"),
        ("fs.read", {"fd": True, "length": 1, "position": None}, "fd"),
        ("fs.read", {"fd": 3, "length": -1, "position": None}, "length"),
        ("fs.read", {"fd": 3, "length": 1.5, "position": None}, "length"),
        ("fs.write", {"fd": 3, "data": "text", "position": None}, "data"),
        ("fs.mkdir", {"path": "/w/x", "mode": 0o777, "recursive": 1}, "recursive"),
        ("fs.utimes", {"path": "/w/f.txt", "atime": 2**70, "mtime": 0, "follow": True}, "atime"),
    ]:
        err = bridge_error(h[name], payload)
        assert err == {
            "message": f"invalid bridge payload: {field!r}",
            "name": "TypeError",
            "code": "ERR_INVALID_BRIDGE_PAYLOAD",
        }


def test_kernel_errors_travel_as_node_shaped_payloads(fs: KernelFS) -> None:
    h = handlers(fs)
    assert bridge_error(h["fs.stat"], {"path": "/w/missing"}) == {
        "message": "ENOENT: no such file or directory, stat '/w/missing'",
        "name": "Error",
        "code": "ENOENT",
        "errno": -2,
        "description": "no such file or directory",
        "syscall": "stat",
        "path": "/w/missing",
    }
    err = bridge_error(h["fs.rename"], {"path": "/w/missing", "dest": "/w/other"})
    assert (err["message"], err["dest"]) == (
        "ENOENT: no such file or directory, rename '/w/missing' -> '/w/other'",
        "/w/other",
    )
    err = bridge_error(h["fs.symlink"], {"target": "anything", "path": "/w/f.txt"})
    assert err["message"] == "EEXIST: file already exists, symlink 'anything' -> '/w/f.txt'"
    err = bridge_error(h["fs.readFile"], {"path": "/w", "flags": O_RDONLY})
    assert err["message"] == "EISDIR: illegal operation on a directory, read"
    err = bridge_error(h["fs.rm"], {"path": "/w", "recursive": False, "force": False})
    assert (err["code"], err["syscall"]) == ("EISDIR", "rm")
    err = bridge_error(h["fs.rm"], {"path": "/w/nope", "recursive": False, "force": False})
    assert err["message"] == "ENOENT: no such file or directory, lstat '/w/nope'"
    assert h["fs.rm"]({"path": "/w/nope", "recursive": False, "force": True}) is None


def test_paths_are_normalised_once_and_checked_with_the_right_operation(fs: KernelFS) -> None:
    permit = Recorder()
    h = handlers(fs, permit)
    h["fs.stat"]({"path": "/w/./x/../f.txt"})
    h["fs.rename"]({"path": "/w/f.txt", "dest": "/w//g.txt"})
    h["fs.link"]({"path": "/w/g.txt", "dest": "/w/h.txt"})
    h["fs.symlink"]({"target": "../etc/passwd", "path": "/w/s"})
    h["fs.open"]({"path": "/w/n.txt", "flags": O_CREAT | O_RDWR, "mode": 0o644})
    h["fs.exists"]({"path": "/w/g.txt"})
    assert permit.calls == [
        ("stat", "/w/f.txt", "stat"),
        ("rename", "/w/f.txt", "rename"),
        ("rename", "/w/g.txt", "rename"),
        ("link", "/w/h.txt", "link"),
        ("symlink", "/w/s", "symlink"),
        ("read", "/w/n.txt", "open"),
        ("write", "/w/n.txt", "open"),
        ("exists", "/w/g.txt", "access"),
    ]


def test_a_denial_stops_the_call_before_the_kernel(fs: KernelFS) -> None:
    h = handlers(fs, Recorder(deny="/w/f.txt"))
    err = bridge_error(
        h["fs.writeFile"], {"path": "/w/f.txt", "data": b"x", "flags": O_WRONLY | O_TRUNC, "mode": 0o666}
    )
    assert err["message"] == "EACCES: permission denied, open '/w/f.txt': denied by test"
    assert err["detail"] == "denied by test"
    assert fs.read_file("/w/f.txt") == b"0123456789"
    assert h["fs.exists"]({"path": "/w/f.txt"}) is False


def test_reads_are_capped_by_the_transfer_limit(fs: KernelFS) -> None:
    fs.write_file("/w/big", b"x" * 5000)
    h = handlers(fs, limit=1024)
    fd = h["fs.open"]({"path": "/w/big", "flags": O_RDONLY, "mode": 0o666})
    data = h["fs.read"]({"fd": fd, "length": 2**50, "position": None})
    assert 0 < len(data) <= 1024
    err = bridge_error(h["fs.readFile"], {"path": "/w/big", "flags": O_RDONLY})
    assert err == {
        "message": "ERR_SANDBOX_PAYLOAD_TOO_LARGE: fs.readFile exceeds 1024 bytes (got 5000)",
        "name": "RangeError",
        "code": "ERR_SANDBOX_PAYLOAD_TOO_LARGE",
    }


def test_stats_carry_integer_nanoseconds(fs: KernelFS) -> None:
    h = handlers(fs)
    h["fs.utimes"]({"path": "/w/f.txt", "atime": 1_500_000_000_123_456_789, "mtime": -5, "follow": True})
    st = h["fs.stat"]({"path": "/w/f.txt"})
    assert set(st) == {
        "dev", "mode", "nlink", "uid", "gid", "rdev", "blksize", "ino", "size", "blocks",
        "atimeNs", "mtimeNs", "ctimeNs", "birthtimeNs",
    }  # fmt: skip
    assert (st["atimeNs"], st["mtimeNs"], st["size"]) == (1_500_000_000_123_456_789, -5, 10)
    assert all(isinstance(v, int) for v in st.values())


def test_mkdtemp_makes_a_private_directory_with_six_random_characters(fs: KernelFS) -> None:
    h = handlers(fs)
    made = {h["fs.mkdtemp"]({"prefix": "/w/tmp-"}) for _ in range(5)}
    assert len(made) == 5
    for path in made:
        assert path.startswith("/w/tmp-") and len(path) == len("/w/tmp-") + 6
        assert fs.stat(path).mode & 0o777 == 0o700
    err = bridge_error(h["fs.mkdtemp"], {"prefix": "/nope/t-"})
    assert err["message"] == "ENOENT: no such file or directory, mkdtemp '/nope/t-XXXXXX'"
