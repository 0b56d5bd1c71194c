"""Heap exhaustion ends every execution the same way, whatever the module kind.

jsrun defect 14 (docs/architecture.md): jsrun's heap-limit termination reaches the
worker only when it unwinds the whole evaluation. In an ES module, after
``await``, in a timer, a promise job or an ``import()``, the engine ends just the
job it was running (or rejects the import), and the execution used to report a
JavaScript error, hang until the wall timeout, or get its worker killed. Each
case here must end with MemoryLimitExceeded (exit 134), promptly, in a worker
that serves the next execution.
"""

from __future__ import annotations

import time

import pytest

from secure_exec import CpuTimeLimitExceeded, MemoryLimitExceeded, NodeRuntime

LOOP = "const a = []; for (;;) a.push(new Array(1e5).fill(1));"
#: Time bound per case: a backstop against the old hang (it took the full timeout).
PROMPT = 8.0
TIMEOUT = 20

CASES = {
    "cjs": ("/app/main.js", LOOP),
    "esm": ("/app/main.mjs", LOOP),
    "esm-after-await": ("/app/main.mjs", f"await 0;\n{LOOP}"),
    "esm-after-awaited-timer": ("/app/main.mjs", f"await new Promise((r) => setTimeout(r, 5));\n{LOOP}"),
    "cjs-timer": ("/app/main.js", f"setTimeout(() => {{ {LOOP} }}, 1);"),
    "esm-timer": ("/app/main.mjs", f"setTimeout(() => {{ {LOOP} }}, 1);"),
    "esm-after-await-timer": ("/app/main.mjs", f"await 0;\nsetTimeout(() => {{ {LOOP} }}, 1);"),
    "cjs-promise-job": ("/app/main.js", f"Promise.resolve().then(() => {{ {LOOP} }});"),
    "esm-promise-job": ("/app/main.mjs", f"Promise.resolve().then(() => {{ {LOOP} }});"),
    "esm-after-await-promise-job": ("/app/main.mjs", f"await 0;\nqueueMicrotask(() => {{ {LOOP} }});"),
    "cjs-dynamic-import": ("/app/main.js", "import('./heavy.mjs').then(() => console.log('loaded'));"),
    "cjs-dynamic-import-caught": (
        "/app/main.js",
        "import('./heavy.mjs').catch((e) => console.log('caught', e.message)).then(() => process.exit(0));",
    ),
    "esm-dynamic-import": ("/app/main.mjs", "await import('./heavy.mjs'); console.log('loaded');"),
    "esm-dynamic-import-awaiting": ("/app/main.mjs", "await import('./heavy-await.mjs'); console.log('loaded');"),
    "cjs-dynamic-import-of-cjs": ("/app/main.js", "import('./heavy.cjs').then(() => console.log('loaded'));"),
    "esm-static-import": ("/app/main.mjs", "import './heavy.mjs'; console.log('loaded');"),
}

FILES = {
    "/app/heavy.mjs": LOOP,
    "/app/heavy-await.mjs": f"await 0;\n{LOOP}",
    "/app/heavy.cjs": LOOP,
}


async def assert_same_worker_still_works(rt: NodeRuntime, pids: object) -> None:
    r = await rt.exec("console.log('still alive', 6 * 7)")
    assert (r.exit_code, r.stdout, r.error) == (0, "still alive 42\n", None)
    assert rt.statistics()["pool"]["pids"] == pids, "the worker was replaced"


