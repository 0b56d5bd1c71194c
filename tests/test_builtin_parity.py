"""The guest's Node builtins behave as Node 22's, byte for byte.

Every program in ``tests/builtin_corpus/<module>/`` runs under host Node and in
the sandbox, each in a fresh scratch directory, and must give the same exit
code, stdout and stderr (`scratch_parity.py` says how, and what is
normalised). The programs print nothing that legitimately differs between two
runs (random bytes are checked for shape, not printed; times are not printed).
A leading ``// parity: xfail=<reason>`` marks a strict xfail.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from scratch_parity import SUFFIXES, assert_same_as_host_node, params
from secure_exec import NodeRuntime

CORPUS = Path(__file__).parent / "builtin_corpus"
PROGRAMS = sorted(p for p in CORPUS.rglob("*") if p.suffix in SUFFIXES and p.is_file())


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def pool_anchor() -> AsyncIterator[NodeRuntime]:
    """Keeps the event loop's shared worker pool up while each program gets its own runtime."""
    runtime = await NodeRuntime.create()
    try:
        yield runtime
    finally:
        await runtime.aclose()


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("program", params(PROGRAMS, "parity:", CORPUS))
async def test_builtin_parity(program: Path, pool_anchor: NodeRuntime, tmp_path: Path) -> None:
    await assert_same_as_host_node(program, tmp_path)
