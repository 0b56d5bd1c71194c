"""CPU, memory, wall-clock, output and payload limits, with real JavaScript in real V8.

Every test ends by running another program, to show the host and the runtime
survived. Time bounds here are generous backstops against hangs, not
performance claims (those live in bench/).
"""

from __future__ import annotations

import asyncio
import time
import tracemalloc

import pytest

from secure_exec import (
    ConfigurationError,
    CpuTimeLimitExceeded,
    MemoryLimitExceeded,
    NodeRuntime,
    ResourceBudgetExceeded,
    WallTimeLimitExceeded,
)

MIB = 1024 * 1024


async def assert_still_works(rt: NodeRuntime) -> None:
    r = await rt.exec("console.log('still alive', 6 * 7)")
    assert (r.exit_code, r.stdout, r.error) == (0, "still alive 42\n", None)


async def test_busy_loop_hits_cpu_limit_with_exit_124() -> None:
    async with await NodeRuntime.create(cpu_time_limit_ms=500) as rt:
        started = time.monotonic()
        r = await rt.exec("while (true) {}")
        elapsed = time.monotonic() - started
        assert r.exit_code == 124
        assert isinstance(r.error, CpuTimeLimitExceeded)
        assert "CPU time limit exceeded" in str(r.error)
        assert elapsed < 10, f"CPU limit took {elapsed:.1f}s to stop the guest"
        await assert_still_works(rt)


async def test_cpu_limit_counts_cpu_not_waiting() -> None:
    async with await NodeRuntime.create(cpu_time_limit_ms=300) as rt:
        r = await rt.exec("setTimeout(() => console.log('waited'), 600)")
        assert (r.exit_code, r.stdout, r.error) == (0, "waited\n", None)


async def test_per_call_cpu_limit_overrides_runtime() -> None:
    async with await NodeRuntime.create() as rt:
        r = await rt.exec("for (;;) {}", cpu_time_limit_ms=200)
        assert r.exit_code == 124 and isinstance(r.error, CpuTimeLimitExceeded)


@pytest.mark.slow
async def test_uninterruptible_allocation_loop_is_stopped_by_cpu_limit() -> None:
    # jsrun cannot interrupt some `new Array(n)` loops; the worker's backstop must.
    async with await NodeRuntime.create(memory_limit_mb=64, cpu_time_limit_ms=1000) as rt:
        r = await rt.exec("let x; for (;;) x = new Array(100)")
        assert r.exit_code == 124 and isinstance(r.error, CpuTimeLimitExceeded)
        await assert_still_works(rt)


async def test_heap_exhaustion_is_a_memory_error() -> None:
    async with await NodeRuntime.create(memory_limit_mb=64) as rt:
        r = await rt.exec("const a = []; for (;;) a.push({ i: a.length, s: 'x' + a.length })")
        assert r.exit_code == 134
        assert isinstance(r.error, MemoryLimitExceeded)
        assert "memory_limit_mb=64" in str(r.error)
        await assert_still_works(rt)


@pytest.mark.parametrize(
    "program",
    [
        "const b = new ArrayBuffer(2 * 1024 ** 3); console.log(b.byteLength)",
        "const keep = []; for (let i = 0; i < 64; i++) keep.push(new ArrayBuffer(256 * 1024 ** 2))",
    ],
)
async def test_huge_array_buffer_allocation_fails_cleanly_in_the_same_worker(program: str) -> None:
    # Writable memory is capped per worker (RLIMIT_DATA): the allocation fails inside
    # V8 and the execution ends with a memory error; the worker itself survives.
    async with await NodeRuntime.create(memory_limit_mb=64, isolation="dedicated") as rt:
        await rt.exec("")
        pids = rt.statistics()["pool"]["pids"]
        r = await rt.exec(program)
        assert r.exit_code == 134 and isinstance(r.error, MemoryLimitExceeded), r
        await assert_still_works(rt)
        assert rt.statistics()["pool"]["pids"] == pids


@pytest.mark.slow
@pytest.mark.parametrize(
    "program",
    [
        "const a = []; for (;;) a.push(new Array(100))",  # escapes jsrun's heap limit
        "const a = []; for (;;) a.push(new Float64Array(1000))",  # backing stores are off-heap
        "const b = new Uint8Array(2 * 1024 ** 3); b.fill(1)",  # 2 GB touched
    ],
)
async def test_memory_the_heap_limit_misses_is_bounded_by_the_worker(program: str) -> None:
    async with await NodeRuntime.create(memory_limit_mb=64) as rt:
        r = await rt.exec(program, timeout=60)
        assert r.exit_code == 134, r
        assert isinstance(r.error, MemoryLimitExceeded)
        await assert_still_works(rt)


async def test_wall_timeout_stops_a_waiting_guest() -> None:
    async with await NodeRuntime.create() as rt:
        started = time.monotonic()
        r = await rt.exec("setInterval(() => {}, 1000)", timeout=0.5)
        assert r.exit_code == 124 and isinstance(r.error, WallTimeLimitExceeded)
        assert time.monotonic() - started < 5
        await assert_still_works(rt)