@pytest.mark.parametrize("case", list(CASES))
async def test_heap_exhaustion_is_a_memory_error_in_every_module_kind(case: str) -> None:
    path, code = CASES[case]
    async with await NodeRuntime.create(files=FILES, isolation="dedicated") as rt:
        await rt.exec("")
        pids = rt.statistics()["pool"]["pids"]
        started = time.monotonic()
        r = await rt.exec(code, file_path=path, timeout=TIMEOUT)
        elapsed = time.monotonic() - started
        assert r.exit_code == 134, r
        assert isinstance(r.error, MemoryLimitExceeded), r
        assert str(r.error) == "Memory limit exceeded (memory_limit_mb=128): JavaScript heap out of memory"
        assert "loaded" not in r.stdout and "caught" not in r.stdout, r.stdout
        assert elapsed < PROMPT, f"{case}: took {elapsed:.1f}s"
        await assert_same_worker_still_works(rt, pids)


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/app/main.js", "new WebAssembly.Memory({ initial: 65536 }); console.log('x')"),
        ("/app/main.mjs", "new WebAssembly.Memory({ initial: 65536 }); console.log('x')"),
        ("/app/main.mjs", "await 0; new WebAssembly.Memory({ initial: 65536 }); console.log('x')"),
    ],
)
async def test_a_4_gib_wasm_memory_fails_cleanly(path: str, code: str) -> None:
    # Node reserves the 4 GiB lazily (CommonJS succeeds, an ES module may get the
    # RangeError). Here the allocation is past the worker's writable-memory cap:
    # V8 fails it with Node's RangeError, or its last-resort GC for it reaches
    # jsrun's heap-limit callback first, which is the memory limit. Which one is
    # V8's choice; either must end promptly, in the same worker.
    async with await NodeRuntime.create(isolation="dedicated") as rt:
        await rt.exec("")
        pids = rt.statistics()["pool"]["pids"]
        started = time.monotonic()
        r = await rt.exec(code, file_path=path, timeout=TIMEOUT)
        if r.exit_code == 134:
            assert isinstance(r.error, MemoryLimitExceeded), r
        else:
            assert (r.exit_code, r.error) == (1, None), r
            assert "RangeError: WebAssembly.Memory(): could not allocate memory" in r.stderr, r
        assert "x" not in r.stdout
        assert time.monotonic() - started < PROMPT
        await assert_same_worker_still_works(rt, pids)


async def test_heap_exhaustion_after_output_keeps_the_output() -> None:
    async with await NodeRuntime.create() as rt:
        code = f"console.log('before');\nawait 0;\nconsole.log('after await');\n{LOOP}"
        r = await rt.exec(code, file_path="/app/main.mjs", timeout=TIMEOUT)
        assert r.exit_code == 134 and isinstance(r.error, MemoryLimitExceeded), r
        assert r.stdout == "before\nafter await\n"


async def test_a_module_that_survives_near_the_limit_still_exits_normally() -> None:
    # Big but within the limit, after await: no false memory errors.
    async with await NodeRuntime.create() as rt:
        code = (
            "await 0; const a = []; for (let i = 0; i < 40; i++) a.push(new Array(1e5).fill(i)); console.log(a.length)"
        )
        r = await rt.exec(code, file_path="/app/main.mjs", timeout=TIMEOUT)
        assert (r.exit_code, r.stdout, r.error) == (0, "40\n", None)


@pytest.mark.parametrize(
    "code",
    [
        "await 0;\nwhile (true) {}",
        "await new Promise((r) => setTimeout(r, 5));\nwhile (true) {}",
        "setTimeout(() => { while (true) {} }, 1);",
    ],
)
async def test_cpu_limit_in_an_awaited_es_module_body(code: str) -> None:
    async with await NodeRuntime.create(cpu_time_limit_ms=300) as rt:
        started = time.monotonic()
        r = await rt.exec(code, file_path="/app/busy.mjs", timeout=TIMEOUT)
        assert r.exit_code == 124 and isinstance(r.error, CpuTimeLimitExceeded), r
        assert time.monotonic() - started < PROMPT
        r = await rt.exec("console.log('still alive')")
        assert (r.exit_code, r.stdout) == (0, "still alive\n")


async def test_an_ordinary_import_rejection_is_still_the_guests_error() -> None:
    # Only the engine's termination wording ends the execution; other import errors reach the guest.
    async with await NodeRuntime.create(files={"/app/bad.mjs": "throw new Error('boom')"}) as rt:
        code = "try { await import('./bad.mjs') } catch (e) { console.log('caught', e.message) }"
        r = await rt.exec(code, file_path="/app/main.mjs", timeout=TIMEOUT)
        assert (r.exit_code, r.stdout, r.error) == (0, "caught boom\n", None)
