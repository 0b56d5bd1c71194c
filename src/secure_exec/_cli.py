"""The ``secure-exec`` command line."""

from __future__ import annotations

import argparse
import asyncio
import fnmatch
import os
import posixpath
import sys
from collections.abc import Sequence

from ._exceptions import ConfigurationError
from ._runtime import Mount, NodeRuntime
from .permissions import Permissions

_DESCRIPTION = """\
Run untrusted JavaScript with Node.js 22 semantics in a fresh V8 isolate.
Nothing the program does reaches the host: it sees a virtual process (argv,
env and cwd as given here, frozen clocks by default) and its output is
streamed to this terminal. The guest's exit code becomes this command's.

Permissions are deny-by-default: without --allow-fs the program cannot touch
the virtual filesystem (it can still load packages from the read-only
node_modules of --module-access-cwd, default: the current directory), and it
sees no host environment variable unless --allow-env names it.
"""

_EPILOG = """\
examples:
  secure-exec run program.mjs arg1 arg2
  secure-exec eval "console.log(1 + 1)"
  echo hello | secure-exec eval "process.stdin.pipe(process.stdout)"
  secure-exec --cpu-time-limit 500 eval "while (true) {}"     # exits 124
  secure-exec --allow-fs --mount ./reports:/data eval "console.log(require('fs').readdirSync('/data'))"
  secure-exec --allow-env HOME --allow-env 'LC_*' eval "console.log(process.env)"
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="secure-exec",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--memory-limit",
        type=int,
        default=128,
        metavar="MB",
        help="V8 heap limit of the program in MiB (default 128); exhausting it exits 134",
    )
    parser.add_argument(
        "--cpu-time-limit",
        type=int,
        default=None,
        metavar="MS",
        help="CPU time the program may use, in milliseconds; past it the program is stopped and exits 124",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="wall-clock limit; past it the program is stopped and exits 124",
    )
    parser.add_argument(
        "--timing",
        choices=("freeze", "off"),
        default="freeze",
        help="'freeze' (default) makes Date.now(), performance.now(), process.hrtime() read one instant; "
        "'off' lets clocks advance",
    )
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a variable in the program's process.env (repeatable); the host's environment is never passed",
    )
    parser.add_argument(
        "--cwd", default="/root", metavar="PATH", help="the program's working directory (default /root)"
    )
    parser.add_argument(
        "--max-output",
        type=int,
        default=None,
        metavar="BYTES",
        help="stop forwarding stdout/stderr past this many bytes each (default: forward everything)",
    )
    parser.add_argument(
        "--allow-fs",
        action="store_true",
        help="let the program use the virtual filesystem (reads and writes); without it every fs call "
        "outside the read-only node_modules overlay fails with EACCES",
    )
    parser.add_argument(
        "--allow-env",
        action="append",
        default=[],
        metavar="NAME",
        help="pass the host's environment variable NAME to the program (repeatable; shell-style "
        "wildcards such as 'LC_*' match several)",
    )
    parser.add_argument(
        "--mount",
        action="append",
        default=[],
        metavar="HOST:GUEST[:rw]",
        help="mount a host directory at a guest path (repeatable); read-only unless ':rw' is given. "
        "The program cannot leave it through '..' or symlinks",
    )
    parser.add_argument(
        "--module-access-cwd",
        default=None,
        metavar="DIR",
        help="host directory whose node_modules the program can require/import, read-only, at "
        "/app/node_modules (default: the current directory)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser("run", help="run a JavaScript file (.js, .mjs or .cjs) from the host")
    run.add_argument("file", help="host path of the program; it runs as <cwd>/<file name> in the sandbox")
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the program (process.argv[2:])")
    ev = sub.add_parser("eval", help="run JavaScript given on the command line")
    ev.add_argument("code", help="the program's source")
    ev.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the program (process.argv[2:])")
    return parser


def _mounts(specs: Sequence[str]) -> list[Mount]:
    mounts = []
    for spec in specs:
        parts = spec.split(":")
        read_only = True
        if len(parts) == 3 and parts[2] in ("rw", "ro"):
            read_only = parts[2] == "ro"
            parts = parts[:2]
        if len(parts) != 2 or not parts[0] or not parts[1].startswith("/"):
            raise ConfigurationError(f"--mount takes HOST:GUEST[:rw] with an absolute GUEST path, got {spec!r}")
        mounts.append(Mount(guest_path=parts[1], host_path=os.path.abspath(parts[0]), read_only=read_only))
    return mounts


async def _main(ns: argparse.Namespace) -> int:
    env: dict[str, str] = {}
    for pattern in ns.allow_env:
        for name, value in os.environ.items():
            if fnmatch.fnmatchcase(name, pattern):
                env[name] = value
    for item in ns.env:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise ConfigurationError(f"--env takes NAME=VALUE, got {item!r}")
        env[name] = value
    if ns.command == "run":
        try:
            with open(ns.file, encoding="utf-8") as f:
                code = f.read()
        except OSError as exc:
            print(f"secure-exec: cannot read {ns.file}: {exc.strerror}", file=sys.stderr)
            return 2
        file_path = posixpath.join(ns.cwd, os.path.basename(ns.file))
    else:
        code = ns.code
        file_path = posixpath.join(ns.cwd, "[eval].js")
    stdin: bytes | None = None
    if not sys.stdin.isatty():
        stdin = sys.stdin.buffer.read()

    limit = ns.max_output
    sent = {1: 0, 2: 0}

    def forward(fd: int, stream: object) -> object:
        buffer = stream.buffer  # type: ignore[attr-defined]

        def hook(chunk: bytes) -> None:
            if limit is not None:
                room = limit - sent[fd]
                if room <= 0:
                    return
                chunk = chunk[:room]
            sent[fd] += len(chunk)
            buffer.write(chunk)
            buffer.flush()

        return hook

    async with await NodeRuntime.create(
        memory_limit_mb=ns.memory_limit,
        cpu_time_limit_ms=ns.cpu_time_limit,
        timing_mitigation=ns.timing,
        isolation="dedicated",
        env=env,
        cwd=ns.cwd,
        max_output_bytes=0,
        mounts=_mounts(ns.mount),
        module_access_cwd=os.path.abspath(ns.module_access_cwd) if ns.module_access_cwd else None,
        permissions=Permissions(fs="allow" if ns.allow_fs else "deny"),
    ) as rt:
        result = await rt.exec(
            code,
            file_path=file_path,
            argv=ns.args,
            stdin=stdin,
            timeout=ns.timeout,
            on_stdout=forward(1, sys.stdout),  # type: ignore[arg-type]
            on_stderr=forward(2, sys.stderr),  # type: ignore[arg-type]
        )
    if result.error is not None:
        print(f"secure-exec: {result.error}", file=sys.stderr)
    return result.exit_code


def main(argv: Sequence[str] | None = None) -> None:
    ns = _parser().parse_args(argv)
    try:
        code = asyncio.run(_main(ns))
    except ConfigurationError as exc:
        print(f"secure-exec: {exc}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
