"""The project matrix: real npm packages, black-box, under host Node and in the sandbox.

``tests/projects/matrix/`` is one project with exact versions and a committed npm
lockfile (``lockfiles/npm/package-lock.json``); ``tests/packages.py`` installs it
with npm at test time (frozen, scripts off, cached). Each program uses one
package the way an application would and prints only deterministic text (fixed
keys, salts, seeds, dates and iat; lengths and shapes for anything random).

Every program runs under host Node 22 and in the sandbox exactly as in
``tests/test_packages.py`` (sources under ``/app``, ``node_modules`` through the
read-only overlay); exit code, stdout and stderr must be equal byte for byte.
The project has no ``fixture.json``, so ``tests/test_packages.py`` (and the other
package managers) leave it alone.

Clocks: the sandbox runs with its default ``timing_mitigation="freeze"``,
except the programs in ``ADVANCING_CLOCK``, which wait on ``Date.now()``
moving between timers (lodash's debounce, rxjs's debounceTime) and so need
``"off"``. Under a frozen clock lodash's debounce re-arms its timer forever,
as it would in Node if time stood still.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import pytest
import pytest_asyncio

from packages import LOCKFILE, PROJECTS, install, source_files
from secure_exec import WorkerPool
from test_packages import Outcome, run_host, run_sandbox

MATRIX = PROJECTS / "matrix"
EXACT_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
REGISTRY_URL = re.compile(r"https?://[^\s\"']*registry", re.IGNORECASE)

#: Each program and the package it exercises (the issue's list, at least).
PROGRAMS = {
    "semver.js": "semver",
    "semver.mjs": "semver",
    "esm-interop.mjs": "semver",
    "uuid.mjs": "uuid",
    "uuid.cjs": "uuid",
    "yaml.mjs": "yaml",
    "zod.mjs": "zod",
    "zod.cjs": "zod",
    "chalk.mjs": "chalk",
    "lodash-es.mjs": "lodash-es",
    "dotenv.js": "dotenv",
    "jsonwebtoken.js": "jsonwebtoken",
    "jsonwebtoken.mjs": "jsonwebtoken",
    "bcryptjs.js": "bcryptjs",
    "pino.js": "pino",
    "drizzle.mjs": "drizzle-orm",
    "date-fns.mjs": "date-fns",
    "ajv.js": "ajv",
    "ajv.mjs": "ajv",
    "nanoid.mjs": "nanoid",
    "marked.mjs": "marked",
    "immer.mjs": "immer",
    "rxjs.js": "rxjs",
    "rxjs.mjs": "rxjs",
}

#: Programs whose packages need time to pass between timers (see the module docstring).
ADVANCING_CLOCK = {"lodash-es.mjs", "rxjs.js"}

#: Programs that fail in the sandbox for a known reason. strict: each must start
#: failing the xfail when its reason is gone (then the entry goes).
KNOWN_GAPS = {
    "esm-interop.mjs": "a missing named import's SyntaxError: the engine (deno_core) appends ' at <url>:<line>:<col>' "
    "to the message, and for a CommonJS module Node's message is its own ('Named export ... not found. The "
    "requested module ... is a CommonJS module ...' with the import pkg hint)",
}

TimingMode = Literal["freeze", "off"]


@dataclass(frozen=True)
class MatrixCase:
    program: str
    package: str


CASES = [MatrixCase(program, package) for program, package in PROGRAMS.items()]


@cache
def installed() -> Path:
    return install(MATRIX, "npm")


@cache
def host_outcome(program: str) -> Outcome:
    return run_host(installed(), program)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def pool() -> AsyncIterator[WorkerPool]:
    workers = WorkerPool(size=2)
    try:
        yield workers
    finally:
        await workers.aclose()


def test_matrix_is_complete_and_pinned() -> None:
    manifest = json.loads((MATRIX / "package.json").read_text())
    deps = manifest["dependencies"]
    required = {
        "semver", "uuid", "yaml", "zod", "chalk", "lodash-es", "dotenv", "jsonwebtoken", "bcryptjs", "pino",
        "drizzle-orm", "date-fns", "ajv", "nanoid", "marked", "immer", "rxjs",
    }  # fmt: skip
    assert required <= set(deps)
    assert set(PROGRAMS.values()) == set(deps), "every dependency has a program and every program a dependency"
    assert deps["chalk"].startswith("5."), "chalk 5: the ESM-only major"
    for name, wanted in deps.items():
        assert EXACT_VERSION.match(wanted), f"{name}@{wanted} is not an exact version"
    lockfile = MATRIX / "lockfiles" / "npm" / LOCKFILE["npm"]
    lock = json.loads(lockfile.read_text())
    assert not REGISTRY_URL.search(lockfile.read_text())
    for name, wanted in deps.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == wanted
    assert not (MATRIX / "fixture.json").exists()
    on_disk = {p.name for p in MATRIX.iterdir() if p.suffix in (".js", ".mjs", ".cjs")}
    assert on_disk == set(PROGRAMS)
    for program, package in PROGRAMS.items():
        source = (MATRIX / program).read_text()
        assert f"'{package}'" in source or f"'{package}/" in source, f"{program} does not load {package}"
    assert set(KNOWN_GAPS) <= set(PROGRAMS) and ADVANCING_CLOCK <= set(PROGRAMS)


def test_install_is_cached() -> None:
    first = installed()
    assert install(MATRIX, "npm") == first
    for package in PROGRAMS.values():
        assert (first / "node_modules" / package / "package.json").is_file()
    assert {"package.json", ".env", "keys/rs256.key", "keys/rs256.pub"} <= set(source_files(first))


@pytest.mark.parametrize("case", CASES, ids=[c.program for c in CASES])
def test_host_output_is_deterministic(case: MatrixCase) -> None:
    first = host_outcome(case.program)
    second = run_host(installed(), case.program)
    assert first.exit_code == 0, first.stderr.decode()
    assert first.stderr == b""
    assert len(first.stdout.splitlines()) >= 2
    assert first == second


def _sandbox_params() -> list[object]:
    return [
        pytest.param(c, id=c.program, marks=pytest.mark.xfail(reason=KNOWN_GAPS[c.program], strict=True))
        if c.program in KNOWN_GAPS
        else pytest.param(c, id=c.program)
        for c in CASES
    ]


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("case", _sandbox_params())
async def test_same_output_as_host_node(case: MatrixCase, pool: WorkerPool) -> None:
    host = host_outcome(case.program)
    assert host.exit_code == 0 and host.stdout, f"host Node failed on {case.program}:\n{host.stderr.decode()}"
    timing: TimingMode = "off" if case.program in ADVANCING_CLOCK else "freeze"
    guest = await run_sandbox(installed(), case.program, pool, timing)
    # Decoded text first for a readable diff, then the bytes themselves.
    assert guest.readable() == host.readable()
    assert guest == host


@pytest.mark.asyncio(loop_scope="module")
async def test_frozen_clock_changes_debounce_as_documented(pool: WorkerPool) -> None:
    """rxjs's debounceTime measures time with Date.now(): frozen, every value looks early."""
    host = host_outcome("rxjs.js")
    guest = await run_sandbox(installed(), "rxjs.js", pool, "freeze")
    assert guest.exit_code == 0 and guest.stderr == b""
    assert b'debounced ["hello","hello!"]' in host.stdout
    assert b'debounced ["hello!"]' in guest.stdout
