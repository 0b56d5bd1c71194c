"""The guest's `fs` module behaves as Node 22's, byte for byte.

Every program in ``tests/fs_corpus/`` runs under host Node and in the sandbox,
each in a fresh scratch directory, and must give the same exit code, stdout and
stderr (`scratch_parity.py` says how, and what is normalised). The programs
print nothing that legitimately differs between two machines (descriptor
numbers, inode and device numbers, times they did not set, readdir order: they
sort). A leading ``// fs-parity: xfail=<reason>`` marks a strict xfail.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from scratch_parity import SUFFIXES, assert_same_as_host_node, params
from secure_exec import NodeRuntime

CORPUS = Path(__file__).parent / "fs_corpus"
PROGRAMS = sorted(p for p in CORPUS.iterdir() if p.suffix in SUFFIXES)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def pool_anchor() -> AsyncIterator[NodeRuntime]:
    """Keeps the event loop's shared worker pool up while each program gets its own runtime."""
    runtime = await NodeRuntime.create()
    try:
        yield runtime
    finally:
        await runtime.aclose()


def test_corpus_is_large_enough() -> None:
    assert len(PROGRAMS) >= 40
    assert any(p.suffix == ".mjs" for p in PROGRAMS)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("program", params(PROGRAMS, "fs-parity:", CORPUS))
async def test_fs_parity(program: Path, pool_anchor: NodeRuntime, tmp_path: Path) -> None:
    await assert_same_as_host_node(program, tmp_path)
