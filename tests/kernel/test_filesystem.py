"""KernelFS: mounts, the symlink walk across mounts, POSIX errors with Node's wording."""

from __future__ import annotations

import json
import stat as _stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from secure_exec._kernel._filesystem import KernelFS
from secure_exec.vfs import KernelError, MemoryFileSystem, OpenFlags

READ = OpenFlags()
WRITE = OpenFlags(read=False, write=True, create=True, truncate=True)


def error_of(action: Callable[[], object]) -> KernelError:
    with pytest.raises(KernelError) as info:
        action()
    return info.value


@pytest.fixture
def kfs() -> KernelFS:
    return KernelFS(MemoryFileSystem())


class ReadOnlyMemory(MemoryFileSystem):
    read_only = True


class ClosingMemory(MemoryFileSystem):
    def __init__(self) -> None:
        super().__init__()
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


# -- mounts -----------------------------------------------------------------------
def test_mount_over_root_is_refused(kfs: KernelFS) -> None:
    err = error_of(lambda: kfs.mount("/", MemoryFileSystem()))
    assert err.code == "EINVAL"
    assert str(err) == "EINVAL: invalid argument, mount '/': cannot mount over root"


def test_second_mount_at_a_path_is_eexist(kfs: KernelFS) -> None:
    kfs.mount("/data", MemoryFileSystem())
    err = error_of(lambda: kfs.mount("/data/", MemoryFileSystem()))
    assert str(err) == "EEXIST: file already exists, mount '/data': already mounted at /data"


def test_unmount_errors(kfs: KernelFS) -> None:
    assert str(error_of(lambda: kfs.unmount("/"))) == "EINVAL: invalid argument, umount '/': cannot unmount root"
    kfs.mkdir("/plain")
    err = error_of(lambda: kfs.unmount("/plain"))
    assert str(err) == "EINVAL: invalid argument, umount '/plain': not a mount point: /plain"


def test_unmount_with_a_mount_below_is_ebusy(kfs: KernelFS) -> None:
    kfs.mount("/a", MemoryFileSystem())
    kfs.mount("/a/b", MemoryFileSystem())
    assert error_of(lambda: kfs.unmount("/a")).code == "EBUSY"
    kfs.unmount("/a/b")
    kfs.unmount("/a")


def test_mount_creates_the_mount_point_and_unmount_reveals_it(kfs: KernelFS) -> None:
    backend = ClosingMemory()
    kfs.mount("/srv/data", backend)
    assert kfs.stat("/srv").is_dir
    kfs.write_file("/srv/data/x", b"in the mount")
    assert backend.lstat("/x").size == len("in the mount")
    kfs.unmount("/srv/data")
    assert backend.closed == 1
    assert kfs.readdir("/srv/data") == []
    assert not kfs.exists("/srv/data/x")


def test_mount_over_a_file_is_enotdir(kfs: KernelFS) -> None:
    kfs.write_file("/f", b"x")
    err = error_of(lambda: kfs.mount("/f", MemoryFileSystem()))
    assert err.code == "ENOTDIR"
    assert err.syscall == "mount"


def test_mounts_listing(kfs: KernelFS) -> None:
    inner, outer = MemoryFileSystem(), MemoryFileSystem()
    kfs.mount("/b/inner", inner, read_only=True)
    kfs.mount("/a", outer)
    listed = kfs.mounts()
    assert [(path, ro) for path, _, ro in listed] == [("/", False), ("/a", False), ("/b/inner", True)]
    assert listed[1][1] is outer and listed[2][1] is inner


def test_longest_prefix_wins(kfs: KernelFS) -> None:
    outer, inner = MemoryFileSystem(), MemoryFileSystem()
    kfs.mount("/a", outer)
    kfs.mount("/a/b", inner)
    kfs.write_file("/a/b/x", b"inner")
    kfs.write_file("/a/c", b"outer")
    kfs.write_file("/a/bb", b"outer too")
    assert [e.name for e in inner.readdir("/")] == ["x"]
    assert [e.name for e in outer.readdir("/")] == ["b", "bb", "c"]
    assert kfs.read_file("/a/b/x") == b"inner"


def test_mount_points_are_listed_once_in_their_parent(kfs: KernelFS) -> None:
    kfs.mkdir("/mnt")
    kfs.write_file("/mnt/file", b"")
    kfs.mount("/mnt/z", MemoryFileSystem())
    kfs.mount("/mnt/a", MemoryFileSystem())
    entries = kfs.readdir("/mnt")
    assert [(e.name, e.kind) for e in entries] == [("a", "dir"), ("file", "file"), ("z", "dir")]


def test_mount_point_stat_is_the_backend_root(kfs: KernelFS) -> None:
    backend = MemoryFileSystem()
    backend.mkdir("/sub")
    backend.chmod("/", 0o700)
    kfs.mount("/m", backend)
    assert kfs.stat("/m", follow=False).ino == backend.lstat("/").ino
    assert _stat.S_IMODE(kfs.stat("/m").mode) == 0o700
    assert kfs.stat("/m").nlink == 3


