"""NodeRuntime: run untrusted JavaScript with Node.js semantics in V8 isolates."""

from __future__ import annotations

import asyncio
import os
import posixpath
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ._engine._pool import BridgeError, HostExecution, WorkerDied, WorkerPool
from ._engine._wire import from_wire
from ._exceptions import (
    ConfigurationError,
    CpuTimeLimitExceeded,
    EngineError,
    MemoryLimitExceeded,
    ResourceBudgetExceeded,
    RuntimeClosedError,
    SandboxError,
    ValueTransferError,
    WallTimeLimitExceeded,
)
from ._kernel._errno import KernelError
from ._kernel._fds import FdTable
from ._kernel._filesystem import KernelFS
from ._kernel._paths import file_url, normalize
from ._kernel._permissions import DEFAULT_RUNTIME_PERMISSIONS, Permissions, filter_env
from ._kernel._vfs import Stat, VirtualFileSystem
from ._node._fs_handlers import FsContext, fs_handlers
from ._node._modules import ModuleResolver, ResolveError
from ._results import ExecResult, RunResult
from ._vfs._host_dir import HostDirectory
from ._vfs._memory import MemoryFileSystem
from ._vfs._overlay import NodeModulesOverlay

__all__ = ["Mount", "NodeRuntime"]

#: Where the host project's node_modules appears in the guest (read-only).
MODULES_ROOT = "/app/node_modules"
#: Directories every runtime's filesystem starts with.
BASE_DIRECTORIES = ("/app", "/root", "/tmp", "/home", "/usr/bin")

#: The Node.js version guests see (matching the reference Node used in tests).
NODE_VERSION = "v22.20.0"
MIB = 1024 * 1024
PAYLOAD_LIMIT_RANGE = (1024, 64 * MIB)
StdioHook = Callable[[bytes], object]
ModuleType = Literal["auto", "commonjs", "module"]


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True, slots=True)
class Mount:
    """A filesystem mounted into the guest at ``guest_path``.

    Either a host directory (``host_path``; the guest cannot leave it through
    ``..`` or symlinks, and it is read-only unless ``read_only=False``) or any
    `secure_exec.vfs.VirtualFileSystem` backend (``filesystem``). Host
    directories are read lazily: nothing is copied up front.
    """

    guest_path: str
    host_path: str | os.PathLike[str] | None = None
    read_only: bool = True
    filesystem: VirtualFileSystem | None = None


@dataclass(frozen=True, slots=True)
class _Options:
    memory_limit_mb: int
    cpu_time_limit_ms: int | None
    timing_mitigation: Literal["freeze", "off"]
    max_output_bytes: int
    payload_limit_bytes: int
    max_timers: int
    max_handles: int
    env: Mapping[str, str]
    cwd: str
    timeout: float | None
    permissions: Permissions


def _check_int(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigurationError(f"{name} must be an integer, got {type(value).__name__}")
    if not low <= value <= high:
        raise ConfigurationError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _check_timeout(timeout: float | None) -> float | None:
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0):
        raise ConfigurationError(f"timeout must be positive seconds or None, got {timeout!r}")
    return timeout


def _check_env(env: Mapping[str, str] | None) -> dict[str, str]:
    if env is None:
        return {}
    out = {}
    for key, value in env.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise ConfigurationError("env keys and values must be strings")
        out[key] = value
    return out


def _check_path(name: str, path: str) -> str:
    """An absolute guest path, normalised by the kernel's one normaliser."""
    if not isinstance(path, str) or not path.startswith("/"):
        raise ConfigurationError(f"{name} must be an absolute guest path, got {path!r}")
    try:
        return normalize(path)
    except ValueError as exc:
        raise ConfigurationError(f"{name}: {exc}") from None


