"""Engine internals are unreachable, clocks are frozen, and guests cannot hurt the host."""

from __future__ import annotations

import json
import os

import pytest

from secure_exec import NodeRuntime

# Walks globalThis, every global value, and their prototype chains (own string and
# symbol keys, getters not invoked), and reports any key that looks engine-internal.
_WALK = r"""
const suspicious = /bootstrap|jsrun|host_op|__op|op_panic|Deno|secureExecBoot|^core$|^ops$|primordials|internals/;
const seen = new Set();
const found = [];
function visit(obj, path, depth) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function') || seen.has(obj) || depth > 3) return;
  seen.add(obj);
  let keys = [];
  try { keys = Reflect.ownKeys(obj); } catch { return; }
  for (const key of keys) {
    const name = typeof key === 'symbol' ? `[${key.description}]` : key;
    if (suspicious.test(name)) found.push(`${path}.${name}`);
    let desc;
    try { desc = Object.getOwnPropertyDescriptor(obj, key); } catch { continue; }
    if (desc && 'value' in desc) visit(desc.value, `${path}.${name}`, depth + 1);
  }
  let proto;
  try { proto = Object.getPrototypeOf(obj); } catch { return; }
  visit(proto, `${path}.__proto__`, depth + 1);
}
visit(globalThis, 'globalThis', 0);
console.log(JSON.stringify(found));
"""


async def test_no_engine_internal_is_reachable_from_the_global_object(rt: NodeRuntime) -> None:
    r = await rt.exec(_WALK)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == []


@pytest.mark.parametrize(
    "name",
    [
        "__bootstrap",
        "__jsrunCallSync",
        "__jsrunCallAsync",
        "__host_op_sync__",
        "__host_op_async__",
        "__jsrun_bind_object",
        "__jsrun_from_py_stream",
        "__secureExecBoot",
        "Deno",
        "Temporal",
    ],
)
async def test_internal_globals_are_gone(rt: NodeRuntime, name: str) -> None:
    r = await rt.exec(f"console.log(typeof globalThis[{name!r}], {name!r} in globalThis)")
    assert r.stdout == "undefined false\n"


async def test_guest_cannot_abort_the_worker_through_known_escape_routes(rt: NodeRuntime) -> None:
    attempts = [
        "__bootstrap.core.ops.op_panic('x')",
        "globalThis.__bootstrap.core.ops.op_panic('x')",
        "Function('return this')().__bootstrap.core.ops.op_panic('x')",
        "(0, eval)('__bootstrap').core.ops.op_panic('x')",
        "process.binding('fs')",
        "process.dlopen({}, 'x.node')",
    ]
    for code in attempts:
        r = await rt.exec(f"try {{ {code} }} catch (e) {{ console.log(e.name) }}")
        assert r.exit_code == 0 and r.error is None, (code, r)
        assert r.stdout.strip() in ("ReferenceError", "TypeError", "Error"), (code, r.stdout)
    r = await rt.exec("console.log('alive')")
    assert r.stdout == "alive\n"


async def test_clocks_are_frozen_by_default(rt: NodeRuntime) -> None:
    r = await rt.exec(
        """
        const a = [Date.now(), new Date().getTime(), performance.now(), process.hrtime.bigint(), process.uptime(), process.hrtime().join()];
        let x = 0; for (let i = 0; i < 3e6; i++) x += i;
        const b = [Date.now(), new Date().getTime(), performance.now(), process.hrtime.bigint(), process.uptime(), process.hrtime().join()];
        console.log(JSON.stringify(a.map(String)) === JSON.stringify(b.map(String)), a[0] === a[1]);
        console.log(typeof SharedArrayBuffer, typeof Atomics, new Date() instanceof Date, Date.name, typeof Date());
        """
    )
    assert r.stdout == "true true\nundefined undefined true Date string\n", r.stderr


async def test_frozen_time_is_the_start_of_the_execution(rt: NodeRuntime) -> None:
    import time

    before = int(time.time() * 1000)
    r = await rt.run("export default Date.now()")
    after = int(time.time() * 1000)
    assert before <= r.value <= after


async def test_timing_off_lets_clocks_advance() -> None:
    async with await NodeRuntime.create(timing_mitigation="off") as rt:
        r = await rt.exec(
            """
            const t0 = performance.now(), h0 = process.hrtime.bigint();
            const end = Date.now() + 30; while (Date.now() < end) {}
            console.log(performance.now() > t0, process.hrtime.bigint() > h0, typeof SharedArrayBuffer, typeof Atomics);
            """
        )
        assert r.stdout == "true true function object\n"


async def test_host_environment_never_reaches_the_guest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECURE_EXEC_TEST_SECRET", "hunter2")
    async with await NodeRuntime.create(env={"VISIBLE": "1"}) as rt:
        r = await rt.exec("console.log(JSON.stringify(process.env))")
        assert r.stdout == '{"VISIBLE":"1"}\n'
        r = await rt.exec("console.log(JSON.stringify(process.env))", env={"OTHER": "2"})
        assert r.stdout == '{"OTHER":"2"}\n'
    assert os.environ["SECURE_EXEC_TEST_SECRET"] == "hunter2"


async def test_worker_process_does_not_inherit_host_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECURE_EXEC_TEST_SECRET", "hunter2")
    async with await NodeRuntime.create(isolation="dedicated") as rt:
        await rt.exec("")
        (pid,) = rt.statistics()["pool"]["pids"]
        with open(f"/proc/{pid}/environ", "rb") as f:
            environ = f.read()
    assert b"hunter2" not in environ


async def test_each_execution_gets_a_fresh_isolate(rt: NodeRuntime) -> None:
    r = await rt.exec("globalThis.leak = 1; Object.prototype.polluted = true; console.log('set')")
    assert r.stdout == "set\n"
    r = await rt.exec("console.log(typeof leak, ({}).polluted)")
    assert r.stdout == "undefined undefined\n"


@pytest.mark.parametrize(
    "tamper",
    [
        "Uint8Array.prototype.subarray = function () { return 500000000 }",  # a size, not bytes
        "Uint8Array.prototype.subarray = function () { return { length: 1e9 } }",
        "Object.defineProperty(Object.prototype, 'fd', { get() { return 99 }, configurable: true })",
    ],
)
async def test_tampered_bridge_payloads_cost_the_host_nothing(rt: NodeRuntime, tamper: str) -> None:
    import tracemalloc

    await rt.exec("")  # start the worker outside the measurement
    tracemalloc.start()
    try:
        r = await rt.exec(f"{tamper}; process.stdout.write('x'.repeat(1000)); console.log('done')")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"host peak allocation {peak / 1024 / 1024:.1f} MiB"
    assert r.error is None
    r = await rt.exec("console.log('worker fine')")
    assert r.stdout == "worker fine\n"