def test_mount_point_cannot_be_removed_or_renamed(kfs: KernelFS) -> None:
    kfs.mount("/m", MemoryFileSystem())
    kfs.mkdir("/other")
    assert str(error_of(lambda: kfs.rmdir("/m"))) == "EBUSY: resource busy or locked, rmdir '/m'"
    assert str(error_of(lambda: kfs.rename("/m", "/n"))) == "EBUSY: resource busy or locked, rename '/m' -> '/n'"
    assert error_of(lambda: kfs.rename("/other", "/m")).code == "EBUSY"
    assert error_of(lambda: kfs.unlink("/m")).code == "EISDIR"


def test_directory_holding_a_mount_cannot_be_renamed(kfs: KernelFS) -> None:
    kfs.mount("/srv/data", MemoryFileSystem())
    assert error_of(lambda: kfs.rename("/srv", "/moved")).code == "EBUSY"
    assert error_of(lambda: kfs.rm("/srv", recursive=True)).code == "EBUSY"
    assert kfs.stat("/srv/data").is_dir


def test_rename_and_link_across_mounts_are_exdev(kfs: KernelFS) -> None:
    kfs.mount("/data", MemoryFileSystem())
    kfs.write_file("/data/x", b"x")
    kfs.write_file("/y", b"y")
    err = error_of(lambda: kfs.rename("/data/x", "/x"))
    assert str(err) == "EXDEV: cross-device link not permitted, rename '/data/x' -> '/x'"
    assert err.dest == "/x"
    err = error_of(lambda: kfs.link("/y", "/data/y"))
    assert str(err) == "EXDEV: cross-device link not permitted, link '/y' -> '/data/y'"
    assert kfs.read_file("/data/x") == b"x"


def test_one_backend_mounted_twice_is_still_two_devices(kfs: KernelFS) -> None:
    shared = MemoryFileSystem()
    kfs.mount("/one", shared)
    kfs.mount("/two", shared)
    kfs.write_file("/one/f", b"x")
    assert kfs.read_file("/two/f") == b"x"
    assert error_of(lambda: kfs.rename("/one/f", "/two/g")).code == "EXDEV"
    kfs.unmount("/one")
    kfs.read_file("/two/f")


def test_rename_within_a_mount(kfs: KernelFS) -> None:
    kfs.mount("/data", MemoryFileSystem())
    kfs.mkdir("/data/d")
    kfs.write_file("/data/x", b"x")
    kfs.rename("/data/x", "/data/d/y")
    assert kfs.read_file("/data/d/y") == b"x"


@pytest.mark.parametrize("how", ["flag", "backend"])
def test_read_only_mounts_refuse_every_mutation(kfs: KernelFS, how: str) -> None:
    backend = MemoryFileSystem() if how == "flag" else ReadOnlyMemory()
    handle = backend.open("/f", WRITE)
    handle.pwrite(0, b"data")
    handle.close()
    backend.mkdir("/d")
    kfs.mount("/ro", backend, read_only=how == "flag")
    kfs.write_file("/elsewhere", b"")
    mutations: dict[str, Callable[[], object]] = {
        "open '/ro/new'": lambda: kfs.write_file("/ro/new", b""),
        "open '/ro/f'": lambda: kfs.open("/ro/f", OpenFlags(read=True, write=True)),
        "mkdir '/ro/x'": lambda: kfs.mkdir("/ro/x"),
        "rmdir '/ro/d'": lambda: kfs.rmdir("/ro/d"),
        "unlink '/ro/f'": lambda: kfs.unlink("/ro/f"),
        "rename '/ro/f' -> '/ro/g'": lambda: kfs.rename("/ro/f", "/ro/g"),
        "link '/ro/f' -> '/ro/g'": lambda: kfs.link("/ro/f", "/ro/g"),
        "symlink 'f' -> '/ro/s'": lambda: kfs.symlink("f", "/ro/s"),
        "chmod '/ro/f'": lambda: kfs.chmod("/ro/f", 0o600),
        "chown '/ro/f'": lambda: kfs.chown("/ro/f", 1, 1),
        "utime '/ro/f'": lambda: kfs.utimes("/ro/f", 0, 0),
        "copyfile '/elsewhere' -> '/ro/c'": lambda: kfs.copy_file("/elsewhere", "/ro/c"),
    }
    for context, action in mutations.items():
        assert str(error_of(action)) == f"EROFS: read-only file system, {context}"
    assert error_of(lambda: kfs.truncate("/ro/f", 0)).code == "EROFS"
    assert kfs.read_file("/ro/f") == b"data"
    assert [e.name for e in kfs.readdir("/ro")] == ["d", "f"]
    kfs.open("/ro/f", OpenFlags(read=True, create=True)).close()  # exists: no write needed
    kfs.copy_file("/ro/f", "/copy")
    assert kfs.read_file("/copy") == b"data"


