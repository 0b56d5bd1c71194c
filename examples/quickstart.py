"""Run untrusted JavaScript from Python: the README's first example, runnable."""

import asyncio

from secure_exec import NodeRuntime


async def main() -> None:
    async with await NodeRuntime.create(memory_limit_mb=64, cpu_time_limit_ms=2000) as rt:
        r = await rt.exec("console.log('hello', {a: [1, 2]}); process.exitCode = 3")
        assert (r.exit_code, r.stdout) == (3, "hello { a: [ 1, 2 ] }\n")
        print(r.stdout, end="")

        r = await rt.run("export default 40 + 2")
        assert r.value == 42
        print("run() returned", r.value)

        r = await rt.exec("while (true) {}")
        print("busy loop:", r.exit_code, r.error)


if __name__ == "__main__":
    asyncio.run(main())