class _Capture:
    """Bounded capture of one output stream; the hook still sees every chunk."""

    def __init__(self, cap: int, hook: StdioHook | None) -> None:
        self.cap = cap
        self.hook = hook
        self.buf = bytearray()
        self.truncated = False
        self.total = 0

    def write(self, data: bytes) -> None:
        self.total += len(data)
        if self.hook is not None:
            try:
                self.hook(data)
            except Exception:  # a failing hook must not break the execution's bridge
                pass
        room = self.cap - len(self.buf)
        if room >= len(data):
            self.buf += data
        else:
            if room > 0:
                self.buf += data[:room]
            self.truncated = True

    def text(self) -> str:
        return self.buf.decode("utf-8", errors="replace")


# One shared pool per event loop, reference-counted by the runtimes using it.
_shared_pools: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, list[Any]] = weakref.WeakKeyDictionary()


def _acquire_shared_pool() -> WorkerPool:
    loop = asyncio.get_running_loop()
    entry = _shared_pools.get(loop)
    if entry is None or entry[0].closed:
        entry = [WorkerPool(size=2), 0]
        _shared_pools[loop] = entry
    entry[1] += 1
    pool: WorkerPool = entry[0]
    return pool


async def _release_shared_pool(pool: WorkerPool) -> None:
    loop = asyncio.get_running_loop()
    entry = _shared_pools.get(loop)
    if entry is None or entry[0] is not pool:
        return
    entry[1] -= 1
    if entry[1] <= 0:
        del _shared_pools[loop]
        await pool.aclose()


