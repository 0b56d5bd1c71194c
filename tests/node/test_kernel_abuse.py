"""Abuse of the kernel from guest code: escapes, overlay writes, addons, denials, env leaks, sizes.

Every test runs real JavaScript in the sandbox against real host directories.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from secure_exec import ConfigurationError, KernelError, Mount, NodeRuntime
from secure_exec.permissions import Decision, FsRequest, Permissions, Rule, RuleSet

# Every spelling of the host's /etc/passwd a guest might try.
PASSWD_FORMS = [
    "/etc/passwd",
    "/../../../etc/passwd",
    "/root/../etc/passwd",
    "//etc//passwd",
    "/etc/./passwd",
    "../../../../../../etc/passwd",
    "/data/../../etc/passwd",
    "/data/escape/passwd",
    "/data/rel-escape/etc/passwd",
    "/app/node_modules/../../etc/passwd",
    "/app/node_modules/evil-link/passwd",
]

PROBE = """
const fs = require('fs');
const out = {};
for (const p of PATHS) {
  try { out[p] = 'READ ' + fs.readFileSync(p, 'utf8').slice(0, 20); }
  catch (e) { out[p] = e.code; }
}
console.log(JSON.stringify(out));
"""


@pytest.fixture
def host_tree(tmp_path: Path) -> Path:
    """A host directory to mount, with symlinks that point out of it, and a project."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "report.txt").write_text("quarterly numbers\n")
    (data / "escape").symlink_to("/etc")
    (data / "rel-escape").symlink_to("../../../../../../..")
    project = tmp_path / "project"
    nm = project / "node_modules"
    (nm / "pkg").mkdir(parents=True)
    (nm / "pkg" / "package.json").write_text('{"name": "pkg", "main": "index.js"}')
    (nm / "pkg" / "index.js").write_text("module.exports = 'pkg ok';")
    (nm / "addon" / "build").mkdir(parents=True)
    (nm / "addon" / "package.json").write_text('{"name": "addon", "main": "build/addon.node"}')
    (nm / "addon" / "build" / "addon.node").write_bytes(b"\x7fELF not really")
    (nm / "evil-link").symlink_to("/etc")
    return tmp_path


async def test_no_spelling_of_etc_passwd_reaches_the_host(host_tree: Path) -> None:
    async with await NodeRuntime.create(
        mounts=[Mount(guest_path="/data", host_path=host_tree / "data")],
        module_access_cwd=str(host_tree / "project"),
    ) as rt:
        r = await rt.exec(PROBE.replace("PATHS", json.dumps(PASSWD_FORMS)))
    assert r.exit_code == 0, r.stderr
    results = json.loads(r.stdout)
    assert set(results) == set(PASSWD_FORMS)
    assert not any(v.startswith("READ") for v in results.values()), results
    assert results["/app/node_modules/evil-link/passwd"] == "EACCES"  # out of the overlay's roots


async def test_a_guest_file_named_etc_passwd_is_the_guests_own() -> None:
    async with await NodeRuntime.create(files={"/etc/passwd": "guest:x:0:0::/root:/bin/sh\n"}) as rt:
        r = await rt.exec(PROBE.replace("PATHS", json.dumps(["/etc/passwd", "/root/../../etc/passwd"])))
    assert json.loads(r.stdout) == {
        "/etc/passwd": "READ guest:x:0:0::/root:/",
        "/root/../../etc/passwd": "READ guest:x:0:0::/root:/",
    }


async def test_mounts_are_read_only_unless_asked(host_tree: Path) -> None:
    data = host_tree / "data"
    async with await NodeRuntime.create(
        mounts=[Mount(guest_path="/ro", host_path=data), Mount(guest_path="/rw", host_path=data, read_only=False)]
    ) as rt:
        r = await rt.exec(
            """
const fs = require('fs');
console.log(fs.readFileSync('/ro/report.txt', 'utf8').trim());
try { fs.writeFileSync('/ro/new.txt', 'x'); } catch (e) { console.log(e.code, e.syscall, e.message); }
try { fs.unlinkSync('/ro/report.txt'); } catch (e) { console.log(e.code); }
try { fs.renameSync('/ro/report.txt', '/root/r.txt'); } catch (e) { console.log(e.code); }
fs.writeFileSync('/rw/written.txt', 'from the guest');
try { fs.renameSync('/rw/written.txt', '/root/moved.txt'); } catch (e) { console.log(e.code, e.message); }
"""
        )
    assert r.stdout.splitlines() == [
        "quarterly numbers",
        "EROFS open EROFS: read-only file system, open '/ro/new.txt'",
        "EROFS",
        "EXDEV",
        "EXDEV EXDEV: cross-device link not permitted, rename '/rw/written.txt' -> '/root/moved.txt'",
    ], r.stderr
    assert (data / "written.txt").read_text() == "from the guest"
    assert not (data / "new.txt").exists() and (data / "report.txt").exists()


