"""One program, run under host Node and in the sandbox, each in a fresh scratch directory.

Shared by the corpus suites that compare a program's whole output with host
Node's (`test_fs_parity.py`, `test_builtin_parity.py`). The program is saved as
``index.js`` (``.mjs``, ``.cjs``) in a new temporary directory for host Node,
and at ``/root/work`` in a new sandbox runtime. Exit code, stdout and stderr
must be equal, byte for byte, after only these normalisations: the host's
scratch directory becomes ``/root/work`` and ``(node:1234)`` in warnings
becomes ``(node:PID)``.

A program's leading comments may say ``// <prefix> xfail=<reason>`` for
something the sandbox does not have yet; such a program must still fail
(strict), so that the marker is removed when it starts to pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_host_node
from secure_exec import NodeRuntime

PID = re.compile(rb"\(node:\d+\)")
GUEST_DIR = "/root/work"
SUFFIXES = (".js", ".mjs", ".cjs")


def xfail_reason(source: str, prefix: str) -> str | None:
    """The reason of a leading ``// <prefix> xfail=<reason>`` comment, if any."""
    for line in source.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if body.startswith(prefix):
            directive = body[len(prefix) :].strip()
            if not directive.startswith("xfail="):
                raise ValueError(f"unknown {prefix[:-1]} directive: {line!r}")
            return directive[len("xfail=") :]
    return None


def params(programs: list[Path], prefix: str, root: Path) -> list[object]:
    """One pytest param per program, named by its path under ``root``, strict xfail when marked."""
    out: list[object] = []
    for program in programs:
        reason = xfail_reason(program.read_text(encoding="utf-8"), prefix)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(program, id=program.relative_to(root).as_posix(), marks=marks))
    return out


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


async def assert_same_as_host_node(program: Path, tmp_path: Path) -> None:
    """Run ``program`` under host Node and in a new runtime; their outputs must be equal."""
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