class NodeRuntime:
    """A sandboxed Node.js runtime. Create it with `await NodeRuntime.create(...)`.

    Every `exec`/`run` gets a fresh V8 isolate in a worker process; nothing
    survives between executions except what the runtime's options give each one.
    Use it as an async context manager, or call `aclose()`.
    """

    def __init__(self, options: _Options, fs: KernelFS, pool: WorkerPool, owns_pool: bool, shared: bool) -> None:
        self._options = options
        self._fs = fs
        self._pool = pool
        self._owns_pool = owns_pool
        self._shared = shared
        self._closed = False
        self._running: set[asyncio.Task[Any]] = set()
        self._stats = {"executions": 0, "stdout_bytes": 0, "stderr_bytes": 0}

    @classmethod
    async def create(
        cls,
        *,
        memory_limit_mb: int = 128,
        cpu_time_limit_ms: int | None = None,
        timing_mitigation: Literal["freeze", "off"] = "freeze",
        isolation: Literal["shared", "dedicated"] = "shared",
        pool: WorkerPool | None = None,
        env: Mapping[str, str] | None = None,
        cwd: str = "/root",
        max_output_bytes: int = 16 * MIB,
        payload_limit_bytes: int = 16 * MIB,
        max_timers: int = 10_000,
        max_handles: int = 10_000,
        timeout: float | None = None,
        files: Mapping[str, str | bytes] | None = None,
        mounts: Sequence[Mount] = (),
        module_access_cwd: str | os.PathLike[str] | None = None,
        filesystem: VirtualFileSystem | None = None,
        permissions: Permissions | Mapping[str, Any] | None = None,
    ) -> NodeRuntime:
        """Create a runtime.

        Args:
            memory_limit_mb: V8 heap limit of each execution, in MiB (8 to 16384).
                The worker's resident memory is also bounded (see `WorkerPool`).
            cpu_time_limit_ms: CPU time each execution may use; past it the guest is
                stopped with exit code 124 and `CpuTimeLimitExceeded`. None: no limit.
            timing_mitigation: ``"freeze"`` makes ``Date.now()``, ``new Date()``,
                ``performance.now()``, ``process.hrtime()`` and ``process.uptime()`` read
                one instant per execution and removes ``SharedArrayBuffer`` and
                ``Atomics``; ``"off"`` lets clocks advance.
            isolation: ``"shared"`` runs executions in worker processes shared by the
                runtimes of this event loop; ``"dedicated"`` gives this runtime its own.
            pool: an explicit `WorkerPool` to use (it outlives the runtime).
            env: the guest's ``process.env``; nothing of the host's environment is added.
            cwd: the guest's working directory.
            max_output_bytes: how much of stdout and of stderr each result keeps.
            payload_limit_bytes: the largest single transfer between guest and host
                (1024 B to 64 MiB); larger ones fail with ``ERR_SANDBOX_PAYLOAD_TOO_LARGE``.
            max_timers: timers one execution may have pending.
            max_handles: other active handles (stdin, servers, ...) one execution may hold.
            timeout: default wall-clock seconds for each call (see `exec`); None: none.
            files: ``{guest_path: str | bytes}`` written into the filesystem up front
                (parent directories are created).
            mounts: `Mount` entries: host directories or other backends, mounted
                lazily (the longest guest path wins).
            module_access_cwd: a host directory whose ``node_modules`` the guest sees,
                read-only, at ``/app/node_modules`` (on every module's resolution
                path). Default: the host process's working directory.
            filesystem: the root backend (default: a fresh `MemoryFileSystem`).
            permissions: a `secure_exec.permissions.Permissions` (or a mapping for
                `Permissions.from_mapping`), merged over the runtime's defaults
                (virtual fs, env, child processes and process control allowed;
                network denied). ``process.env`` holds only the ``env`` keys the env
                policy allows; the host's environment is never visible.

        Raises:
            ConfigurationError: an option is out of range.
        """
        if timing_mitigation not in ("freeze", "off"):
            raise ConfigurationError(f"timing_mitigation must be 'freeze' or 'off', got {timing_mitigation!r}")
        if isolation not in ("shared", "dedicated"):
            raise ConfigurationError(f"isolation must be 'shared' or 'dedicated', got {isolation!r}")
        options = _Options(
            memory_limit_mb=_check_int("memory_limit_mb", memory_limit_mb, 8, 16384),
            cpu_time_limit_ms=None
            if cpu_time_limit_ms is None
            else _check_int("cpu_time_limit_ms", cpu_time_limit_ms, 1, 7 * 24 * 3600 * 1000),
            timing_mitigation=timing_mitigation,
            max_output_bytes=_check_int("max_output_bytes", max_output_bytes, 0, 1024 * MIB),
            payload_limit_bytes=_check_int("payload_limit_bytes", payload_limit_bytes, *PAYLOAD_LIMIT_RANGE),
            max_timers=_check_int("max_timers", max_timers, 1, 1_000_000),
            max_handles=_check_int("max_handles", max_handles, 1, 1_000_000),
            env=_check_env(env),
            cwd=_check_path("cwd", cwd),
            timeout=_check_timeout(timeout),
            permissions=_check_permissions(permissions),
        )
        fs = _build_filesystem(files, mounts, module_access_cwd, filesystem)
        if pool is not None:
            return cls(options, fs, pool, owns_pool=False, shared=False)
        if isolation == "dedicated":
            return cls(options, fs, WorkerPool(size=1), owns_pool=True, shared=False)
        return cls(options, fs, _acquire_shared_pool(), owns_pool=False, shared=True)

    async def __aenter__(self) -> NodeRuntime:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    @property
    def closed(self) -> bool:
        return self._closed

    def statistics(self) -> dict[str, Any]:
        """A snapshot of this runtime's counters and its worker pool."""
        return {**self._stats, "running": len(self._running), "closed": self._closed, "pool": self._pool.statistics()}

    async def aclose(self) -> None:
        """Stop running executions and release the workers; idempotent."""
        if self._closed:
            return
        self._closed = True
        for task in list(self._running):
            task.cancel()
        for task in list(self._running):
            try:
                await task
            except BaseException:
                pass
        if self._owns_pool:
            await self._pool.aclose()
        elif self._shared:
            await _release_shared_pool(self._pool)
        self._fs.close()

    # ------------------------------------------------------------ the filesystem, from the host

    async def write_file(self, path: str, data: str | bytes, *, mode: int = 0o644) -> None:
        """Create or replace a file in the guest's filesystem; parent directories are created.

        Usable before, during and after executions (they see it at once). Host
        calls are not subject to the guest's permissions.

        Raises:
            KernelError: the path cannot be written (``EROFS`` on a read-only mount,
                ``EISDIR``, ...), with Node's wording.
        """
        self._check_open()
        payload = data.encode() if isinstance(data, str) else bytes(data)
        self._fs.write_file(_check_path("path", path), payload, mode=mode, make_parents=True)

    async def read_file(self, path: str) -> bytes:
        """The content of a file in the guest's filesystem (symlinks followed)."""
        self._check_open()
        return self._fs.read_file(_check_path("path", path))

    async def read_dir(self, path: str) -> list[str]:
        """The names in a guest directory, sorted, without ``.`` and ``..``."""
        self._check_open()
        return sorted(entry.name for entry in self._fs.readdir(_check_path("path", path)))

    async def stat(self, path: str) -> Stat:
        """Metadata of a guest path (symlinks followed): kind, mode, size, times in ns, ..."""
        self._check_open()
        return self._fs.stat(_check_path("path", path))

    async def mkdir(self, path: str, *, parents: bool = True) -> None:
        """Create a guest directory (and its parents, unless ``parents=False``)."""
        self._check_open()
        self._fs.mkdir(_check_path("path", path), recursive=parents)

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeClosedError("the runtime is closed")

    async def exec(
        self,
        code: str,
        *,
        file_path: str | None = None,
        argv: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
        stdin: str | bytes | None = None,
        timeout: float | None = UNSET,
        on_stdout: StdioHook | None = None,
        on_stderr: StdioHook | None = None,
        cpu_time_limit_ms: int | None = UNSET,
        module_type: ModuleType = "auto",
    ) -> ExecResult:
        """Run ``code`` as a Node.js program and wait for it to end.

        The program is CommonJS or an ES module as Node 22 decides: by the
        extension of ``file_path`` (``.mjs``/``.cjs``), else ``module_type``, else
        by its syntax. It ends when its event loop has nothing referenced left, or
        on ``process.exit()``, an uncaught error, a limit, or ``timeout``.

        Args:
            code: the program's source.
            file_path: its guest path (default ``<cwd>/index.js``).
            argv: arguments after the script (``process.argv[2:]``).
            env: replaces the runtime's ``env`` for this call.
            cwd: replaces the runtime's ``cwd`` for this call.
            stdin: what ``process.stdin`` reads.
            timeout: wall-clock seconds before the guest is stopped (exit 124,
                `WallTimeLimitExceeded`); default: the runtime's ``timeout``. If the
                guest cannot be stopped within 3 s more, its worker is killed.
            on_stdout: called with every chunk of stdout as ``bytes`` (synchronously,
                in order), whether or not the capture cap was reached.
            on_stderr: the same for stderr.
            cpu_time_limit_ms: replaces the runtime's CPU limit for this call.
            module_type: ``"commonjs"`` or ``"module"`` to skip detection.

        Returns:
            The exit code and bounded output. Limits and crashes are reported in
            ``result.error``; ``result.check()`` raises them.

        Raises:
            RuntimeClosedError: the runtime is closed.
            ConfigurationError: an argument is invalid.
            asyncio.CancelledError: the call was cancelled; the guest was stopped.
        """
        result = await self._execute(
            "exec",
            code,
            file_path,
            argv,
            env,
            cwd,
            stdin,
            timeout,
            on_stdout,
            on_stderr,
            cpu_time_limit_ms,
            module_type,
        )
        assert isinstance(result, ExecResult)
        return result

    async def run(
        self,
        code: str,
        *,
        file_path: str | None = None,
        argv: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
        stdin: str | bytes | None = None,
        timeout: float | None = UNSET,
        on_stdout: StdioHook | None = None,
        on_stderr: StdioHook | None = None,
        cpu_time_limit_ms: int | None = UNSET,
        module_type: ModuleType = "auto",
    ) -> RunResult:
        """Like `exec`, and return a value from the guest.

        The value is what the guest passed to ``globalThis.__return(value)`` or,
        failing that, its exports (``module.exports``; an ES module's namespace as
        a dict, or its default export when that is all it exports), converted to
        Python: arrays to lists, objects and Maps to dicts, Sets to lists, typed
        arrays to bytes, BigInts to int, Dates to aware datetimes, undefined to None.
        A value that cannot be converted (a function, a symbol, a cycle) gives
        exit code 1 and `ValueTransferError`.
        """
        result = await self._execute(
            "run", code, file_path, argv, env, cwd, stdin, timeout, on_stdout, on_stderr, cpu_time_limit_ms, module_type
        )
        assert isinstance(result, RunResult)
        return result

    async def _execute(
        self,
        mode: Literal["exec", "run"],
        code: str,
        file_path: str | None,
        argv: Sequence[str],
        env: Mapping[str, str] | None,
        cwd: str | None,
        stdin: str | bytes | None,
        timeout: float | None,
        on_stdout: StdioHook | None,
        on_stderr: StdioHook | None,
        cpu_time_limit_ms: int | None,
        module_type: ModuleType,
    ) -> ExecResult:
        if self._closed:
            raise RuntimeClosedError("the runtime is closed")
        if not isinstance(code, str):
            raise ConfigurationError(f"code must be a str, got {type(code).__name__}")
        options = self._options
        cwd = options.cwd if cwd is None else _check_path("cwd", cwd)
        filename = _check_path("file_path", file_path) if file_path is not None else posixpath.join(cwd, "index.js")
        if cpu_time_limit_ms is UNSET:
            cpu_time_limit_ms = options.cpu_time_limit_ms
        elif cpu_time_limit_ms is not None:
            _check_int("cpu_time_limit_ms", cpu_time_limit_ms, 1, 7 * 24 * 3600 * 1000)
        timeout = options.timeout if timeout is UNSET else _check_timeout(timeout)
        if module_type not in ("auto", "commonjs", "module"):
            raise ConfigurationError(f"module_type must be 'auto', 'commonjs' or 'module', got {module_type!r}")
        stdin_bytes = stdin.encode() if isinstance(stdin, str) else stdin
        if stdin_bytes is not None and len(stdin_bytes) > options.payload_limit_bytes:
            raise ConfigurationError(
                f"ERR_SANDBOX_PAYLOAD_TOO_LARGE: stdin exceeds {options.payload_limit_bytes} bytes (got {len(stdin_bytes)})"
            )
        resolver = ModuleResolver(self._fs, builtins=_NODE_BUILTINS, global_paths=(MODULES_ROOT,))
        if filename.endswith(".mjs"):
            kind = "esm"
        elif filename.endswith(".cjs"):
            kind = "cjs"
        else:
            kind = {"auto": "auto", "commonjs": "cjs", "module": "esm"}[module_type]
            if kind == "auto" and resolver.format_of(filename) == "module":
                kind = "esm"  # the nearest package.json says "type": "module"
        guest_env = filter_env(_check_env(env) if env is not None else options.env, options.permissions)
        config = {
            "limits": {
                "memoryLimitBytes": options.memory_limit_mb * MIB,
                "cpuTimeLimitMs": cpu_time_limit_ms,
                "payloadLimitBytes": options.payload_limit_bytes,
            },
            "mode": mode,
            "filename": filename,
            "entryUrl": file_url(filename),
            "source": code,
            "moduleType": kind,
            "argv": ["/usr/bin/node", filename, *[str(a) for a in argv]],
            "env": guest_env,
            "globalPaths": [MODULES_ROOT],
            "cwd": cwd,
            "execPath": "/usr/bin/node",
            "pid": 1,
            "ppid": 0,
            "uid": 0,
            "gid": 0,
            "platform": "linux",
            "arch": "x64",
            "version": NODE_VERSION,
            "timing": options.timing_mitigation,
            "frozenTimeMs": int(time.time() * 1000),
            "stdin": stdin_bytes,
            "payloadLimitBytes": options.payload_limit_bytes,
            "maxTimers": options.max_timers,
            "maxHandles": options.max_handles,
        }
        stdout = _Capture(options.max_output_bytes, on_stdout)
        stderr = _Capture(options.max_output_bytes, on_stderr)
        fds = FdTable()
        context = _ExecutionContext(
            stdout=stdout,
            stderr=stderr,
            fs=FsContext(
                fs=self._fs,
                fds=fds,
                permit=_fs_permit(options.permissions),
                transfer_limit=options.payload_limit_bytes,
            ),
            resolver=resolver,
            cwd=cwd,
        )
        handlers = _bridge_handlers(context)
        task = asyncio.current_task()
        assert task is not None
        self._running.add(task)
        try:
            outcome = await self._run_in_worker(config, handlers, timeout)
        finally:
            self._running.discard(task)
            fds.close_all()
            self._stats["executions"] += 1
            self._stats["stdout_bytes"] += stdout.total
            self._stats["stderr_bytes"] += stderr.total
        return self._result(mode, outcome, stdout, stderr, cpu_time_limit_ms, timeout)

    async def _run_in_worker(
        self, config: dict[str, Any], handlers: dict[str, Any], timeout: float | None
    ) -> dict[str, Any]:
        try:
            worker = await self._pool.acquire()
        except WorkerDied as exc:
            return {"status": "crashed", "message": str(exc)}
        execution = HostExecution(config=config, handlers=handlers, payload_limit=self._options.payload_limit_bytes)
        try:
            return await worker.execute(execution, timeout=timeout)
        except WorkerDied as exc:
            return {"status": "crashed", "message": str(exc)}

    def _result(
        self,
        mode: str,
        outcome: dict[str, Any],
        stdout: _Capture,
        stderr: _Capture,
        cpu_limit: int | None,
        timeout: float | None,
    ) -> ExecResult:
        status = outcome.get("status")
        exit_code = 1
        error: SandboxError | None = None
        value: Any = None
        if status == "exit":
            exit_code = int(outcome["exitCode"])
            if mode == "run":
                wire = outcome.get("value")
                if isinstance(wire, dict) and "err" in wire:
                    error = ValueTransferError(str(wire["err"]))
                    exit_code = exit_code or 1
                elif isinstance(wire, dict) and "ok" in wire:
                    try:
                        value = from_wire(wire["ok"])
                    except (ValueError, KeyError, TypeError) as exc:
                        error = ValueTransferError(f"malformed run() value: {exc}")
                        exit_code = exit_code or 1
                    except RecursionError:
                        error = ValueTransferError("run() value is nested too deeply")
                        exit_code = exit_code or 1
        elif status == "cpu":
            error = CpuTimeLimitExceeded(f"CPU time limit exceeded (cpu_time_limit_ms={cpu_limit})")
        elif status == "timeout":
            error = WallTimeLimitExceeded(f"Wall time limit exceeded (timeout={timeout}s)")
        elif status == "memory":
            error = MemoryLimitExceeded(
                f"Memory limit exceeded (memory_limit_mb={self._options.memory_limit_mb}): JavaScript heap out of memory"
            )
        elif status == "too_large":
            error = ResourceBudgetExceeded(str(outcome.get("message")))
        else:
            error = EngineError(str(outcome.get("message") or f"execution ended with status {status!r}"))
        if error is not None and status != "exit":
            exit_code = getattr(error, "exit_code", 1)
        base = ExecResult(
            exit_code=exit_code,
            stdout=stdout.text(),
            stderr=stderr.text(),
            stdout_truncated=stdout.truncated,
            stderr_truncated=stderr.truncated,
            error=error,
        )
        if mode == "run":
            return RunResult(
                base.exit_code,
                base.stdout,
                base.stderr,
                base.stdout_truncated,
                base.stderr_truncated,
                base.error,
                value=value if error is None else None,
            )
        return base


