"""NodeModulesOverlay: package-manager layouts resolve, everything else fails closed.

The conformance suite assumes a writable backend, so the overlay's reads are
tested here directly, over host layouts built by hand in `tmp_path` (npm flat,
scoped packages, pnpm's virtual store, npm workspaces), and through a real
`KernelFS` with the overlay mounted at `/app/node_modules`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from secure_exec._kernel._filesystem import KernelFS
from secure_exec.vfs import KernelError, MemoryFileSystem, NodeModulesOverlay, OpenFlags

READ = OpenFlags()
GUEST_PASSWD = b"guest passwd\n"
OUT_OF_SCOPE = "ERR_MODULE_ACCESS_OUT_OF_SCOPE: resolved path for '{}' escapes allowed overlay roots"
NATIVE = "ERR_MODULE_ACCESS_NATIVE_ADDON: native addon '{}' is not supported for module overlay"


def error_of(fn: object, *args: object) -> KernelError:
    assert callable(fn)
    with pytest.raises(KernelError) as info:
        fn(*args)
    return info.value


def read_all(fs: NodeModulesOverlay, path: str) -> bytes:
    handle = fs.open(path, READ)
    try:
        return handle.pread(0, 1 << 20)
    finally:
        handle.close()


def package(directory: Path, name: str, *, main: str = "index.js") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "package.json").write_text(f'{{"name": "{name}", "main": "{main}"}}')
    (directory / main).write_text(f"module.exports = {name!r};\n")
    return directory


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A host project whose node_modules mixes every layout and every abuse."""
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "package.json").write_text('{"name": "root", "private": true}')
    (proj / ".env").write_text("SECRET=hunter2\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_text("host secret\n")
    package(tmp_path / "file-dep", "file-dep")
    package(tmp_path / "unlinked", "unlinked")

    # npm workspaces: packages linked from node_modules
    pkg_a = package(proj / "packages" / "pkg-a", "pkg-a")
    (pkg_a / "build").mkdir()
    (pkg_a / "build" / "addon.node").write_bytes(b"\x7fELF")
    os.symlink("build/addon.node", pkg_a / "prebuilt")
    os.symlink("/etc/passwd", pkg_a / "secret_link")
    (pkg_a / "node_modules").mkdir()
    os.symlink("../../pkg-c", pkg_a / "node_modules" / "pkg-c")
    os.symlink("../../../node_modules/lodash", pkg_a / "node_modules" / "lodash")
    package(proj / "packages" / "pkg-b", "pkg-b")
    package(proj / "packages" / "pkg-c", "pkg-c")

    nm = proj / "node_modules"
    package(nm / "lodash", "lodash")
    os.symlink("/etc/passwd", nm / "lodash" / "leak.js")
    package(nm / "@scope" / "pkg", "@scope/pkg")
    os.symlink("../../packages/pkg-b", nm / "@scope" / "linked")
    os.symlink("../packages/pkg-a", nm / "pkg-a")
    (nm / ".bin").mkdir()
    os.symlink("../lodash/index.js", nm / ".bin" / "tool")
    os.symlink(str(nm / "lodash"), nm / "abs_inside")
    # pnpm's virtual store
    package(nm / ".pnpm" / "foo@1.0.0" / "node_modules" / "foo", "foo")
    package(nm / ".pnpm" / "bar@2.0.0" / "node_modules" / "bar", "bar")
    os.symlink("../../bar@2.0.0/node_modules/bar", nm / ".pnpm" / "foo@1.0.0" / "node_modules" / "bar")
    (nm / ".pnpm" / "node_modules").mkdir()
    os.symlink("../bar@2.0.0/node_modules/bar", nm / ".pnpm" / "node_modules" / "bar")
    os.symlink(".pnpm/foo@1.0.0/node_modules/foo", nm / "foo")
    # a native addon
    package(nm / "addon", "addon")
    (nm / "addon" / "build" / "Release").mkdir(parents=True)
    (nm / "addon" / "build" / "Release" / "addon.node").write_bytes(b"\x7fELF")
    # escapes
    os.symlink("/etc", nm / "evil_etc")
    os.symlink(str(outside), nm / "evil_tmp")
    os.symlink(str(outside / "secret"), nm / "evil_file")
    os.symlink("..", nm / "self")
    os.symlink("../../file-dep", nm / "file-dep")  # npm's `file:../file-dep` dependency
    os.symlink("../nowhere", nm / "dangling")
    return proj


@pytest.fixture
def overlay(project: Path) -> Iterator[NodeModulesOverlay]:
    backend = NodeModulesOverlay(project / "node_modules")
    try:
        yield backend
    finally:
        backend.close()


@pytest.fixture
def kernel(project: Path) -> Iterator[KernelFS]:
    kfs = KernelFS(MemoryFileSystem())
    kfs.mkdir("/etc")
    kfs.write_file("/etc/passwd", GUEST_PASSWD)
    kfs.mount("/app/node_modules", NodeModulesOverlay(project / "node_modules"))
    try:
        yield kfs
    finally:
        kfs.close()


class TestLayouts:
    def test_npm_flat_and_scoped_packages(self, overlay: NodeModulesOverlay) -> None:
        assert overlay.lstat("/lodash").is_dir
        assert read_all(overlay, "/lodash/index.js") == b"module.exports = 'lodash';\n"
        assert read_all(overlay, "/@scope/pkg/package.json").startswith(b'{"name": "@scope/pkg"')
        names = [entry.name for entry in overlay.readdir("/")]
        assert names == sorted(names)
        assert {"lodash", "@scope", ".pnpm", "pkg-a", "addon"} <= set(names)

    def test_allowed_roots_are_scanned_at_construction(self, overlay: NodeModulesOverlay, project: Path) -> None:
        main = str(project / "node_modules")
        assert overlay.allowed_roots[0] == main
        assert sorted(overlay.allowed_roots[1:]) == sorted(
            [str(project / "packages" / "pkg-a"), str(project / "packages" / "pkg-b"), str(project.parent / "file-dep")]
        )
        assert str(project.parent / "unlinked") not in overlay.allowed_roots

    def test_pnpm_links_are_relative_and_stay_in_the_mount(self, overlay: NodeModulesOverlay) -> None:
        assert overlay.lstat("/foo").is_symlink
        assert overlay.readlink("/foo") == ".pnpm/foo@1.0.0/node_modules/foo"
        assert overlay.readlink("/.pnpm/foo@1.0.0/node_modules/bar") == "../../bar@2.0.0/node_modules/bar"
        assert overlay.readlink("/.pnpm/node_modules/bar") == "../bar@2.0.0/node_modules/bar"
        assert overlay.lstat("/foo").size == len(".pnpm/foo@1.0.0/node_modules/foo")
        assert {e.name: e.kind for e in overlay.readdir("/")}["foo"] == "symlink"

    def test_absolute_host_link_inside_is_shown_relative(self, overlay: NodeModulesOverlay) -> None:
        assert overlay.readlink("/abs_inside") == "lodash"
        assert overlay.readlink("/.bin/tool") == "../lodash/index.js"

    def test_pnpm_through_the_kernel_has_realpath_semantics(self, kernel: KernelFS) -> None:
        foo = "/app/node_modules/.pnpm/foo@1.0.0/node_modules/foo"
        assert kernel.realpath("/app/node_modules/foo") == foo
        assert kernel.read_file("/app/node_modules/foo/index.js") == b"module.exports = 'foo';\n"
        # foo's dependency resolves next to foo's real directory, as Node's resolver walks it
        bar = kernel.realpath("/app/node_modules/.pnpm/foo@1.0.0/node_modules/bar")
        assert bar == "/app/node_modules/.pnpm/bar@2.0.0/node_modules/bar"
        assert kernel.read_file(bar + "/index.js") == b"module.exports = 'bar';\n"
        assert kernel.realpath("/app/node_modules/abs_inside/index.js") == "/app/node_modules/lodash/index.js"

    def test_npm_workspace_link_is_transparent(self, overlay: NodeModulesOverlay) -> None:
        assert overlay.lstat("/pkg-a").is_dir
        assert {e.name: e.kind for e in overlay.readdir("/")}["pkg-a"] == "dir"
        assert read_all(overlay, "/pkg-a/index.js") == b"module.exports = 'pkg-a';\n"
        assert {"package.json", "index.js", "build"} <= {e.name for e in overlay.readdir("/pkg-a")}
        assert read_all(overlay, "/@scope/linked/index.js") == b"module.exports = 'pkg-b';\n"
        assert error_of(overlay.readlink, "/pkg-a").code == "EINVAL"

    def test_workspace_through_the_kernel(self, kernel: KernelFS) -> None:
        assert kernel.realpath("/app/node_modules/pkg-a/index.js") == "/app/node_modules/pkg-a/index.js"
        assert kernel.read_file("/app/node_modules/pkg-a/package.json").startswith(b'{"name": "pkg-a"')
        # a link in the workspace package back into node_modules is shown relative to the guest path
        assert kernel.readlink("/app/node_modules/pkg-a/node_modules/lodash") == "../../lodash"
        assert kernel.realpath("/app/node_modules/pkg-a/node_modules/lodash") == "/app/node_modules/lodash"

    def test_file_dependency_outside_the_project(self, overlay: NodeModulesOverlay) -> None:
        assert overlay.lstat("/file-dep").is_dir
        assert read_all(overlay, "/file-dep/index.js") == b"module.exports = 'file-dep';\n"

    def test_workspace_links_between_packages_are_adopted_lazily(
        self, overlay: NodeModulesOverlay, project: Path
    ) -> None:
        pkg_c = str(project / "packages" / "pkg-c")
        assert pkg_c not in overlay.allowed_roots
        assert read_all(overlay, "/pkg-a/node_modules/pkg-c/index.js") == b"module.exports = 'pkg-c';\n"
        assert pkg_c in overlay.allowed_roots

    def test_lstat_mode_agrees_with_lstat(self, overlay: NodeModulesOverlay) -> None:
        for path in ("/", "/lodash", "/foo", "/pkg-a", "/pkg-a/prebuilt", "/lodash/index.js", "/.bin/tool"):
            assert overlay.lstat_mode(path) == overlay.lstat(path).mode, path
        for path in ("/evil_etc", "/lodash/leak.js"):
            assert error_of(overlay.lstat_mode, path).detail == OUT_OF_SCOPE.format("/app/node_modules" + path)
        assert error_of(overlay.lstat_mode, "/nope").code == "ENOENT"
        assert error_of(overlay.lstat_mode, "/lodash/index.js/x").code == "ENOTDIR"

    def test_missing_node_modules_is_an_empty_directory(self, tmp_path: Path) -> None:
        empty = NodeModulesOverlay(tmp_path / "no" / "node_modules")
        try:
            assert empty.lstat("/").is_dir
            assert empty.lstat_mode("/") == empty.lstat("/").mode
            assert empty.readdir("/") == []
            assert error_of(empty.lstat, "/lodash").code == "ENOENT"
            assert error_of(empty.open, "/x.js", READ).code == "ENOENT"
            handle = empty.open("/", OpenFlags(directory=True))
            assert handle.stat().is_dir
            handle.close()
            assert error_of(empty.mkdir, "/x").code == "EACCES"
            assert empty.allowed_roots == []
        finally:
            empty.close()
        kfs = KernelFS(MemoryFileSystem())
        kfs.mount("/app/node_modules", NodeModulesOverlay(tmp_path / "missing"))
        try:
            assert kfs.readdir("/app/node_modules") == []
            assert error_of(kfs.write_file, "/app/node_modules/x.js", b"").code == "EACCES"
        finally:
            kfs.close()


class TestConfinement:
    ESCAPES = ("/evil_etc", "/evil_tmp", "/evil_file", "/self", "/dangling")

    def test_links_out_of_every_root_fail_closed(self, overlay: NodeModulesOverlay) -> None:
        for path in self.ESCAPES:
            err = error_of(overlay.lstat, path)
            assert err.code == "EACCES", path
            assert err.detail == OUT_OF_SCOPE.format("/app/node_modules" + path)
            assert error_of(overlay.readlink, path).code == "EACCES"
        for path in ("/evil_etc/passwd", "/evil_tmp/secret", "/self/.env", "/self/node_modules/lodash/index.js"):
            assert error_of(overlay.open, path, READ).detail == OUT_OF_SCOPE.format("/app/node_modules" + path)
            assert error_of(overlay.lstat, path).code == "EACCES"
        assert error_of(overlay.readdir, "/evil_etc").code == "EACCES"
        assert error_of(overlay.open, "/evil_file", READ).code == "EACCES"

    def test_escaping_links_are_listed_as_symlinks(self, overlay: NodeModulesOverlay) -> None:
        kinds = {entry.name: entry.kind for entry in overlay.readdir("/")}
        for path in self.ESCAPES:
            assert kinds[path[1:]] == "symlink"

    def test_file_links_inside_packages_are_checked_too(self, overlay: NodeModulesOverlay) -> None:
        for path in ("/lodash/leak.js", "/pkg-a/secret_link"):
            err = error_of(overlay.open, path, READ)
            assert err.detail == OUT_OF_SCOPE.format("/app/node_modules" + path)

    def test_etc_passwd_through_every_path_form(self, kernel: KernelFS) -> None:
        from secure_exec._kernel._paths import normalize

        for form in (
            "/app/node_modules/../../etc/passwd",
            "/app/node_modules/lodash/../../../etc/passwd",
            "/app/node_modules/foo/../../../etc/passwd",
        ):
            assert kernel.read_file(normalize(form)) == GUEST_PASSWD, form
        for form in (
            "/app/node_modules/evil_etc/passwd",
            "/app/node_modules/lodash/leak.js",
            "/app/node_modules/pkg-a/secret_link",
            "/app/node_modules/self/packages/pkg-a/index.js",
        ):
            err = error_of(kernel.read_file, normalize(form))
            assert err.code == "EACCES", form
            assert "ERR_MODULE_ACCESS_OUT_OF_SCOPE" in str(err)

    def test_kernel_message_names_the_guest_path(self, kernel: KernelFS) -> None:
        err = error_of(kernel.read_file, "/app/node_modules/lodash/leak.js")
        assert str(err) == (
            "EACCES: permission denied, open '/app/node_modules/lodash/leak.js': "
            + OUT_OF_SCOPE.format("/app/node_modules/lodash/leak.js")
        )
        assert err.to_payload()["detail"] == OUT_OF_SCOPE.format("/app/node_modules/lodash/leak.js")

    def test_directory_swapped_for_a_link_after_construction(self, overlay: NodeModulesOverlay, project: Path) -> None:
        lodash = project / "node_modules" / "lodash"
        assert read_all(overlay, "/lodash/index.js")
        lodash.rename(project / "old-lodash")
        os.symlink("/etc", lodash)
        assert error_of(overlay.lstat, "/lodash").code == "EACCES"
        assert error_of(overlay.open, "/lodash/passwd", READ).code == "EACCES"
        assert error_of(overlay.readdir, "/lodash").code == "EACCES"

    def test_workspace_root_swapped_for_a_link_after_construction(
        self, overlay: NodeModulesOverlay, project: Path
    ) -> None:
        pkg_b = project / "packages" / "pkg-b"
        assert read_all(overlay, "/@scope/linked/index.js")
        (pkg_b / "index.js").unlink()
        os.symlink("/etc/passwd", pkg_b / "index.js")
        assert error_of(overlay.open, "/@scope/linked/index.js", READ).code == "EACCES"

    def test_guest_root_names_the_mount(self, project: Path) -> None:
        backend = NodeModulesOverlay(project / "node_modules", guest_root="/root/node_modules/")
        try:
            assert error_of(backend.lstat, "/evil_etc").detail == OUT_OF_SCOPE.format("/root/node_modules/evil_etc")
        finally:
            backend.close()

    def test_no_descriptor_leaks(self, overlay: NodeModulesOverlay) -> None:
        before = len(os.listdir("/proc/self/fd"))
        for _ in range(10):
            read_all(overlay, "/pkg-a/index.js")
            read_all(overlay, "/@scope/linked/index.js")
            overlay.readdir("/pkg-a")
            overlay.readdir("/")
            overlay.lstat("/foo")
            for path in ("/evil_etc/passwd", "/lodash/leak.js", "/addon/build/Release/addon.node", "/nope/x"):
                with pytest.raises(KernelError):
                    read_all(overlay, path)
        # the extra roots' descriptors stay open while the overlay lives (one per root)
        assert len(os.listdir("/proc/self/fd")) <= before + len(overlay.allowed_roots)


class TestNativeAddons:
    def test_open_of_a_node_file_is_refused(self, overlay: NodeModulesOverlay) -> None:
        path = "/addon/build/Release/addon.node"
        err = error_of(overlay.open, path, READ)
        assert err.code == "EACCES"
        assert err.detail == NATIVE.format("/app/node_modules" + path)

    def test_lstat_and_readdir_still_work(self, overlay: NodeModulesOverlay) -> None:
        assert overlay.lstat("/addon/build/Release/addon.node").is_file
        assert [e.name for e in overlay.readdir("/addon/build/Release")] == ["addon.node"]

    def test_canonical_path_ending_in_node_is_refused(self, overlay: NodeModulesOverlay) -> None:
        assert overlay.lstat("/pkg-a/prebuilt").is_file  # a link inside a workspace package: transparent
        err = error_of(overlay.open, "/pkg-a/prebuilt", READ)
        assert err.detail == NATIVE.format("/app/node_modules/pkg-a/prebuilt")

    def test_through_the_kernel(self, kernel: KernelFS) -> None:
        err = error_of(kernel.read_file, "/app/node_modules/addon/build/Release/addon.node")
        assert "ERR_MODULE_ACCESS_NATIVE_ADDON" in str(err)
        assert kernel.stat("/app/node_modules/addon/build/Release/addon.node").is_file


class TestWritesAreEacces:
    def test_every_mutation(self, overlay: NodeModulesOverlay, project: Path) -> None:
        calls: list[tuple[object, ...]] = [
            (overlay.open, "/lodash/index.js", OpenFlags(read=True, write=True)),
            (overlay.open, "/lodash/index.js", OpenFlags(read=False, write=True, truncate=True)),
            (overlay.open, "/lodash/index.js", OpenFlags(write=True, append=True)),
            (overlay.open, "/lodash/new.js", OpenFlags(write=True, create=True)),
            (overlay.open, "/lodash/index.js", OpenFlags(create=True)),
            (overlay.mkdir, "/new"),
            (overlay.rmdir, "/@scope"),
            (overlay.unlink, "/lodash/index.js"),
            (overlay.rename, "/lodash", "/lodash2"),
            (overlay.symlink, "/etc", "/l"),
            (overlay.link, "/lodash/index.js", "/hard"),
            (overlay.chmod, "/lodash/index.js", 0o777),
            (overlay.chown, "/lodash/index.js", 0, 0),
            (overlay.utimes, "/lodash/index.js", 0, 0),
        ]
        for fn, *args in calls:
            assert error_of(fn, *args).code == "EACCES", (fn, args)
        assert overlay.read_only is False
        assert (project / "node_modules" / "lodash" / "index.js").read_text() == "module.exports = 'lodash';\n"
        assert not (project / "node_modules" / "new").exists()

    def test_through_the_kernel(self, kernel: KernelFS) -> None:
        err = error_of(kernel.write_file, "/app/node_modules/lodash/index.js", b"pwned")
        assert str(err) == "EACCES: permission denied, open '/app/node_modules/lodash/index.js'"
        for fn, args in (
            (kernel.write_file, ("/app/node_modules/new.js", b"")),
            (kernel.mkdir, ("/app/node_modules/x",)),
            (kernel.unlink, ("/app/node_modules/lodash/index.js",)),
            (kernel.rename, ("/app/node_modules/lodash/index.js", "/app/node_modules/lodash/x.js")),
            (kernel.symlink, ("/etc/passwd", "/app/node_modules/l")),
            (kernel.chmod, ("/app/node_modules/lodash/index.js", 0o777)),
        ):
            assert error_of(fn, *args).code == "EACCES", fn
        assert error_of(kernel.rename, "/app/node_modules/lodash/index.js", "/stolen.js").code == "EXDEV"
        kernel.copy_file("/app/node_modules/lodash/index.js", "/copy.js")  # reading out is fine
        assert kernel.read_file("/copy.js") == b"module.exports = 'lodash';\n"