def test_read_only_mount_checks_existence_first(kfs: KernelFS) -> None:
    kfs.mount("/ro", MemoryFileSystem(), read_only=True)
    assert error_of(lambda: kfs.unlink("/ro/missing")).code == "ENOENT"
    assert error_of(lambda: kfs.mkdir("/ro")).code == "EEXIST"


# -- the symlink walk -------------------------------------------------------------
def test_symlink_chain_of_40_resolves_and_41_is_eloop(kfs: KernelFS) -> None:
    kfs.write_file("/t0", b"end")
    for i in range(1, 42):
        kfs.symlink(f"t{i - 1}", f"/t{i}")
    assert kfs.read_file("/t40") == b"end"
    assert kfs.realpath("/t40") == "/t0"
    err = error_of(lambda: kfs.read_file("/t41"))
    assert str(err) == "ELOOP: too many symbolic links encountered, open '/t41'"
    assert kfs.stat("/t41", follow=False).is_symlink


def test_symlink_loops_are_eloop(kfs: KernelFS) -> None:
    kfs.symlink("loop2", "/loop1")
    kfs.symlink("/loop1", "/loop2")
    kfs.symlink("self", "/self")
    assert str(error_of(lambda: kfs.stat("/loop1"))) == "ELOOP: too many symbolic links encountered, stat '/loop1'"
    assert error_of(lambda: kfs.realpath("/self")).code == "ELOOP"
    assert error_of(lambda: kfs.read_file("/loop1/x")).code == "ELOOP"
    assert not kfs.exists("/loop1")
    assert kfs.stat("/loop1", follow=False).is_symlink


def test_loop_through_directories_is_eloop(kfs: KernelFS) -> None:
    kfs.mkdir("/d")
    kfs.symlink("../d/l", "/d/l")
    assert error_of(lambda: kfs.stat("/d/l/x")).code == "ELOOP"


def test_dangling_symlink(kfs: KernelFS) -> None:
    kfs.symlink("/nowhere", "/dang")
    assert str(error_of(lambda: kfs.stat("/dang"))) == "ENOENT: no such file or directory, stat '/dang'"
    assert kfs.stat("/dang", follow=False).is_symlink
    assert not kfs.exists("/dang")
    assert kfs.readlink("/dang") == "/nowhere"
    assert error_of(lambda: kfs.realpath("/dang")).code == "ENOENT"
    assert [e.kind for e in kfs.readdir("/")] == ["symlink"]


def test_open_create_through_a_dangling_symlink_creates_the_target(kfs: KernelFS) -> None:
    kfs.mkdir("/dir")
    kfs.symlink("dir/target", "/dang")
    kfs.write_file("/dang", b"made")
    assert kfs.read_file("/dir/target") == b"made"
    assert kfs.stat("/dang", follow=False).is_symlink


def test_open_create_through_a_dangling_symlink_into_a_mount(kfs: KernelFS) -> None:
    backend = MemoryFileSystem()
    kfs.mount("/data", backend)
    kfs.symlink("/data/new", "/link")
    kfs.write_file("/link", b"x")
    assert backend.lstat("/new").size == 1


def test_exclusive_create_on_a_dangling_symlink_is_eexist(kfs: KernelFS) -> None:
    kfs.symlink("/nowhere", "/dang")
    flags = OpenFlags(write=True, create=True, exclusive=True)
    assert str(error_of(lambda: kfs.open("/dang", flags))) == "EEXIST: file already exists, open '/dang'"
    assert not kfs.exists("/nowhere")


def test_nofollow_open_of_a_symlink_is_eloop(kfs: KernelFS) -> None:
    kfs.write_file("/f", b"x")
    kfs.symlink("f", "/l")
    assert error_of(lambda: kfs.open("/l", READ, nofollow=True)).code == "ELOOP"
    kfs.open("/f", READ, nofollow=True).close()


def test_symlink_to_a_file_in_a_directory_position_is_enotdir(kfs: KernelFS) -> None:
    kfs.write_file("/f", b"x")
    kfs.symlink("f", "/l")
    assert str(error_of(lambda: kfs.stat("/l/x"))) == "ENOTDIR: not a directory, stat '/l/x'"


def test_relative_symlink_resolves_from_its_directory(kfs: KernelFS) -> None:
    kfs.mkdir("/a/b", recursive=True)
    kfs.mkdir("/a/c")
    kfs.write_file("/a/c/f", b"found")
    kfs.symlink("../c/f", "/a/b/link")
    kfs.symlink("b/../c", "/a/dots")
    assert kfs.read_file("/a/b/link") == b"found"
    assert kfs.realpath("/a/b/link") == "/a/c/f"
    assert kfs.read_file("/a/dots/f") == b"found"