def _field(payload: Any, name: str, kind: type | tuple[type, ...]) -> Any:
    """One field of a bridge payload, of the expected type.

    Payloads are built by the guest-side bridge, but guest code shares its
    isolate and can shape them (by replacing prototype methods the bridge
    uses), so the host trusts nothing about them.

    Raises:
        BridgeError: ``ERR_INVALID_BRIDGE_PAYLOAD``, when the payload is not a
            dict or the field is missing or of another type.
    """
    value = payload.get(name) if isinstance(payload, dict) else None
    if isinstance(value, bool) or not isinstance(value, kind):  # no payload field is a bool
        raise BridgeError(f"invalid bridge payload: {name!r}", code="ERR_INVALID_BRIDGE_PAYLOAD", name="TypeError")
    return value


@dataclass(slots=True)
class _ExecutionContext:
    """What the host side of one execution's bridge works with."""

    stdout: _Capture
    stderr: _Capture
    fs: FsContext
    resolver: ModuleResolver
    cwd: str = "/"


def _bridge_handlers(ctx: _ExecutionContext) -> dict[str, Any]:
    """The host side of the bridge functions this runtime serves (js/contract.json "host")."""

    def stdio_write(payload: Any) -> None:
        fd = _field(payload, "fd", int)
        data = _field(payload, "data", bytes)
        if fd not in (1, 2):
            raise BridgeError(f"invalid bridge payload: fd {fd}", code="ERR_INVALID_BRIDGE_PAYLOAD", name="TypeError")
        (ctx.stdout if fd == 1 else ctx.stderr).write(data)

    def module_error(exc: ResolveError | KernelError) -> BridgeError:
        payload = exc.to_payload()
        message = str(payload.pop("message"))
        return BridgeError(message, **payload)

    def module_resolve(payload: Any) -> dict[str, str]:
        specifier = _field(payload, "specifier", str)
        kind = _field(payload, "kind", str)
        if kind not in ("require", "import"):
            raise BridgeError(f"invalid bridge payload: kind {kind!r}", code="ERR_INVALID_BRIDGE_PAYLOAD")
        referrer = payload.get("referrer")
        if referrer is not None and not isinstance(referrer, str):
            raise BridgeError("invalid bridge payload: referrer", code="ERR_INVALID_BRIDGE_PAYLOAD")
        paths = _optional_strings(payload, "paths")
        stack = _optional_strings(payload, "requireStack") or []
        check_format = payload.get("checkFormat", True) is not False
        try:
            resolved = ctx.resolver.resolve(
                specifier,
                referrer,
                kind,
                paths=paths,
                require_stack=stack,
                cwd=ctx.cwd,
                check_format=check_format,
            )
        except (ResolveError, KernelError) as exc:
            raise module_error(exc) from None
        if resolved.format.endswith("-typescript"):
            raise BridgeError(
                f"TypeScript is not supported in sandbox: {resolved.path}", code="ERR_NOT_SUPPORTED_IN_SANDBOX"
            )
        return {"path": resolved.path, "format": resolved.format, "suffix": resolved.suffix}

    def module_load(payload: Any) -> dict[str, str]:
        path = normalize(_field(payload, "path", str))
        kind = payload.get("kind", "import")
        if kind not in ("require", "import"):
            raise BridgeError(f"invalid bridge payload: kind {kind!r}", code="ERR_INVALID_BRIDGE_PAYLOAD")
        if path.endswith(".node"):
            raise BridgeError(
                f"ERR_MODULE_ACCESS_NATIVE_ADDON: native addon '{path}' is not supported in sandbox",
                code="ERR_MODULE_ACCESS_NATIVE_ADDON",
            )
        try:
            ctx.fs.permit("read", path, "open")
            source, fmt = ctx.resolver.load(path, kind)
        except (ResolveError, KernelError) as exc:
            raise module_error(exc) from None
        return {"source": source, "format": fmt}

    return {
        "stdio.write": stdio_write,
        "module.resolve": module_resolve,
        "module.load": module_load,
        **fs_handlers(ctx.fs),
    }


