"""Module loading checked against host Node: multi-file programs, same output.

Each directory in tests/module_corpus is a small project (its own node_modules
included, written by hand). Host Node runs its `main.js`/`main.mjs` in a copy on
disk; the sandbox runs it from the same files written into the virtual
filesystem at /root/work. Only the project path is normalised.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import host_node
from secure_exec import NodeRuntime

CORPUS = Path(__file__).parent / "module_corpus"
GUEST_ROOT = "/root/work"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def _entry(case: Path) -> str:
    return "main.mjs" if (case / "main.mjs").exists() else "main.js"


@pytest.mark.parametrize("name", CASES)
async def test_module_program_matches_host_node(name: str, tmp_path: Path) -> None:
    import subprocess

    case = CORPUS / name
    work = tmp_path / "work"
    shutil.copytree(case, work)
    entry = _entry(case)
    host = subprocess.run(
        [host_node(), entry], cwd=work, capture_output=True, timeout=60, env={"PATH": "/usr/bin:/bin"}
    )
    files = {
        f"{GUEST_ROOT}/{path.relative_to(case).as_posix()}": path.read_bytes()
        for path in case.rglob("*")
        if path.is_file()
    }
    async with await NodeRuntime.create(files=files, module_access_cwd=str(tmp_path)) as rt:
        result = await rt.exec((case / entry).read_text(), file_path=f"{GUEST_ROOT}/{entry}", cwd=GUEST_ROOT)
    expected_out = host.stdout.decode().replace(str(work), GUEST_ROOT)
    expected_err = host.stderr.decode().replace(str(work), GUEST_ROOT)
    assert (result.exit_code, result.stdout, result.stderr) == (host.returncode, expected_out, expected_err)