async def test_the_overlay_is_read_only_and_refuses_native_addons(host_tree: Path) -> None:
    project = host_tree / "project"
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    async with await NodeRuntime.create(module_access_cwd=str(project)) as rt:
        r = await rt.exec(
            """
const fs = require('fs');
console.log(require('pkg'));
for (const f of [
  () => fs.writeFileSync('/app/node_modules/pkg/index.js', 'hacked'),
  () => fs.appendFileSync('/app/node_modules/pkg/index.js', 'hacked'),
  () => fs.mkdirSync('/app/node_modules/new'),
  () => fs.unlinkSync('/app/node_modules/pkg/index.js'),
  () => fs.rmSync('/app/node_modules/pkg', { recursive: true, force: true }),
  () => fs.renameSync('/app/node_modules/pkg', '/app/node_modules/pkg2'),
  () => fs.symlinkSync('/etc', '/app/node_modules/link'),
  () => fs.chmodSync('/app/node_modules/pkg/index.js', 0o777),
]) {
  try { f(); console.log('WROTE'); } catch (e) { console.log(e.code); }
}
try { require('addon'); } catch (e) { console.log(e.code, e.message); }
try { fs.readFileSync('/app/node_modules/addon/build/addon.node'); } catch (e) { console.log(e.code, e.message); }
"""
        )
    lines = r.stdout.splitlines()
    assert lines[0] == "pkg ok", r.stderr
    assert lines[1:9] == ["EACCES"] * 8
    assert lines[9].startswith("ERR_MODULE_ACCESS_NATIVE_ADDON") and "addon.node" in lines[9]
    assert lines[10].startswith("EACCES") and "ERR_MODULE_ACCESS_NATIVE_ADDON" in lines[10]
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == before
    assert (project / "node_modules" / "pkg" / "index.js").read_text() == "module.exports = 'pkg ok';"


async def test_a_denying_permission_callable_gives_eacces_with_its_reason() -> None:
    seen: list[FsRequest] = []

    def policy(request: FsRequest) -> Decision:
        seen.append(request)
        if request.path.startswith("/secret"):
            return Decision(False, "secrets are off limits")
        return Decision(True)

    async with await NodeRuntime.create(
        files={"/secret/key.txt": "k", "/root/ok.txt": "fine"}, permissions=Permissions(fs=policy)
    ) as rt:
        r = await rt.exec(
            """
const fs = require('fs');
console.log(fs.readFileSync('/root/ok.txt', 'utf8'));
for (const p of ['/secret/key.txt', '/root/../secret//key.txt', '../secret/./key.txt']) {
  try { fs.readFileSync(p); } catch (e) { console.log(e.code, e.syscall, e.path, '|', e.message); }
}
try { fs.renameSync('/root/ok.txt', '/secret/moved.txt'); } catch (e) { console.log(e.code, e.message); }
fs.promises.readFile('/secret/key.txt').catch((e) => console.log('async', e.code));
"""
        )
    assert r.stdout.splitlines() == [
        "fine",
        "EACCES open /secret/key.txt | EACCES: permission denied, open '/secret/key.txt': secrets are off limits",
        "EACCES open /root/../secret//key.txt | EACCES: permission denied, open '/root/../secret//key.txt': "
        "secrets are off limits",
        "EACCES open ../secret/./key.txt | EACCES: permission denied, open '../secret/./key.txt': "
        "secrets are off limits",
        # rename checks both paths; the denial names the one refused.
        "EACCES EACCES: permission denied, rename '/secret/moved.txt': secrets are off limits",
        "async EACCES",
    ], r.stderr
    # The policy saw normalised paths only.
    assert {req.path for req in seen if req.path.startswith("/secret")} == {"/secret/key.txt", "/secret/moved.txt"}


