"""Every example runs, as a user would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("script", sorted(EXAMPLES.glob("*.py")), ids=lambda p: p.name)
def test_python_example_runs(script: Path) -> None:
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_hello_js_matches_host_node(node_bin: str) -> None:
    hello = EXAMPLES / "hello.js"
    sandbox = subprocess.run(
        [sys.executable, "-m", "secure_exec", "run", str(hello), "x"], capture_output=True, text=True, timeout=120
    )
    host = subprocess.run([node_bin, str(hello), "x"], capture_output=True, text=True, timeout=60)
    assert (sandbox.returncode, sandbox.stdout, sandbox.stderr) == (host.returncode, host.stdout, host.stderr)
