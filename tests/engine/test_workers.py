"""Worker processes: isolation topology, crash recovery, idle CPU."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from secure_exec import EngineError, NodeRuntime, WorkerPool


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def test_worker_killed_under_an_execution_gives_a_clear_error_and_respawns() -> None:
    async with await NodeRuntime.create(isolation="dedicated") as rt:
        await rt.exec("")
        (pid,) = rt.statistics()["pool"]["pids"]
        task = asyncio.ensure_future(rt.exec("setInterval(() => {}, 1000)"))
        await asyncio.sleep(0.2)
        os.kill(pid, signal.SIGKILL)
        r = await asyncio.wait_for(task, 10)
        assert r.exit_code == 1 and isinstance(r.error, EngineError)
        assert f"V8 worker process (pid {pid}) was killed by signal SIGKILL" in str(r.error)
        r = await rt.exec("console.log('respawned')")
        assert r.stdout == "respawned\n"
        assert rt.statistics()["pool"]["pids"] != [pid]


async def test_dedicated_isolation_uses_its_own_worker() -> None:
    async with await NodeRuntime.create() as shared, await NodeRuntime.create(isolation="dedicated") as own:
        await shared.exec("")
        await own.exec("")
        assert set(own.statistics()["pool"]["pids"]).isdisjoint(shared.statistics()["pool"]["pids"])


async def test_runtimes_of_one_loop_share_the_default_pool() -> None:
    async with await NodeRuntime.create() as a, await NodeRuntime.create() as b:
        await a.exec("")
        await b.exec("")
        assert a.statistics()["pool"] == b.statistics()["pool"]


async def test_explicit_pool_outlives_runtimes() -> None:
    async with WorkerPool(size=1) as pool:
        async with await NodeRuntime.create(pool=pool) as rt:
            await rt.exec("")
        pids = pool.statistics()["pids"]
        async with await NodeRuntime.create(pool=pool) as rt:
            r = await rt.exec("console.log(1)")
            assert r.stdout == "1\n"
        assert pool.statistics()["pids"] == pids


async def test_concurrent_executions_are_independent() -> None:
    async with await NodeRuntime.create() as rt:
        results = await asyncio.gather(*(rt.exec(f"setTimeout(() => console.log({i}), {20 - i})") for i in range(8)))
    assert [r.stdout for r in results] == [f"{i}\n" for i in range(8)]


async def test_idle_and_parked_workers_use_no_cpu() -> None:
    async with await NodeRuntime.create(isolation="dedicated") as rt:
        await rt.exec("")
        (pid,) = rt.statistics()["pool"]["pids"]
        before = cpu_seconds(pid)
        await asyncio.sleep(1.0)
        idle = cpu_seconds(pid) - before
        parked = [asyncio.ensure_future(rt.exec("setTimeout(() => {}, 1500)")) for _ in range(5)]
        await asyncio.sleep(0.3)
        before = cpu_seconds(pid)
        await asyncio.sleep(1.0)
        busy_parked = cpu_seconds(pid) - before
        await asyncio.gather(*parked)
    assert idle <= 0.03, f"idle worker used {idle:.2f}s CPU in 1s"
    assert busy_parked <= 0.08, f"5 parked executions used {busy_parked:.2f}s CPU in 1s"


async def test_closed_runtime_refuses_work() -> None:
    import pytest

    from secure_exec import RuntimeClosedError

    rt = await NodeRuntime.create()
    await rt.aclose()
    await rt.aclose()  # idempotent
    with pytest.raises(RuntimeClosedError):
        await rt.exec("")


async def test_aclose_stops_running_executions() -> None:
    rt = await NodeRuntime.create()
    task = asyncio.ensure_future(rt.exec("setInterval(() => {}, 1000)"))
    await asyncio.sleep(0.3)
    await asyncio.wait_for(rt.aclose(), 10)
    assert task.cancelled()


@pytest.mark.slow
async def test_many_concurrent_executions_share_one_worker() -> None:
    async with WorkerPool(size=1) as pool, await NodeRuntime.create(pool=pool) as rt:
        results = await asyncio.gather(*(rt.exec("setTimeout(() => console.log('ok'), 300)") for _ in range(30)))
        assert [r.stdout for r in results] == ["ok\n"] * 30
        assert len(pool.statistics()["pids"]) == 1


@pytest.mark.slow
async def test_many_executions_exiting_at_once_all_report_their_code() -> None:
    async with WorkerPool(size=1) as pool, await NodeRuntime.create(pool=pool) as rt:
        await rt.exec("")
        pids = pool.statistics()["pids"]
        results = await asyncio.gather(
            *(rt.exec("setTimeout(() => process.exit(3), 100); setInterval(() => {}, 1000)") for _ in range(40))
        )
        assert [(r.exit_code, r.error) for r in results] == [(3, None)] * 40
        assert pool.statistics()["pids"] == pids


@pytest.mark.slow
async def test_cancelling_many_executions_keeps_the_worker() -> None:
    async with WorkerPool(size=1) as pool, await NodeRuntime.create(pool=pool) as rt:
        await rt.exec("")
        pids = pool.statistics()["pids"]
        tasks = [asyncio.ensure_future(rt.exec("setInterval(() => {}, 1000)")) for _ in range(30)]
        await asyncio.sleep(1.0)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        r = await rt.exec("console.log('after')")
        assert r.stdout == "after\n"
        assert pool.statistics()["pids"] == pids


async def test_everything_is_released_after_aclose() -> None:
    rt = await NodeRuntime.create()
    await asyncio.gather(*(rt.exec("setTimeout(() => {}, 10)") for _ in range(4)))
    pool = rt._pool
    pids = pool.statistics()["pids"]
    assert pids and rt.statistics()["running"] == 0
    await rt.aclose()
    assert pool.closed and pool.statistics() == {"workers": 0, "running": 0, "pids": []}
    for pid in pids:  # the worker processes are gone, not orphaned
        assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z"


async def test_a_failing_host_handler_ends_only_its_execution(monkeypatch: pytest.MonkeyPatch) -> None:
    from secure_exec import _runtime

    original = _runtime._bridge_handlers

    def with_broken_resolve(context: object) -> dict[str, object]:
        handlers = original(context)  # type: ignore[arg-type]

        def boom(payload: object) -> object:
            raise ZeroDivisionError("handler bug")

        return {**handlers, "module.resolve": boom}

    monkeypatch.setattr(_runtime, "_bridge_handlers", with_broken_resolve)
    async with WorkerPool(size=1) as pool, await NodeRuntime.create(pool=pool) as rt:
        await rt.exec("")
        pids = pool.statistics()["pids"]
        bystander = asyncio.ensure_future(rt.exec("setTimeout(() => console.log('bystander ok'), 300)"))
        await asyncio.sleep(0.1)
        r = await rt.exec("try { require('./x') } catch (e) { console.log('caught', e.message) }")
        assert isinstance(r.error, EngineError) and "module.resolve" in str(r.error) and "handler bug" in str(r.error)
        assert (await bystander).stdout == "bystander ok\n"
        assert pool.statistics()["pids"] == pids