async def test_rule_sets_allow_only_what_they_name() -> None:
    rules = RuleSet(default="deny", rules=[Rule(mode="allow", operations=["read", "stat"], paths=["/data/**"])])
    async with await NodeRuntime.create(
        files={"/data/a.txt": "a", "/root/b.txt": "b"}, permissions=Permissions(fs=rules)
    ) as rt:
        r = await rt.exec(
            """
const fs = require('fs');
console.log(fs.readFileSync('/data/a.txt', 'utf8'), fs.statSync('/data/a.txt').size);
for (const f of [() => fs.readFileSync('/root/b.txt'), () => fs.writeFileSync('/data/a.txt', 'x')]) {
  try { f(); } catch (e) { console.log(e.code, e.syscall); }
}
"""
        )
    assert r.stdout.splitlines() == ["a 1", "EACCES open", "EACCES open"], r.stderr


async def test_the_host_environment_never_reaches_the_guest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECURE_EXEC_TEST_SECRET", "hunter2")
    async with await NodeRuntime.create(env={"VISIBLE": "yes", "HIDDEN": "no"}) as rt:
        r = await rt.exec("console.log(JSON.stringify(process.env))")
        assert json.loads(r.stdout) == {"VISIBLE": "yes", "HIDDEN": "no"}
    only_visible = Permissions(env=lambda request: request.key == "VISIBLE")
    async with await NodeRuntime.create(env={"VISIBLE": "yes", "HIDDEN": "no"}, permissions=only_visible) as rt:
        r = await rt.exec("console.log(JSON.stringify(process.env), 'hunter2' in process.env)")
        assert r.stdout == '{"VISIBLE":"yes"} false\n'
        r = await rt.exec("console.log(JSON.stringify(process.env))", env={"HIDDEN": "x", "VISIBLE": "1"})
        assert r.stdout == '{"VISIBLE":"1"}\n'
    assert os.environ["SECURE_EXEC_TEST_SECRET"] == "hunter2"  # the host keeps its own


async def test_huge_files_hit_the_payload_limit_and_the_host_survives() -> None:
    limit = 64 * 1024
    async with await NodeRuntime.create(payload_limit_bytes=limit, files={"/root/big.bin": b"x" * (4 * limit)}) as rt:
        r = await rt.exec(
            """
const fs = require('fs');
try { fs.readFileSync('/root/big.bin'); } catch (e) { console.log(e.code); }
try { fs.writeFileSync('/root/out.bin', Buffer.alloc(SIZE)); } catch (e) { console.log(e.code); }
// Streaming in chunks below the limit works.
const fd = fs.openSync('/root/big.bin', 'r'); const buf = Buffer.alloc(16384); let total = 0, n;
while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) total += n;
fs.closeSync(fd); console.log(total);
""".replace("SIZE", str(4 * limit))
        )
        assert r.stdout.splitlines() == [
            "ERR_SANDBOX_PAYLOAD_TOO_LARGE",
            "ERR_SANDBOX_PAYLOAD_TOO_LARGE",
            str(4 * limit),
        ], r.stderr
        with pytest.raises(KernelError, match="ENOENT"):
            await rt.read_file("/root/out.bin")


async def test_module_access_cwd_must_be_absolute() -> None:
    with pytest.raises(ConfigurationError, match="module_access_cwd must be an absolute path"):
        await NodeRuntime.create(module_access_cwd="relative/dir")


async def test_host_file_api_before_during_and_after(tmp_path: Path) -> None:
    async with await NodeRuntime.create(files={"/root/data.json": '{"ok": true}'}) as rt:
        await rt.write_file("/root/deep/late.json", b'{"added": 1}')
        assert await rt.read_dir("/root") == ["data.json", "deep"]
        r = await rt.exec(
            """
const fs = require('fs');
console.log(JSON.parse(fs.readFileSync('/root/data.json')).ok, JSON.parse(fs.readFileSync('/root/deep/late.json')).added);
fs.writeFileSync('/root/out.txt', 'written by the guest');
"""
        )
        assert r.stdout == "true 1\n", r.stderr
        assert await rt.read_file("/root/out.txt") == b"written by the guest"
        st = await rt.stat("/root/out.txt")
        assert st.is_file and st.size == 20 and st.mode & 0o777 == 0o644
        with pytest.raises(KernelError, match="ENOENT: no such file or directory"):
            await rt.read_file("/root/missing")
    with pytest.raises(Exception, match="closed"):
        await rt.read_file("/root/out.txt")