def _optional_strings(payload: Any, name: str) -> list[str] | None:
    value = payload.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or len(value) > 1000:
        raise BridgeError(f"invalid bridge payload: {name}", code="ERR_INVALID_BRIDGE_PAYLOAD", name="TypeError")
    return value


def _fs_permit(permissions: Permissions) -> Callable[[str, str, str | None], None]:
    """The fs permission check: the read-only module overlay is readable without one."""

    def permit(op: str, path: str, syscall: str | None) -> None:
        if op in _READ_OPS and (path == MODULES_ROOT or path.startswith(MODULES_ROOT + "/")):
            return
        permissions.require_fs(op, path, syscall)  # type: ignore[arg-type]  # ops come from the fs handlers

    return permit


_READ_OPS = frozenset({"read", "readdir", "stat", "exists", "readlink"})


def _check_permissions(permissions: Permissions | Mapping[str, Any] | None) -> Permissions:
    if permissions is None:
        return DEFAULT_RUNTIME_PERMISSIONS
    if isinstance(permissions, Permissions):
        return permissions.merged_over(DEFAULT_RUNTIME_PERMISSIONS)
    if isinstance(permissions, Mapping):
        try:
            return Permissions.from_mapping(permissions).merged_over(DEFAULT_RUNTIME_PERMISSIONS)
        except ValueError as exc:
            raise ConfigurationError(f"permissions: {exc}") from None
    raise ConfigurationError(f"permissions must be a Permissions or a mapping, got {type(permissions).__name__}")


