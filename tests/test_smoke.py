"""The issue's first screen: exec and run as a user writes them."""

from __future__ import annotations

from secure_exec import NodeRuntime


async def test_exec_and_run_as_in_the_readme() -> None:
    async with await NodeRuntime.create(memory_limit_mb=64, cpu_time_limit_ms=2000) as rt:
        r = await rt.exec("console.log('hello', {a: [1, 2]}); process.exitCode = 3")
        assert (r.exit_code, r.stdout) == (3, "hello { a: [ 1, 2 ] }\n")
        r = await rt.run("export default 40 + 2")
        assert r.value == 42