async def test_cancelling_exec_stops_the_guest() -> None:
    async with await NodeRuntime.create() as rt:
        task = asyncio.ensure_future(rt.exec("for (;;) {}"))
        await asyncio.sleep(0.3)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert rt.statistics()["pool"]["running"] == 0
        await assert_still_works(rt)


async def test_output_is_capped_and_streamed_and_host_memory_stays_flat() -> None:
    seen = 0

    def count(chunk: bytes) -> None:
        nonlocal seen
        seen += len(chunk)

    async with await NodeRuntime.create(max_output_bytes=MIB) as rt:
        await assert_still_works(rt)  # start the worker before measuring
        tracemalloc.start()
        try:
            r = await rt.exec(
                "const line = 'x'.repeat(1023) + '\\n'; for (let i = 0; i < 10240; i++) process.stdout.write(line)",
                on_stdout=count,
            )
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert r.exit_code == 0
    assert seen == 10 * MIB
    assert len(r.stdout) == MIB and r.stdout_truncated
    # 10 MB went through the host; it kept the 1 MB cap plus working buffers.
    assert peak < 6 * MIB, f"host peak allocation {peak / MIB:.1f} MiB"


async def test_run_value_over_the_payload_limit_is_refused() -> None:
    async with await NodeRuntime.create(payload_limit_bytes=MIB) as rt:
        r = await rt.run("export default new Uint8Array(2 * 1024 * 1024)")
        assert isinstance(r.error, ResourceBudgetExceeded)
        assert str(r.error).startswith("ERR_SANDBOX_PAYLOAD_TOO_LARGE: run() value exceeds 1048576 bytes (got ")
        r = await rt.run("export default new Uint8Array(1000)")
        assert r.value == bytes(1000)


async def test_oversized_bridge_call_fails_in_the_guest_with_a_node_shaped_error() -> None:
    async with await NodeRuntime.create(payload_limit_bytes=64 * 1024) as rt:
        r = await rt.exec(
            "try { require('x'.repeat(200000)) } catch (e) { console.log(e.code); console.log(e.message) }"
        )
        assert r.exit_code == 0
        code, message = r.stdout.splitlines()
        assert code == "ERR_SANDBOX_PAYLOAD_TOO_LARGE"
        assert message.startswith("ERR_SANDBOX_PAYLOAD_TOO_LARGE: module.resolve exceeds 65536 bytes (got ")


async def test_large_output_in_one_write_is_delivered_whole() -> None:
    async with await NodeRuntime.create(payload_limit_bytes=64 * 1024) as rt:
        r = await rt.exec("process.stdout.write('y'.repeat(5 * 1024 * 1024))")
        assert r.exit_code == 0 and r.stdout == "y" * (5 * MIB)


@pytest.mark.parametrize("limit", [0, 1023, 64 * MIB + 1])
async def test_payload_limit_cannot_be_disabled_or_unbounded(limit: int) -> None:
    with pytest.raises(ConfigurationError):
        await NodeRuntime.create(payload_limit_bytes=limit)


async def test_stdin_over_the_payload_limit_is_refused() -> None:
    async with await NodeRuntime.create(payload_limit_bytes=1024) as rt:
        with pytest.raises(ConfigurationError, match="ERR_SANDBOX_PAYLOAD_TOO_LARGE: stdin exceeds 1024 bytes"):
            await rt.exec("", stdin=b"x" * 2048)


async def test_timer_budget() -> None:
    async with await NodeRuntime.create(max_timers=100) as rt:
        r = await rt.exec(
            "try { for (let i = 0; i < 101; i++) setTimeout(() => {}, 1) } catch (e) { console.log(e.code, e.message) }"
        )
        assert (
            r.stdout == "ERR_RESOURCE_BUDGET_EXCEEDED ERR_RESOURCE_BUDGET_EXCEEDED: maximum number of timers exceeded\n"
        )


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("memory_limit_mb", 0),
        ("cpu_time_limit_ms", 0),
        ("timing_mitigation", "fast"),
        ("isolation", "none"),
        ("cwd", "rel"),
    ],
)
async def test_invalid_options_are_configuration_errors(option: str, value: object) -> None:
    with pytest.raises(ConfigurationError):
        await NodeRuntime.create(**{option: value})  # type: ignore[arg-type]


async def test_runtime_default_timeout_applies_to_every_call() -> None:
    async with await NodeRuntime.create(timeout=0.3) as rt:
        r = await rt.exec("setInterval(() => {}, 1000)")
        assert isinstance(r.error, WallTimeLimitExceeded)
        r = await rt.exec("setTimeout(() => console.log('ok'), 500)", timeout=None)
        assert (r.exit_code, r.stdout) == (0, "ok\n")


@pytest.mark.slow
async def test_cpu_limit_stops_a_busy_es_module_body() -> None:
    # The engine cancels a termination while it evaluates an ES module for import();
    # the worker may have to be replaced, but the outcome must be the CPU limit.
    async with await NodeRuntime.create(cpu_time_limit_ms=300) as rt:
        r = await rt.exec("while (true) {}", file_path="/root/busy.mjs", timeout=30)
        assert r.exit_code == 124 and isinstance(r.error, CpuTimeLimitExceeded), r
        await assert_still_works(rt)
