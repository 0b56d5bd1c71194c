"""Kernel benchmarks: fs calls and module loading, sandbox vs host Node in the same run.

    python bench/kernel.py            (after `python3 scripts/dev.py test` has installed the fixtures)

Each figure is the median of 5 executions; the guest times itself with
process.hrtime (clocks unfrozen), host Node runs the same program on disk.
Package loading uses tests/projects/npm-packages installed with npm.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import host_node  # noqa: E402
from packages import PROJECTS, install  # noqa: E402
from secure_exec import NodeRuntime, WorkerPool  # noqa: E402

TIMED = "const __t = process.hrtime.bigint(); {body}; console.log(Number(process.hrtime.bigint() - __t) / {div});"
CASES = [
    (
        "readFileSync 1 KiB, µs per call",
        "x.js",
        2000 * 1000,
        "const fs = require('fs'); for (let i = 0; i < 2000; i++) fs.readFileSync('data.txt')",
    ),
    (
        "statSync, µs per call",
        "x.js",
        2000 * 1000,
        "const fs = require('fs'); for (let i = 0; i < 2000; i++) fs.statSync('data.txt')",
    ),
    (
        "writeFileSync 1 KiB, µs per call",
        "x.js",
        2000 * 1000,
        "const fs = require('fs'); const b = Buffer.alloc(1024); for (let i = 0; i < 2000; i++) fs.writeFileSync('out.txt', b)",
    ),
    ("require lodash + semver + yaml, ms", "x.js", 1e6, "require('lodash'); require('semver'); require('yaml')"),
    ("import lodash-es (640 modules), ms", "x.mjs", 1e6, "await import('lodash-es')"),
]


def median(values: list[float]) -> float:
    return statistics.median(values)


async def main() -> None:
    project = install(PROJECTS / "npm-packages", "npm")
    (project / "data.txt").write_bytes(b"x" * 1024)
    async with (
        WorkerPool(size=1) as pool,
        await NodeRuntime.create(
            pool=pool,
            timing_mitigation="off",
            module_access_cwd=str(project),
            cwd="/app",
            files={"/app/data.txt": b"x" * 1024},
        ) as rt,
    ):
        print("| benchmark | sandbox | host node | ratio |\n|---|---|---|---|")
        for name, file, div, body in CASES:
            code = TIMED.format(body=body, div=div)
            guest = []
            for _ in range(5):
                r = await rt.exec(code, file_path=f"/app/{file}")
                guest.append(float(r.stdout))
            (project / file).write_text(code)
            host = [
                float(
                    subprocess.run([host_node(), file], cwd=project, capture_output=True, text=True, check=True).stdout
                )
                for _ in range(5)
            ]
            print(f"| {name} | {median(guest):.1f} | {median(host):.1f} | {median(guest) / median(host):.1f}× |")


if __name__ == "__main__":
    asyncio.run(main())