def _build_filesystem(
    files: Mapping[str, str | bytes] | None,
    mounts: Sequence[Mount],
    module_access_cwd: str | os.PathLike[str] | None,
    filesystem: VirtualFileSystem | None,
) -> KernelFS:
    if filesystem is not None and not isinstance(filesystem, VirtualFileSystem):
        raise ConfigurationError("filesystem must be a secure_exec.vfs.VirtualFileSystem")
    fs = KernelFS(filesystem if filesystem is not None else MemoryFileSystem())
    try:
        for directory in BASE_DIRECTORIES:
            fs.mkdir(directory, recursive=True)
        if filesystem is None:
            fs.chmod("/tmp", 0o1777)
        project = os.getcwd() if module_access_cwd is None else os.fspath(module_access_cwd)
        if not os.path.isabs(project):
            raise ConfigurationError(f"module_access_cwd must be an absolute path, got {project!r}")
        fs.mount(MODULES_ROOT, NodeModulesOverlay(Path(project) / "node_modules", guest_root=MODULES_ROOT))
        for mount in mounts:
            if not isinstance(mount, Mount):
                raise ConfigurationError(f"mounts must hold Mount entries, got {type(mount).__name__}")
            guest = _check_path("Mount.guest_path", mount.guest_path)
            if (mount.host_path is None) == (mount.filesystem is None):
                raise ConfigurationError(f"Mount at {guest}: give exactly one of host_path and filesystem")
            if mount.host_path is not None:
                host = Path(mount.host_path)
                if not host.is_absolute() or not host.is_dir():
                    raise ConfigurationError(f"Mount at {guest}: host_path must be an existing absolute directory")
                backend: VirtualFileSystem = HostDirectory(host, read_only=mount.read_only)
            else:
                assert mount.filesystem is not None
                backend = mount.filesystem
            fs.mount(guest, backend, read_only=mount.read_only)
        for path, data in (files or {}).items():
            if not isinstance(data, (str, bytes, bytearray)):
                raise ConfigurationError(f"files[{path!r}] must be str or bytes")
            payload = data.encode() if isinstance(data, str) else bytes(data)
            fs.write_file(_check_path("files key", path), payload, make_parents=True)
    except KernelError as exc:
        fs.close()
        raise ConfigurationError(f"filesystem setup failed: {exc}") from None
    except ConfigurationError:
        fs.close()
        raise
    return fs


#: Node 22's builtin module names (js/src/modules.js NODE_BUILTINS); `node:` forms resolve too.
_NODE_BUILTINS = frozenset(
    """_http_agent _http_client _http_common _http_incoming _http_outgoing _http_server
    _stream_duplex _stream_passthrough _stream_readable _stream_transform _stream_wrap
    _stream_writable _tls_common _tls_wrap assert assert/strict async_hooks buffer
    child_process cluster console constants crypto dgram diagnostics_channel dns
    dns/promises domain events fs fs/promises http http2 https inspector
    inspector/promises module net os path path/posix path/win32 perf_hooks
    process punycode querystring readline readline/promises repl stream
    stream/consumers stream/promises stream/web string_decoder sys timers
    timers/promises tls trace_events tty url util util/types v8 vm wasi
    worker_threads zlib""".split()
)