def test_dot_dot_after_a_symlink_applies_to_the_target(kfs: KernelFS) -> None:
    kfs.mkdir("/x/y/z", recursive=True)
    kfs.write_file("/x/y/sibling", b"s")
    kfs.symlink("/x/y/z", "/jump")
    # The kernel accepts un-normalised absolute paths and walks them like Linux does.
    assert kfs.realpath("/jump/..") == "/x/y"
    assert kfs.read_file("/jump/../sibling") == b"s"
    kfs.symlink("z/..", "/x/y/up")
    assert kfs.realpath("/x/y/up") == "/x/y"


def test_symlinks_cross_mounts_in_the_guest_namespace(kfs: KernelFS) -> None:
    data = MemoryFileSystem()
    kfs.mount("/data", data)
    kfs.write_file("/secret", b"guest root")
    handle = data.open("/secret", WRITE)
    handle.pwrite(0, b"backend root")
    handle.close()
    data.symlink("/secret", "/abs")
    data.symlink("../../../../secret", "/rel")
    # Both texts resolve against the guest's tree, never the backend's own root.
    assert kfs.read_file("/data/abs") == b"guest root"
    assert kfs.read_file("/data/rel") == b"guest root"
    assert kfs.realpath("/data/rel") == "/secret"
    kfs.symlink("data/secret", "/into")
    assert kfs.read_file("/into") == b"backend root"
    assert kfs.realpath("/into") == "/data/secret"


def test_symlink_to_a_mount_point_and_back_out(kfs: KernelFS) -> None:
    kfs.mount("/m", MemoryFileSystem())
    kfs.mkdir("/m/inner")
    kfs.symlink("/m", "/tom")
    kfs.symlink("..", "/m/inner/up")
    kfs.symlink("../..", "/m/inner/out")
    assert kfs.realpath("/tom/inner") == "/m/inner"
    assert kfs.realpath("/tom/inner/up") == "/m"
    assert kfs.realpath("/tom/inner/out") == "/"
    assert {e.name for e in kfs.readdir("/tom/inner/out")} == {"m", "tom"}


def test_readlink(kfs: KernelFS) -> None:
    kfs.write_file("/f", b"x")
    kfs.symlink("f", "/l")
    assert kfs.readlink("/l") == "f"
    assert str(error_of(lambda: kfs.readlink("/f"))) == "EINVAL: invalid argument, readlink '/f'"
    assert str(error_of(lambda: kfs.readlink("/nope"))) == "ENOENT: no such file or directory, readlink '/nope'"


def test_realpath_errors_name_their_syscall(kfs: KernelFS) -> None:
    assert str(error_of(lambda: kfs.realpath("/nope"))) == "ENOENT: no such file or directory, realpath '/nope'"
    err = error_of(lambda: kfs.realpath("/nope", syscall="lstat"))
    assert str(err) == "ENOENT: no such file or directory, lstat '/nope'"


def test_stat_syscall_override(kfs: KernelFS) -> None:
    err = error_of(lambda: kfs.stat("/nope", syscall="access"))
    assert str(err) == "ENOENT: no such file or directory, access '/nope'"
    assert error_of(lambda: kfs.stat("/nope", follow=False)).syscall == "lstat"


def test_walk_is_linear_for_deep_paths(kfs: KernelFS) -> None:
    deep = "/" + "/".join(f"d{i}" for i in range(60))
    assert kfs.mkdir(deep, recursive=True) == "/d0"
    kfs.write_file(deep + "/f", b"deep")
    assert kfs.read_file(deep + "/f") == b"deep"
    assert kfs.realpath(deep) == deep


# -- namespace --------------------------------------------------------------------
def test_mkdir_recursive_returns_the_first_created(kfs: KernelFS) -> None:
    assert kfs.mkdir("/a/b/c", recursive=True) == "/a"
    assert kfs.mkdir("/a/b/c", recursive=True) is None
    assert kfs.mkdir("/a/b/c/d/e", recursive=True) == "/a/b/c/d"
    assert kfs.stat("/a/b/c/d/e").is_dir


def test_mkdir_recursive_through_a_symlink_reports_the_given_path(kfs: KernelFS) -> None:
    kfs.mkdir("/real")
    kfs.symlink("real", "/ld")
    assert kfs.mkdir("/ld/x/y", recursive=True) == "/ld/x"
    assert kfs.stat("/real/x/y").is_dir


def test_mkdir_recursive_into_a_mount(kfs: KernelFS) -> None:
    backend = MemoryFileSystem()
    kfs.mount("/m", backend)
    assert kfs.mkdir("/m/p/q", recursive=True) == "/m/p"
    assert backend.lstat("/p/q").is_dir


def test_mkdir_errors(kfs: KernelFS) -> None:
    kfs.write_file("/f", b"x")
    kfs.mkdir("/d")
    assert str(error_of(lambda: kfs.mkdir("/d"))) == "EEXIST: file already exists, mkdir '/d'"
    assert str(error_of(lambda: kfs.mkdir("/x/y"))) == "ENOENT: no such file or directory, mkdir '/x/y'"
    assert str(error_of(lambda: kfs.mkdir("/f", recursive=True))) == "EEXIST: file already exists, mkdir '/f'"
    assert str(error_of(lambda: kfs.mkdir("/f/x/y", recursive=True))) == "ENOTDIR: not a directory, mkdir '/f/x/y'"
    assert str(error_of(lambda: kfs.mkdir("/f/x", recursive=True))) == "ENOTDIR: not a directory, mkdir '/f/x'"


