"""Library functions answered inside the worker: the Python half of crypto and zlib.

The guest calls them with `libCall(name, ...args)` (js/src/dispatch.js), through
the one worker op `lib`. They run on the execution's runtime thread, in the
worker process, never in the host: a call costs about 11 µs instead of a host
round trip (~150 µs), and the CPU and memory they use (a scrypt, a brotli level
11, a decompression bomb) count against the worker's limits, not the embedder's
process.

A library function takes the execution's `LibState` and the guest's arguments
(plain msgpack-able values: bytes arrive as `bytes`) and returns a plain value.
It raises `LibError` for a Node-shaped error (message, code, name). Anything
else it raises is a bug: the op reports it as an internal error and the guest
gets an `ERR_INTERNAL_ASSERTION`-coded Error.

Objects that live across calls (a hash being updated, a zlib stream) are kept
in the state's handle table and reached by integer handles; the table is
bounded and is emptied when the execution ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["LIB_FUNCTIONS", "LibError", "LibState", "call_lib", "register"]

#: How many live handles (hashes, ciphers, zlib streams, keys) one execution may hold.
MAX_HANDLES = 100_000


class LibError(Exception):
    """A Node-shaped error for the guest: `Error`/`TypeError`/`RangeError` with a code."""

    def __init__(self, message: str, code: str | None = None, name: str = "Error", **extra: Any) -> None:
        super().__init__(message)
        self.payload: dict[str, Any] = {"message": message, "name": name, **extra}
        if code is not None:
            self.payload["code"] = code


class LibState:
    """One execution's library state: its handle table."""

    def __init__(self, max_handles: int = MAX_HANDLES) -> None:
        self._handles: dict[int, Any] = {}
        self._next = 1
        self._max = max_handles

    def add(self, obj: Any) -> int:
        if len(self._handles) >= self._max:
            raise LibError(
                f"too many live library handles (limit {self._max})", "ERR_SANDBOX_RESOURCE_LIMIT", "RangeError"
            )
        handle = self._next
        self._next += 1
        self._handles[handle] = obj
        return handle

    def get(self, handle: Any, kind: type | tuple[type, ...] = object) -> Any:
        valid = isinstance(handle, int) and not isinstance(handle, bool)
        obj = self._handles.get(handle) if valid else None
        if obj is None or not isinstance(obj, kind):
            raise LibError("invalid library handle", "ERR_INVALID_STATE")
        return obj

    def release(self, handle: Any) -> None:
        if isinstance(handle, int) and not isinstance(handle, bool):
            self._handles.pop(handle, None)

    def __len__(self) -> int:
        return len(self._handles)

    def close(self) -> None:
        self._handles.clear()


LibFunction = Callable[..., Any]
#: Every library function by name ("crypto.hash", "zlib.process", ...).
LIB_FUNCTIONS: dict[str, LibFunction] = {}


def register(name: str) -> Callable[[LibFunction], LibFunction]:
    """Decorator: make `fn(state, *args)` callable from the guest as `name`."""

    def add(fn: LibFunction) -> LibFunction:
        if name in LIB_FUNCTIONS:
            raise ValueError(f"library function {name!r} registered twice")
        LIB_FUNCTIONS[name] = fn
        return fn

    return add


def call_lib(state: LibState, name: Any, args: Any) -> dict[str, Any]:
    """Run one library call; the reply is ``{"ok": value}`` or ``{"err": payload}``."""
    _load()
    fn = LIB_FUNCTIONS.get(name) if isinstance(name, str) else None
    if fn is None:
        return {"err": {"message": f"library function {name!r} is not available", "code": "ERR_NOT_AVAILABLE"}}
    if not isinstance(args, list):
        return {"err": {"message": "invalid library call", "code": "ERR_INVALID_BRIDGE_PAYLOAD", "name": "TypeError"}}
    try:
        return {"ok": fn(state, *args)}
    except LibError as exc:
        return {"err": exc.payload}
    except MemoryError:
        return {
            "err": {"message": f"{name}: out of memory", "code": "ERR_SANDBOX_RESOURCE_LIMIT", "name": "RangeError"}
        }
    except (TypeError, ValueError, OverflowError) as exc:
        # A malformed argument the guest-side glue did not catch: never a host crash.
        return {
            "err": {"message": f"{name}: {exc}", "code": "ERR_INVALID_ARG_VALUE", "name": "TypeError"},
        }


_loaded = False


def _load() -> None:
    """Import the library modules (they register themselves) on first use."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_") or info.name.startswith("__"):
            continue
        importlib.import_module(f"{__name__}.{info.name}")
