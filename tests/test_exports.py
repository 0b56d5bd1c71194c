"""The public namespace: sorted, complete __all__, public __module__, private implementation."""

from __future__ import annotations

import ast
from pathlib import Path

import secure_exec

SRC = Path(secure_exec.__file__).parent


def test_all_is_sorted_and_complete() -> None:
    names = [n for n in secure_exec.__all__ if n != "__version__"]
    assert names == sorted(names)
    public = {n for n in dir(secure_exec) if not n.startswith("_")}
    submodules = {"permissions", "testing", "vfs"}  # public modules appear once imported
    assert public - submodules == set(names)


def test_public_classes_report_the_public_module() -> None:
    for name in secure_exec.__all__:
        obj = getattr(secure_exec, name)
        if isinstance(obj, type):
            assert obj.__module__ == "secure_exec", name


def test_only_the_v8_module_imports_jsrun() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "jsrun" or n.startswith("jsrun.") for n in names) and path.name != "_v8.py":
                offenders.append(str(path))
    assert offenders == []


def test_host_process_never_loads_the_engine() -> None:
    import subprocess
    import sys

    code = "import secure_exec, secure_exec._runtime, secure_exec._cli, sys; print('jsrun' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