def test_mkdir_over_a_dangling_symlink_is_eexist(kfs: KernelFS) -> None:
    kfs.symlink("/nowhere", "/dang")
    assert error_of(lambda: kfs.mkdir("/dang")).code == "EEXIST"


def test_umask_applies_to_created_modes(kfs: KernelFS) -> None:
    kfs.write_file("/f", b"")
    kfs.mkdir("/d")
    assert _stat.S_IMODE(kfs.stat("/f").mode) == 0o644
    assert _stat.S_IMODE(kfs.stat("/d").mode) == 0o755
    kfs.write_file("/private", b"", mode=0o600)
    assert _stat.S_IMODE(kfs.stat("/private").mode) == 0o600
    kfs.umask = 0o077
    kfs.mkdir("/closed")
    assert _stat.S_IMODE(kfs.stat("/closed").mode) == 0o700


def test_rm(kfs: KernelFS) -> None:
    kfs.mkdir("/keep")
    kfs.write_file("/keep/target", b"stays")
    kfs.mkdir("/t/a/b", recursive=True)
    kfs.write_file("/t/a/b/f", b"")
    kfs.write_file("/t/g", b"")
    kfs.symlink("/keep", "/t/link-to-dir")
    assert str(error_of(lambda: kfs.rm("/t"))) == "EISDIR: illegal operation on a directory, rm '/t'"
    kfs.rm("/t", recursive=True)
    assert not kfs.exists("/t")
    assert kfs.read_file("/keep/target") == b"stays"
    assert str(error_of(lambda: kfs.rm("/nope"))) == "ENOENT: no such file or directory, lstat '/nope'"
    kfs.rm("/nope", force=True)
    kfs.rm("/nope", recursive=True, force=True)
    kfs.write_file("/file", b"")
    kfs.rm("/file")
    assert not kfs.exists("/file")


def test_rm_of_a_symlink_removes_only_the_link(kfs: KernelFS) -> None:
    kfs.mkdir("/d")
    kfs.write_file("/d/f", b"")
    kfs.symlink("d", "/l")
    kfs.rm("/l", recursive=True)
    assert kfs.exists("/d/f")
    assert not kfs.exists("/l")


def test_rm_recursive_on_a_read_only_mount_is_erofs(kfs: KernelFS) -> None:
    backend = MemoryFileSystem()
    backend.mkdir("/d")
    kfs.mount("/ro", backend, read_only=True)
    assert error_of(lambda: kfs.rm("/ro/d", recursive=True)).code == "EROFS"


def test_unlink_and_rmdir_errors(kfs: KernelFS) -> None:
    kfs.mkdir("/d")
    kfs.write_file("/d/g", b"")
    kfs.write_file("/f", b"")
    kfs.symlink("d", "/ld")
    assert str(error_of(lambda: kfs.unlink("/d"))) == "EISDIR: illegal operation on a directory, unlink '/d'"
    assert str(error_of(lambda: kfs.rmdir("/d"))) == "ENOTEMPTY: directory not empty, rmdir '/d'"
    assert str(error_of(lambda: kfs.rmdir("/f"))) == "ENOTDIR: not a directory, rmdir '/f'"
    assert str(error_of(lambda: kfs.rmdir("/ld"))) == "ENOTDIR: not a directory, rmdir '/ld'"
    kfs.unlink("/ld")
    assert kfs.exists("/d/g")


def test_rename_errors_carry_both_paths(kfs: KernelFS) -> None:
    kfs.mkdir("/d")
    kfs.mkdir("/e")
    kfs.write_file("/d/g", b"")
    kfs.write_file("/f", b"")
    cases = {
        ("/nope", "/x"): "ENOENT: no such file or directory, rename '/nope' -> '/x'",
        ("/e", "/f"): "ENOTDIR: not a directory, rename '/e' -> '/f'",
        ("/f", "/e"): "EISDIR: illegal operation on a directory, rename '/f' -> '/e'",
        ("/d", "/d/sub"): "EINVAL: invalid argument, rename '/d' -> '/d/sub'",
        ("/e", "/d"): "ENOTEMPTY: directory not empty, rename '/e' -> '/d'",
    }
    for (old, new), message in cases.items():
        with pytest.raises(KernelError) as info:
            kfs.rename(old, new)
        assert str(info.value) == message


def test_rename_does_not_follow_symlinks(kfs: KernelFS) -> None:
    kfs.mkdir("/d")
    kfs.symlink("d", "/l")
    kfs.rename("/l", "/m")
    assert kfs.readlink("/m") == "d"
    assert kfs.stat("/d").is_dir


