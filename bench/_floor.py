"""The engine floor for `run.py`: what one bare jsrun isolate costs.

Run as ``python bench/_floor.py N WARMUP``; prints one JSON object of samples
(seconds). It runs in its own process, like a V8 worker, so the benchmark's host
process never imports jsrun (its RSS stays the host's own, and the worker's rule
that snapshot and non-snapshot runtimes never share a process is kept).

Two floors, interleaved:

* ``plain``: ``Runtime(RuntimeConfig(snapshot=<the worker's snapshot>))``,
  ``eval("1")``, ``close()`` on this thread: the engine alone;
* ``threaded``: the same created on a fresh thread inside ``asyncio.run`` with
  ``eval_async``, which is how the worker hosts every execution (see
  ``Execution._thread_main`` in src/secure_exec/_engine/_v8.py), without the
  bridge's ops, boot script or protocol.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time

import jsrun

from secure_exec._engine._v8 import _bundle, load_snapshot

HEAP = 128 * 1024 * 1024  # NodeRuntime's default memory_limit_mb


def main() -> None:
    n, warmup = int(sys.argv[1]), int(sys.argv[2])
    t0 = time.perf_counter()
    snapshot = load_snapshot(_bundle())
    snapshot_s = time.perf_counter() - t0

    def config() -> jsrun.RuntimeConfig:
        return jsrun.RuntimeConfig(snapshot=snapshot, max_heap_size=HEAP, enable_console=False)

    def plain() -> None:
        rt = jsrun.Runtime(config())
        try:
            assert rt.eval("1") == 1
        finally:
            rt.close()

    def threaded() -> None:
        failure: list[BaseException] = []

        async def body() -> None:
            rt = jsrun.Runtime(config())
            try:
                assert await rt.eval_async("1") == 1
            finally:
                rt.close()

        def target() -> None:
            try:
                asyncio.run(body())
            except BaseException as exc:  # reported by the caller
                failure.append(exc)

        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
        if failure:
            raise failure[0]

    samples: dict[str, list[float]] = {"plain": [], "threaded": []}
    for i in range(warmup + n):
        for name, fn in (("plain", plain), ("threaded", threaded)):
            t0 = time.perf_counter()
            fn()
            dt = time.perf_counter() - t0
            if i >= warmup:
                samples[name].append(dt)
    json.dump({"snapshot_load_s": snapshot_s, "snapshot_bytes": len(snapshot), **samples}, sys.stdout)


if __name__ == "__main__":
    main()
