"""Descriptors 0, 1 and 2 in `fs`: stdin contents, large and limited output.

The parity corpus (``tests/fs_corpus/55_*`` to ``59_*``) runs with an empty
stdin and small outputs; here the same paths meet real stdin data (compared
with host Node given the same bytes), writes larger than one bridge payload,
and the output limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_host_node
from secure_exec import ExecResult, NodeRuntime

STDIN = "first line\nsecond line é\n" + "z" * 5000 + "\nlast"

# Chunked reads of fd 0, then what is left to readFileSync(0) and /dev/stdin.
READ_PROGRAM = r"""
const fs = require('fs');
const buf = Buffer.alloc(16);
const first = fs.readSync(0, buf, 0, 16, null);
console.log('first', first, JSON.stringify(buf.toString('utf8', 0, first)));
const second = fs.readSync(0, buf, { offset: 4, length: 8 });
console.log('second', second, JSON.stringify(buf.toString('utf8', 4, 4 + second)));
try {
  fs.readSync(0, buf, 0, 4, 0);
} catch (err) {
  console.log('positioned', err.code, err.syscall);
}
const rest = fs.readFileSync(0, 'utf8');
console.log('rest', rest.length, JSON.stringify(rest.slice(0, 20)), JSON.stringify(rest.slice(-8)));
console.log('then', fs.readSync(0, buf), JSON.stringify(fs.readFileSync('/dev/stdin', 'utf8')));
"""


async def _run(
    code: str, *, stdin: str | None = None, max_output_bytes: int = 16 * 1024 * 1024
) -> tuple[ExecResult, bytes, bytes]:
    rt = await NodeRuntime.create(max_output_bytes=max_output_bytes)
    out, err = bytearray(), bytearray()
    try:
        result = await rt.exec(code, stdin=stdin, timeout=60, on_stdout=out.extend, on_stderr=err.extend)
    finally:
        await rt.aclose()
    return result, bytes(out), bytes(err)


async def test_stdin_reads_match_host_node(tmp_path: Path) -> None:
    host = run_host_node(READ_PROGRAM, tmp_path, stdin=STDIN.encode())
    assert host.returncode == 0, host.stderr.decode()
    result, out, err = await _run(READ_PROGRAM, stdin=STDIN)
    assert (out.decode(), err.decode()) == (host.stdout.decode(), host.stderr.decode())
    assert result.exit_code == 0


async def test_fd_writes_larger_than_a_payload_arrive_whole_and_in_order() -> None:
    code = r"""
const fs = require('fs');
const big = Buffer.alloc(3 * 1024 * 1024 + 7, 'ab');
console.log('before');
console.log(fs.writeSync(1, big));
fs.writeSync(2, 'e'.repeat(300000));
fs.writeFileSync('/dev/stdout', '\nafter\n');
"""
    result, out, err = await _run(code)
    assert result.error is None
    big = (b"ab" * ((3 * 1024 * 1024 + 8) // 2))[: 3 * 1024 * 1024 + 7]
    assert out == b"before\n" + big + b"3145735\n\nafter\n"
    assert err == b"e" * 300000


async def test_fd_writes_count_against_the_output_limit() -> None:
    code = r"""
const fs = require('fs');
for (let i = 0; i < 100; i++) fs.writeSync(1, 'x'.repeat(1000));
fs.writeSync(2, 'y'.repeat(5000));
console.log('still running');
"""
    result, out, err = await _run(code, max_output_bytes=4096)
    # The callbacks saw everything; the result keeps the first 4096 bytes of each stream.
    assert len(out) == 100000 + len("still running\n") and len(err) == 5000
    assert result.exit_code == 0
    assert result.stdout_truncated and result.stderr_truncated
    assert len(result.stdout) == 4096 and len(result.stderr) == 4096


@pytest.mark.parametrize("fd", [1, 2])
async def test_fd_writes_reject_bad_input_like_node(fd: int) -> None:
    code = f"""
const fs = require('fs');
for (const args of [[{{}}], [Buffer.from('ab'), 3], [Buffer.from('ab'), 0, 3], [Buffer.from('ab'), -1]]) {{
  try {{ fs.writeSync({fd}, ...args); console.log('ok'); }} catch (err) {{ console.log(err.name, err.code); }}
}}
"""
    result, out, _ = await _run(code)
    assert result.exit_code == 0
    assert out.decode().splitlines() == [
        "TypeError ERR_INVALID_ARG_TYPE",
        "RangeError ERR_OUT_OF_RANGE",
        "RangeError ERR_OUT_OF_RANGE",
        "RangeError ERR_OUT_OF_RANGE",
    ]


async def test_stdio_device_descriptors_are_bounded_and_reusable() -> None:
    code = r"""
const fs = require('fs');
const fds = [];
let error = null;
try {
  for (;;) fds.push(fs.openSync('/dev/stdout', 'w'));
} catch (err) {
  error = err;
}
console.log(fds.length, error.code, error.syscall, error.message);
console.log(new Set(fds).size === fds.length, fds.every((fd) => fd > 1024));
for (const fd of fds) fs.closeSync(fd);
const again = fs.openSync('/dev/stderr', 'a');
fs.writeSync(again, 'reopened\n');
fs.closeSync(again);
try {
  fs.closeSync(again);
} catch (err) {
  console.log('double close', err.code);
}
const input = fs.openSync('/dev/stdin', 'r');
console.log(JSON.stringify(fs.readFileSync(input, 'utf8')));
"""
    result, out, err = await _run(code, stdin="piped in")
    assert result.exit_code == 0, err
    assert out.decode().splitlines() == [
        "1024 EMFILE open EMFILE: too many open files, open '/dev/stdout'",
        "true true",
        "double close EBADF",
        '"piped in"',
    ]
    assert err == b"reopened\n"