def test_link_and_symlink_errors(kfs: KernelFS) -> None:
    kfs.mkdir("/d")
    kfs.write_file("/f", b"")
    assert str(error_of(lambda: kfs.link("/d", "/dl"))) == "EPERM: operation not permitted, link '/d' -> '/dl'"
    assert str(error_of(lambda: kfs.link("/f", "/d"))) == "EEXIST: file already exists, link '/f' -> '/d'"
    assert str(error_of(lambda: kfs.symlink("x", "/f"))) == "EEXIST: file already exists, symlink 'x' -> '/f'"
    kfs.link("/f", "/f2")
    assert kfs.stat("/f").nlink == 2


def test_link_to_a_symlink_links_the_symlink(kfs: KernelFS) -> None:
    kfs.symlink("/nowhere", "/l")
    kfs.link("/l", "/l2")
    assert kfs.readlink("/l2") == "/nowhere"


# -- data --------------------------------------------------------------------------
def test_write_and_read_file(kfs: KernelFS) -> None:
    kfs.write_file("/deep/er/f.bin", bytes(range(256)), make_parents=True)
    assert kfs.read_file("/deep/er/f.bin") == bytes(range(256))
    big = b"x" * (3 << 20)
    kfs.write_file("/big", big)
    assert kfs.read_file("/big") == big
    kfs.write_file("/big", b"small")
    assert kfs.read_file("/big") == b"small"


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 200_000])
def test_read_file_sizes_around_the_chunk(kfs: KernelFS, size: int) -> None:
    data = bytes(i % 251 for i in range(size))
    kfs.write_file("/f", data)
    assert kfs.read_file("/f") == data


def test_read_file_errors(kfs: KernelFS) -> None:
    kfs.mkdir("/d")
    assert str(error_of(lambda: kfs.read_file("/nope"))) == "ENOENT: no such file or directory, open '/nope'"
    err = error_of(lambda: kfs.read_file("/d"))
    assert str(err) == "EISDIR: illegal operation on a directory, read"
    assert err.path is None
    assert str(error_of(lambda: kfs.write_file("/d", b""))) == "EISDIR: illegal operation on a directory, open '/d'"


def test_directories_open_for_reading(kfs: KernelFS) -> None:
    kfs.mkdir("/d")
    handle = kfs.open("/d", READ)
    try:
        assert handle.stat().is_dir
        with pytest.raises(KernelError) as info:
            handle.pread(0, 10)
        assert info.value.code == "EISDIR"
    finally:
        handle.close()


def test_truncate(kfs: KernelFS) -> None:
    kfs.write_file("/f", b"0123456789")
    kfs.truncate("/f", 4)
    assert kfs.read_file("/f") == b"0123"
    kfs.truncate("/f", 6)
    assert kfs.read_file("/f") == b"0123\0\0"
    assert str(error_of(lambda: kfs.truncate("/nope", 1))) == "ENOENT: no such file or directory, open '/nope'"


def test_copy_file(kfs: KernelFS) -> None:
    kfs.mount("/m", MemoryFileSystem())
    kfs.write_file("/src", b"payload" * 1000, mode=0o640)
    kfs.copy_file("/src", "/m/dst")
    assert kfs.read_file("/m/dst") == b"payload" * 1000
    assert _stat.S_IMODE(kfs.stat("/m/dst").mode) == 0o640
    kfs.write_file("/old", b"a much longer old content")
    kfs.copy_file("/src", "/old")
    assert kfs.read_file("/old") == b"payload" * 1000
    assert _stat.S_IMODE(kfs.stat("/old").mode) == 0o640
    kfs.copy_file("/src", "/src")
    assert kfs.read_file("/src") == b"payload" * 1000


def test_copy_file_errors(kfs: KernelFS) -> None:
    kfs.mkdir("/d")
    kfs.write_file("/d/g", b"")
    kfs.write_file("/f", b"")
    assert str(error_of(lambda: kfs.copy_file("/nope", "/x"))) == (
        "ENOENT: no such file or directory, copyfile '/nope' -> '/x'"
    )
    assert str(error_of(lambda: kfs.copy_file("/f", "/d/g", exclusive=True))) == (
        "EEXIST: file already exists, copyfile '/f' -> '/d/g'"
    )
    assert str(error_of(lambda: kfs.copy_file("/d", "/x"))) == (
        "EISDIR: illegal operation on a directory, copyfile '/d' -> '/x'"
    )
    assert str(error_of(lambda: kfs.copy_file("/f", "/d"))) == (
        "EISDIR: illegal operation on a directory, copyfile '/f' -> '/d'"
    )


