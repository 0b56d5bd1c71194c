"""The same projects installed with pnpm, yarn classic, yarn berry and bun (slow).

``tests/test_packages.py`` covers npm installs. Here the fixtures that list other
managers in their ``fixture.json`` (``pm-app``: every manager; ``workspaces``:
npm, yarn classic, yarn berry and bun, all with hoisted ``node_modules``) are
installed with each from its committed lockfile, and every program must print the
same in the sandbox as under host Node. The managers come from npm at test time
(``tests/projects/_tools``); bun is the native executable its npm package brings
through ``optionalDependencies``.

Workspaces are not installed with pnpm, nor with bun's default isolated linker:
both put each workspace package's dependencies in that package's own
``node_modules``, which is outside the one directory the sandbox exposes
(``<module_access_cwd>/node_modules``).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from packages import PROJECTS, Fixture, bun_executable, fixtures, node, tools
from secure_exec import WorkerPool
from test_packages import (
    Case,
    cases,
    check_host_deterministic,
    check_same_as_host,
    host_outcome,
    installed,
    sandbox_cases,
)

pytestmark = pytest.mark.slow

OTHER_CASES = cases(npm=False)
SAME_EVERYWHERE = [
    (fixture, program)
    for fixture in fixtures()
    if len(fixture.managers) > 1
    for program in fixture.same_for_all_managers
]


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def pool() -> AsyncIterator[WorkerPool]:
    workers = WorkerPool(size=2)
    try:
        yield workers
    finally:
        await workers.aclose()


def test_managers_come_from_npm() -> None:
    tools_dir = tools()
    wanted = json.loads((PROJECTS / "_tools" / "package.json").read_text())["dependencies"]
    modules = tools_dir / "node_modules"
    commands = {
        "pnpm": [node(), str(modules / "pnpm" / "bin" / "pnpm.cjs"), "--version"],
        "yarn": [node(), str(modules / "yarn" / "bin" / "yarn.js"), "--version"],
        "@yarnpkg/cli-dist": [node(), str(modules / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"), "--version"],
        "bun": [str(bun_executable(tools_dir)), "--version"],
    }
    assert set(commands) == set(wanted)
    for name, command in commands.items():
        done = subprocess.run(command, capture_output=True, timeout=60, env={"HOME": str(tools_dir)}, cwd=tools_dir)
        assert done.returncode == 0, done.stderr.decode()
        assert done.stdout.decode().strip() == wanted[name]


def test_pnpm_layout_is_strict_and_symlinked() -> None:
    project = installed(PROJECTS / "pm-app", "pnpm")
    link = project / "node_modules" / "debug"
    assert link.is_symlink()
    assert ".pnpm" in Path(link.resolve()).parts
    assert not (project / "node_modules" / "balanced-match").exists()
    layout = host_outcome(project, "layout.js").stdout.decode()
    assert "undeclared balanced-match: MODULE_NOT_FOUND" in layout
    assert "/app/node_modules/.pnpm/ms@2.1.3/node_modules/ms/index.js" in layout


@pytest.mark.parametrize(("fixture", "program"), SAME_EVERYWHERE, ids=[f"{f.name}/{p}" for f, p in SAME_EVERYWHERE])
def test_same_host_output_with_every_manager(fixture: Fixture, program: str) -> None:
    outputs = {manager: host_outcome(installed(fixture.path, manager), program) for manager in fixture.managers}
    npm = outputs["npm"]
    assert npm.exit_code == 0 and npm.stdout
    for manager, outcome in outputs.items():
        assert outcome.readable() == npm.readable(), f"{manager} differs from npm"


@pytest.mark.parametrize("case", OTHER_CASES, ids=[c.id for c in OTHER_CASES])
def test_host_output_is_deterministic(case: Case) -> None:
    check_host_deterministic(case)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("case", sandbox_cases(OTHER_CASES))
async def test_same_output_as_host_node(case: Case, pool: WorkerPool) -> None:
    await check_same_as_host(case, pool)
