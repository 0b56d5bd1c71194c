"""js/contract.json is the one list of bridge functions; both sides must match it exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path

from secure_exec._engine import _v8
from secure_exec._kernel._fds import FdTable
from secure_exec._kernel._filesystem import KernelFS
from secure_exec._node._fs_handlers import FsContext
from secure_exec._node._modules import ModuleResolver
from secure_exec._runtime import _NODE_BUILTINS, _bridge_handlers, _Capture, _ExecutionContext
from secure_exec._vfs._memory import MemoryFileSystem

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = json.loads((ROOT / "js" / "contract.json").read_text())
# A host function is called by name, literally: hostCall('fs.stat', ...), or
# through fs.js's wrappers fsSync/fsAsync. Kinds: "sync", "async", "post", or
# "sync|async" for a function the guest calls both ways.
CALL_RE = r"\b(hostCall|hostPost|hostCallAsync|fsSync|fsAsync)\('([A-Za-z.]+)'"
JS_SOURCES = "\n".join(p.read_text() for p in sorted((ROOT / "js" / "src").glob("*.js")))


def test_worker_ops_match_the_contract() -> None:
    assert set(_v8._WORKER_OPS) == set(CONTRACT["worker"])
    assert all(kind == "local" for kind in CONTRACT["worker"].values())


def test_every_worker_op_is_used_by_the_guest_and_no_other() -> None:
    used = set(re.findall(r"\bop\('([A-Za-z]+)'", JS_SOURCES))
    assert used == set(CONTRACT["worker"])


def test_host_functions_match_the_handlers_and_the_guest() -> None:
    fs = KernelFS(MemoryFileSystem())
    context = _ExecutionContext(
        stdout=_Capture(0, None),
        stderr=_Capture(0, None),
        fs=FsContext(fs=fs, fds=FdTable(), permit=lambda op, path, syscall: None),
        resolver=ModuleResolver(fs, builtins=_NODE_BUILTINS),
    )
    handlers = set(_bridge_handlers(context))
    assert handlers == set(CONTRACT["host"])
    called = {name for _, name in re.findall(CALL_RE, JS_SOURCES)}
    worker_called = set(re.findall(r'call_host\("([A-Za-z.]+)"', (ROOT / "src/secure_exec/_engine/_v8.py").read_text()))
    assert called | worker_called == set(CONTRACT["host"])


def test_host_function_kinds_match_how_the_guest_calls_them() -> None:
    kinds = {"hostCall": "sync", "fsSync": "sync", "hostPost": "post", "hostCallAsync": "async", "fsAsync": "async"}
    used: dict[str, set[str]] = {}
    for fn, name in re.findall(CALL_RE, JS_SOURCES):
        used.setdefault(name, set()).add(kinds[fn])
    for name, how in used.items():
        assert set(CONTRACT["host"][name].split("|")) == how, name


def test_built_assets_carry_the_contract() -> None:
    from importlib import resources

    shipped = json.loads(resources.files("secure_exec").joinpath("_assets/contract.json").read_text())
    assert shipped == CONTRACT


def test_the_host_knows_the_same_builtin_names_as_the_guest() -> None:
    source = (ROOT / "js" / "src" / "modules.js").read_text()
    block = source[source.index("export const NODE_BUILTINS = [") : source.index("];", source.index("NODE_BUILTINS"))]
    assert set(re.findall(r"'([a-z_/0-9]+)'", block)) == _NODE_BUILTINS