def test_attributes_follow_or_not(kfs: KernelFS) -> None:
    kfs.write_file("/f", b"")
    kfs.symlink("f", "/l")
    kfs.chmod("/l", 0o600)
    assert _stat.S_IMODE(kfs.stat("/f").mode) == 0o600
    assert _stat.S_IMODE(kfs.stat("/l", follow=False).mode) == 0o777
    kfs.chown("/l", 5, 6, follow=False)
    assert (kfs.stat("/l", follow=False).uid, kfs.stat("/f").uid) == (5, 0)
    kfs.chown("/l", 7, 8)
    assert (kfs.stat("/f").uid, kfs.stat("/f").gid) == (7, 8)
    kfs.utimes("/l", 10**18, 2 * 10**18)
    assert kfs.stat("/f").mtime_ns == 2 * 10**18
    kfs.utimes("/l", 1, 2, follow=False)
    assert kfs.stat("/l", follow=False).mtime_ns == 2
    assert str(error_of(lambda: kfs.chmod("/nope", 0))) == "ENOENT: no such file or directory, chmod '/nope'"
    assert str(error_of(lambda: kfs.chown("/nope", 0, 0))) == "ENOENT: no such file or directory, chown '/nope'"
    assert str(error_of(lambda: kfs.utimes("/nope", 0, 0))) == "ENOENT: no such file or directory, utime '/nope'"
    assert error_of(lambda: kfs.chown("/nope", 0, 0, follow=False)).syscall == "lchown"


def test_statfs_routes_to_the_mount(kfs: KernelFS) -> None:
    kfs.mount("/small", MemoryFileSystem(max_bytes=1 << 20))
    assert kfs.statfs("/small")["blocks"] == 256
    assert kfs.statfs("/")["blocks"] > 256
    assert str(error_of(lambda: kfs.statfs("/nope"))) == "ENOENT: no such file or directory, statfs '/nope'"


def test_close_closes_each_backend_once(kfs: KernelFS) -> None:
    shared = ClosingMemory()
    kfs.mount("/a", shared)
    kfs.mount("/b", shared)
    kfs.close()
    assert shared.closed == 1


# -- host Node agrees on the wording ----------------------------------------------
#: name -> (Node call on absolute paths built by P(...), the same operation on KernelFS)
PARITY: dict[str, tuple[str, Callable[[KernelFS], object]]] = {
    "readFile-missing": ("fs.readFileSync(P('nope'))", lambda k: k.read_file("/nope")),
    "readFile-dir": ("fs.readFileSync(P('d'))", lambda k: k.read_file("/d")),
    "writeFile-dir": ("fs.writeFileSync(P('d'), 'x')", lambda k: k.write_file("/d", b"x")),
    "writeFile-below-file": ("fs.writeFileSync(P('f/x'), 'x')", lambda k: k.write_file("/f/x", b"x")),
    "open-wx": (
        "fs.openSync(P('f'), 'wx')",
        lambda k: k.open("/f", OpenFlags(write=True, create=True, exclusive=True)),
    ),
    "open-loop": ("fs.openSync(P('loop1'), 'r')", lambda k: k.open("/loop1", READ)),
    "open-chain41": ("fs.openSync(P('t41'), 'r')", lambda k: k.open("/t41", READ)),
    "stat-missing": ("fs.statSync(P('nope'))", lambda k: k.stat("/nope")),
    "stat-dangling": ("fs.statSync(P('dang'))", lambda k: k.stat("/dang")),
    "lstat-missing": ("fs.lstatSync(P('nope'))", lambda k: k.stat("/nope", follow=False)),
    "stat-below-file": ("fs.statSync(P('f/x'))", lambda k: k.stat("/f/x")),
    "stat-loop": ("fs.statSync(P('loop1'))", lambda k: k.stat("/loop1")),
    "readdir-file": ("fs.readdirSync(P('f'))", lambda k: k.readdir("/f")),
    "readdir-missing": ("fs.readdirSync(P('nope'))", lambda k: k.readdir("/nope")),
    "mkdir-exists": ("fs.mkdirSync(P('d'))", lambda k: k.mkdir("/d")),
    "mkdir-no-parent": ("fs.mkdirSync(P('x/y'))", lambda k: k.mkdir("/x/y")),
    "mkdirp-file": ("fs.mkdirSync(P('f'), {recursive: true})", lambda k: k.mkdir("/f", recursive=True)),
    "mkdirp-below-file": ("fs.mkdirSync(P('f/x/y'), {recursive: true})", lambda k: k.mkdir("/f/x/y", recursive=True)),
    "rmdir-not-empty": ("fs.rmdirSync(P('d'))", lambda k: k.rmdir("/d")),
    "rmdir-file": ("fs.rmdirSync(P('f'))", lambda k: k.rmdir("/f")),
    "rmdir-symlink": ("fs.rmdirSync(P('dang'))", lambda k: k.rmdir("/dang")),
    "rmdir-missing": ("fs.rmdirSync(P('nope'))", lambda k: k.rmdir("/nope")),
    "unlink-dir": ("fs.unlinkSync(P('d'))", lambda k: k.unlink("/d")),
    "unlink-missing": ("fs.unlinkSync(P('nope'))", lambda k: k.unlink("/nope")),
    "rename-missing": ("fs.renameSync(P('nope'), P('x'))", lambda k: k.rename("/nope", "/x")),
    "rename-dir-over-file": ("fs.renameSync(P('e'), P('f'))", lambda k: k.rename("/e", "/f")),
    "rename-file-over-dir": ("fs.renameSync(P('f'), P('e'))", lambda k: k.rename("/f", "/e")),
    "rename-into-self": ("fs.renameSync(P('d'), P('d/sub'))", lambda k: k.rename("/d", "/d/sub")),
    "rename-over-non-empty": ("fs.renameSync(P('e'), P('d'))", lambda k: k.rename("/e", "/d")),
    "link-dir": ("fs.linkSync(P('d'), P('dl'))", lambda k: k.link("/d", "/dl")),
    "link-exists": ("fs.linkSync(P('f'), P('d'))", lambda k: k.link("/f", "/d")),
    "link-missing": ("fs.linkSync(P('nope'), P('x'))", lambda k: k.link("/nope", "/x")),
    "symlink-exists": ("fs.symlinkSync('x', P('f'))", lambda k: k.symlink("x", "/f")),
    "readlink-file": ("fs.readlinkSync(P('f'))", lambda k: k.readlink("/f")),
    "readlink-missing": ("fs.readlinkSync(P('nope'))", lambda k: k.readlink("/nope")),
    "chmod-missing": ("fs.chmodSync(P('nope'), 0o644)", lambda k: k.chmod("/nope", 0o644)),
    "utimes-missing": ("fs.utimesSync(P('nope'), 1, 1)", lambda k: k.utimes("/nope", 1, 1)),
    "copy-missing": ("fs.copyFileSync(P('nope'), P('x'))", lambda k: k.copy_file("/nope", "/x")),
    "copy-excl": (
        "fs.copyFileSync(P('f'), P('d/g'), fs.constants.COPYFILE_EXCL)",
        lambda k: k.copy_file("/f", "/d/g", exclusive=True),
    ),
    "copy-dir": ("fs.copyFileSync(P('d'), P('x'))", lambda k: k.copy_file("/d", "/x")),
    "copy-to-dir": ("fs.copyFileSync(P('f'), P('d'))", lambda k: k.copy_file("/f", "/d")),
    "truncate-missing": ("fs.truncateSync(P('nope'), 1)", lambda k: k.truncate("/nope", 1)),
    "realpath-missing": ("fs.realpathSync.native(P('nope'))", lambda k: k.realpath("/nope")),
    "realpath-loop": ("fs.realpathSync.native(P('loop1'))", lambda k: k.realpath("/loop1")),
    "rm-missing": ("fs.rmSync(P('nope'))", lambda k: k.rm("/nope")),
    "statfs-missing": ("fs.statfsSync(P('nope'))", lambda k: k.statfs("/nope")),
}

