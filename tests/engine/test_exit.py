"""Exit semantics as in Node 22 (the parity corpus compares output with host Node too)."""

from __future__ import annotations

import pytest

from secure_exec import GuestError, NodeRuntime


@pytest.mark.parametrize(
    ("code", "exit_code", "stdout"),
    [
        ("console.log('ok')", 0, "ok\n"),
        ("process.exitCode = 3", 3, ""),
        ("process.exit(5); console.log('not reached')", 5, ""),
        ("process.on('exit', (c) => console.log('exit', c)); process.exit(2)", 2, "exit 2\n"),
        ("setTimeout(() => process.exit(9), 5); setInterval(() => {}, 1000)", 9, ""),
        ("throw new Error('boom')", 1, ""),
        ("Promise.reject(new Error('nope'))", 1, ""),
        (
            "process.on('uncaughtException', (e) => console.log('caught', e.message)); throw new Error('x')",
            0,
            "caught x\n",
        ),
        ("process.on('unhandledRejection', (r) => console.log('unhandled', r)); Promise.reject(7)", 0, "unhandled 7\n"),
        ("process.exitCode = 4; throw new Error('e')", 1, ""),
        ("process.on('exit', () => { throw new Error('in exit') }); console.log('a')", 1, "a\n"),
    ],
)
async def test_exit_codes(rt: NodeRuntime, code: str, exit_code: int, stdout: str) -> None:
    r = await rt.exec(code)
    assert (r.exit_code, r.stdout) == (exit_code, stdout), r.stderr
    assert r.error is None


async def test_uncaught_error_report_is_nodes(rt: NodeRuntime) -> None:
    r = await rt.exec("const a = 1;\nthrow new TypeError('bad thing')")
    lines = r.stderr.splitlines()
    assert lines[:5] == ["/root/index.js:2", "throw new TypeError('bad thing')", "^", "", "TypeError: bad thing"]
    assert lines[5].startswith("    at Object.<anonymous> (/root/index.js:2:7)")
    assert lines[-2:] == ["", "Node.js v22.20.0"]


async def test_unhandled_non_error_rejection_report(rt: NodeRuntime) -> None:
    r = await rt.exec("Promise.reject('plain')")
    assert r.exit_code == 1
    assert 'The promise rejected with the reason "plain".' in r.stderr
    assert "code: 'ERR_UNHANDLED_REJECTION'" in r.stderr


async def test_check_raises_guest_error(rt: NodeRuntime) -> None:
    r = await rt.exec("console.error('went wrong'); process.exit(3)")
    with pytest.raises(GuestError, match="guest exited with code 3: went wrong") as info:
        r.check()
    assert info.value.exit_code == 3


async def test_beforeexit_can_schedule_more_work(rt: NodeRuntime) -> None:
    r = await rt.exec(
        "let n = 0; process.on('beforeExit', () => { if (n++ < 2) setTimeout(() => console.log('more', n), 1) });"
        "process.on('exit', (c) => console.log('exit', c))"
    )
    assert r.stdout == "more 1\nmore 2\nexit 0\n"


async def test_unrefed_timer_does_not_keep_the_program_alive(rt: NodeRuntime) -> None:
    r = await rt.exec("setTimeout(() => console.log('never'), 10000).unref(); console.log('done')")
    assert (r.exit_code, r.stdout) == (0, "done\n")


async def test_top_level_await_and_esm_detection(rt: NodeRuntime) -> None:
    r = await rt.exec("const v = await new Promise((r) => setTimeout(() => r(5), 5)); console.log(v)")
    assert (r.exit_code, r.stdout) == (0, "5\n"), r.stderr
    r = await rt.exec("import { EventEmitter } from 'node:events'; console.log(typeof EventEmitter)")
    assert r.stdout == "function\n", r.stderr
    r = await rt.exec("console.log(typeof require, typeof module)", file_path="/root/x.mjs")
    assert r.stdout == "undefined undefined\n"
    r = await rt.exec("console.log(typeof require, typeof module)", file_path="/root/x.cjs")
    assert r.stdout == "function object\n"


async def test_argv_cwd_and_stdin(rt: NodeRuntime) -> None:
    r = await rt.exec(
        "let d = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', (c) => d += c);"
        "process.stdin.on('end', () => console.log(JSON.stringify([process.argv, process.cwd(), d])))",
        argv=["a", "b"],
        cwd="/work",
        stdin="line1\nline2\n",
    )
    assert r.stdout == '[["/usr/bin/node","/work/index.js","a","b"],"/work","line1\\nline2\\n"]\n', r.stderr


async def test_run_values_decode_to_python(rt: NodeRuntime) -> None:
    import datetime
    import math

    r = await rt.run(
        "globalThis.__return({ n: 1.5, big: 2n ** 70n, s: 'x', list: [1, null, undefined], bytes: new Uint8Array([1, 2]),"
        " map: new Map([['k', 1]]), set: new Set([1, 2]), date: new Date(0), nan: NaN, inf: -Infinity, nested: { ok: true } })"
    )
    v = r.value
    assert v["n"] == 1.5 and v["big"] == 2**70 and v["s"] == "x" and v["list"] == [1, None, None]
    assert v["bytes"] == b"\x01\x02" and v["map"] == {"k": 1} and v["set"] == [1, 2]
    assert v["date"] == datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
    assert math.isnan(v["nan"]) and v["inf"] == -math.inf and v["nested"] == {"ok": True}


async def test_run_exports(rt: NodeRuntime) -> None:
    assert (await rt.run("module.exports = { a: 1 }")).value == {"a": 1}
    assert (await rt.run("export const a = 1; export default 2")).value == {"a": 1, "default": 2}
    assert (await rt.run("export default 40 + 2")).value == 42


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("module.exports = { f() {} }", "exports.f: function f cannot be transferred"),
        ("const o = {}; o.self = o; module.exports = o", "circular reference"),
        ("module.exports = Symbol('s')", "cannot be transferred"),
    ],
)
async def test_unserializable_run_values_give_a_clear_error(rt: NodeRuntime, code: str, fragment: str) -> None:
    from secure_exec import ValueTransferError

    r = await rt.run(code)
    assert isinstance(r.error, ValueTransferError)
    assert fragment in str(r.error)
    assert r.exit_code == 1 and r.value is None


@pytest.mark.parametrize(
    "body", ["console.log('body'); process.exit(4)", "await null; console.log('body'); process.exit(4)"]
)
async def test_process_exit_in_an_es_module_body(rt: NodeRuntime, body: str) -> None:
    r = await rt.exec(body, file_path="/root/main.mjs", timeout=30)
    assert (r.exit_code, r.stdout, r.error) == (4, "body\n", None)


@pytest.mark.parametrize("depth", [150, 100_000])
async def test_deeply_nested_run_values_give_a_clear_error(rt: NodeRuntime, depth: int) -> None:
    from secure_exec import ValueTransferError

    r = await rt.run(f"let v = 1; for (let i = 0; i < {depth}; i++) v = [v]; export default v")
    assert isinstance(r.error, ValueTransferError)
    assert "nested deeper than 100 levels" in str(r.error) or "Maximum call stack" in str(r.error)
    assert (await rt.run("export default [[[1]]]")).value == [[[1]]]
