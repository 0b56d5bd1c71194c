"""Builtin benchmarks: crypto, zlib, streams, URL and first-require costs, sandbox vs host Node.

    python bench/builtins.py

Each figure is the median of 5 executions in one warm runtime; the guest times
itself with process.hrtime (clocks unfrozen), host Node runs the same program
from a file. crypto and zlib run in the worker's Python (library calls), not
in the embedder's process.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import host_node  # noqa: E402
from secure_exec import NodeRuntime, WorkerPool  # noqa: E402

TIMED = "const __t = process.hrtime.bigint(); {body}; console.log(Number(process.hrtime.bigint() - __t) / {div});"
CASES = [
    (
        "sha256 of 1 KiB (createHash/update/digest), µs",
        1000 * 1000,
        "const c = require('crypto'); const b = Buffer.alloc(1024, 1);"
        " for (let i = 0; i < 1000; i++) c.createHash('sha256').update(b).digest('hex')",
    ),
    (
        "sha256 of 1 MiB, ms",
        20 * 1e6,
        "const c = require('crypto'); const b = Buffer.alloc(1 << 20, 1);"
        " for (let i = 0; i < 20; i++) c.createHash('sha256').update(b).digest()",
    ),
    (
        "randomBytes(32), µs",
        1000 * 1000,
        "const c = require('crypto'); for (let i = 0; i < 1000; i++) c.randomBytes(32)",
    ),
    (
        "pbkdf2Sync sha256 100k iterations, ms",
        1e6,
        "require('crypto').pbkdf2Sync('pw', 'salt', 100000, 32, 'sha256')",
    ),
    (
        "RSA-2048 sign (createSign), ms",
        50 * 1e6,
        "const c = require('crypto'); const { privateKey } = c.generateKeyPairSync('rsa', { modulusLength: 2048 });"
        " const __s = process.hrtime.bigint();"
        " for (let i = 0; i < 50; i++) c.createSign('sha256').update('x').sign(privateKey);"
        " console.log(Number(process.hrtime.bigint() - __s) / 50e6); process.exit(0)",
    ),
    (
        "gzipSync + gunzipSync 256 KiB text, ms",
        20 * 1e6,
        "const z = require('zlib'); const b = Buffer.from('hello world '.repeat(21846));"
        " for (let i = 0; i < 20; i++) z.gunzipSync(z.gzipSync(b))",
    ),
    (
        "gzip stream 4 MiB in 64 KiB chunks, ms",
        1e6,
        "const z = require('zlib'); const g = z.createGzip(); let n = 0; g.on('data', (d) => { n += d.length; });"
        " const chunk = Buffer.alloc(65536, 'abc'); for (let i = 0; i < 64; i++) g.write(chunk); g.end();"
        " g.on('end', () => { console.log(Number(process.hrtime.bigint() - __t) / 1e6); process.exit(0); })",
    ),
    (
        "new URL() x 10k, µs",
        10000 * 1000,
        "for (let i = 0; i < 10000; i++) new URL('https://user@example.com:8080/a/b/../c?x=' + i + '#f')",
    ),
    (
        "Readable.from + pipeline of 10k objects, ms",
        1e6,
        "const { Readable, Writable, pipeline } = require('stream'); let n = 0;"
        " pipeline(Readable.from(Array.from({ length: 10000 }, (_, i) => i)),"
        " new Writable({ objectMode: true, write(c, e, cb) { n++; cb(); } }),"
        " () => { console.log(Number(process.hrtime.bigint() - __t) / 1e6); process.exit(0); })",
    ),
    (
        "first require of stream+crypto+zlib+url+util+assert, ms",
        1e6,
        "for (const m of ['stream', 'crypto', 'zlib', 'url', 'util', 'assert']) require(m)",
    ),
]


def median(values: list[float]) -> float:
    return statistics.median(values)


def _last_number(text: str) -> float:
    # Asynchronous cases print again when they finish: the last figure is theirs.
    return float(text.strip().splitlines()[-1])


async def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="secure-exec-bench-"))
    async with (
        WorkerPool(size=1) as pool,
        await NodeRuntime.create(pool=pool, timing_mitigation="off", cwd="/app") as rt,
    ):
        print("| benchmark | sandbox | host node | ratio |\n|---|---|---|---|")
        for name, div, body in CASES:
            code = TIMED.format(body=body, div=div)
            guest = []
            for _ in range(5):
                r = await rt.exec(code, file_path="/app/x.js")
                if r.exit_code != 0:
                    raise SystemExit(f"{name}: sandbox failed: {r.stderr}")
                guest.append(_last_number(r.stdout))
            (workdir / "x.js").write_text(code)
            host = [
                _last_number(
                    subprocess.run(
                        [host_node(), "x.js"], cwd=workdir, capture_output=True, text=True, check=True
                    ).stdout
                )
                for _ in range(5)
            ]
            print(f"| {name} | {median(guest):.1f} | {median(host):.1f} | {median(guest) / median(host):.1f}× |")


if __name__ == "__main__":
    asyncio.run(main())