SETUP_JS = """
const fs = require('fs');
const R = process.cwd();
const P = (p) => R + '/' + p;
fs.writeFileSync(P('f'), 'x'); fs.mkdirSync(P('d')); fs.writeFileSync(P('d/g'), 'y'); fs.mkdirSync(P('e'));
fs.symlinkSync('loop2', P('loop1')); fs.symlinkSync('loop1', P('loop2')); fs.symlinkSync('nowhere', P('dang'));
fs.writeFileSync(P('t0'), 'end');
for (let i = 1; i <= 41; i++) fs.symlinkSync('t' + (i - 1), P('t' + i));
"""


def _kernel_like_node_setup() -> KernelFS:
    k = KernelFS(MemoryFileSystem())
    k.write_file("/f", b"x")
    k.mkdir("/d")
    k.write_file("/d/g", b"y")
    k.mkdir("/e")
    k.symlink("loop2", "/loop1")
    k.symlink("loop1", "/loop2")
    k.symlink("nowhere", "/dang")
    k.write_file("/t0", b"end")
    for i in range(1, 42):
        k.symlink(f"t{i - 1}", f"/t{i}")
    return k


def test_error_messages_match_host_node(node_bin: str, tmp_path: Path) -> None:
    calls = ",\n".join(f"  [{json.dumps(name)}, () => {call}]" for name, (call, _) in PARITY.items())
    script = (
        SETUP_JS
        + f"""
const out = {{}};
for (const [name, f] of [
{calls}
]) {{
  try {{ f(); out[name] = null; }}
  catch (e) {{ out[name] = [e.code, e.syscall, e.message.split(R).join('')]; }}
}}
console.log(JSON.stringify(out));
"""
    )
    work = tmp_path / "root"
    work.mkdir()
    (tmp_path / "t.js").write_text(script)
    proc = subprocess.run([node_bin, str(tmp_path / "t.js")], cwd=work, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    node = json.loads(proc.stdout)
    mismatches = {}
    for name, (_, action) in PARITY.items():
        kernel = _kernel_like_node_setup()
        try:
            action(kernel)
            ours = None
        except KernelError as err:
            ours = [err.code, err.syscall, str(err)]
        if ours != node[name]:
            mismatches[name] = {"node": node[name], "kernel": ours}
    assert mismatches == {}
