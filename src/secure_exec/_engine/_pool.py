"""Host-side supervision of V8 worker processes.

A `WorkerProcess` is one ``python -m secure_exec._engine._v8`` child with a
socketpair to it. It starts executions, answers their bridge calls through the
handlers the runtime gives it, enforces payload limits on every frame it reads
(before decoding), and turns the worker's death into a clear outcome for every
execution that was running in it. A `WorkerPool` spreads executions over a few
workers and replaces dead ones.

Everything the worker sends arrives on its one socket, read by an asyncio
protocol (`_WorkerConnection`) that splits frames as bytes arrive and handles them
in order. What the host sends for one execution (REPLY, EVENT) goes on that
execution's own socket, its *inbox*, which only the execution's runtime thread
reads in the worker: a reply wakes the thread that waits for it and no other.
The inbox's worker end is handed over, with SCM_RIGHTS, on a third socket kept
for that (`handoff`).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import os
import signal
import socket
import sys
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._protocol import (
    MAX_PAYLOAD_BYTES,
    PREFIX,
    Frame,
    FrameParser,
    FrameType,
    ProtocolError,
    Refused,
    encode_frame,
    encode_raw_frame,
    pack,
    unpack,
)

#: A bridge handler: takes the decoded payload, returns the reply value (or an
#: awaitable of it), or raises `BridgeError` for a Node-shaped guest error.
Handler = Callable[[Any], Any]

READY_TIMEOUT = 120.0  # the first start may build the snapshot
KILL_GRACE = 3.0  # seconds a killed execution may take to report before its worker is killed
SILENCE_LIMIT = 3.0  # seconds without a frame, while executions run, before a worker counts as wedged
TERMINATE_LIMIT = 1.0  # seconds from a TERMINATING frame to the execution's outcome before the worker is killed
_exec_ids = itertools.count(1)


class BridgeError(Exception):
    """Raised by a handler to give the guest a Node-shaped error."""

    def __init__(self, message: str, *, code: str | None = None, name: str = "Error", **fields: Any) -> None:
        super().__init__(message)
        self.payload = {"message": message, "name": name, **({"code": code} if code else {}), **fields}


class WorkerDied(Exception):
    """The worker process ended; carries how, for the error message."""


def payload_too_large(label: str, limit: int, size: int) -> dict[str, Any]:
    message = f"ERR_SANDBOX_PAYLOAD_TOO_LARGE: {label} exceeds {limit} bytes (got {size})"
    return {"message": message, "name": "RangeError", "code": "ERR_SANDBOX_PAYLOAD_TOO_LARGE"}


@dataclass(eq=False)
class HostExecution:
    """The host's record of one execution running in a worker."""

    config: dict[str, Any]
    handlers: Mapping[str, Handler]
    payload_limit: int
    exec_id: int = field(default_factory=lambda: next(_exec_ids))
    outcome: asyncio.Future[dict[str, Any]] = field(default_factory=lambda: asyncio.get_running_loop().create_future())
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    kill_reason: str | None = None
    #: The host end of the execution's inbox (REPLY and EVENT frames go there).
    inbox: asyncio.Transport | None = None
    #: Set by a TERMINATING frame: when, and the outcome to report if the worker wedges.
    terminating: tuple[float, dict[str, Any]] | None = None

    def settle(self, outcome: dict[str, Any]) -> None:
        if not self.outcome.done():
            self.outcome.set_result(outcome)


class WorkerProcess:
    """One supervised V8 worker process."""

    def __init__(self, *, rss_headroom: int, data_headroom: int) -> None:
        self.rss_headroom = rss_headroom
        self.data_headroom = data_headroom
        self.process: asyncio.subprocess.Process | None = None
        self.transport: asyncio.Transport | None = None
        self.handoff: socket.socket | None = None
        self.executions: dict[int, HostExecution] = {}
        self.alive = False
        self.pid: int | None = None
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=40)
        self._tasks: set[asyncio.Task[None]] = set()
        self._death_note: str | None = None
        self.last_heard = 0.0
        self._ready: asyncio.Future[None] | None = None
        self._lost: asyncio.Future[None] | None = None  # set when the connection is gone
        self._death: asyncio.Task[None] | None = None  # settles the executions left when it is

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        parent, child = socket.socketpair()
        # SOCK_SEQPACKET: each inbox arrives as one message with its exec id.
        self.handoff, handoff_child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.handoff.setblocking(False)
        try:
            package_root = str(Path(__file__).resolve().parents[2])
            env = _worker_env(package_root)
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "secure_exec._engine._v8",
                str(child.fileno()),
                str(handoff_child.fileno()),
                str(self.rss_headroom),
                str(self.data_headroom),
                pass_fds=(child.fileno(), handoff_child.fileno()),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
                env=env,
                start_new_session=True,
            )
        except BaseException:
            parent.close()
            self.handoff.close()
            raise
        finally:
            child.close()
            handoff_child.close()
        self.pid = self.process.pid
        loop = asyncio.get_running_loop()
        self._ready, self._lost = loop.create_future(), loop.create_future()
        self.transport, _ = await loop.create_connection(lambda: _WorkerConnection(self), sock=parent)
        self._spawn(self._drain_stderr())
        try:
            async with asyncio.timeout(READY_TIMEOUT):
                await self._ready
        except (WorkerDied, TimeoutError) as exc:
            self._ready.cancel()
            await self.aclose()
            detail = "\n".join(self.stderr_tail)
            reason = f": {exc}" if isinstance(exc, WorkerDied) and str(exc) else ""
            raise WorkerDied(f"V8 worker failed to start{reason}{': ' + detail if detail else ''}") from exc
        self.alive = True
        self.last_heard = loop.time()
        self._spawn(self._monitor())

    def _spawn(self, coro: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def kill(self) -> None:
        """SIGKILL the worker (idempotent) and wait for it to be reaped."""
        self.alive = False
        proc = self.process
        if proc is not None and proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
        if proc is not None:
            with contextlib.suppress(ProcessLookupError):
                await proc.wait()

    async def aclose(self) -> None:
        if self.alive and self.transport is not None:
            with contextlib.suppress(Exception):
                self.transport.write(encode_frame(FrameType.SHUTDOWN, 0, 0, "", None))
        await self.kill()
        if self.transport is not None:
            self.transport.close()
        if self.transport is not None and self._lost is not None:
            await self._lost  # connection_lost has run and scheduled `_on_death`
        if self.handoff is not None:
            self.handoff.close()
        for task in list(self._tasks):
            if task is not self._death:  # it settles the executions still waiting
                task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _monitor(self) -> None:
        # The worker's watchdog sends a heartbeat while executions run; silence
        # means its Python threads are wedged, and only a kill recovers them.
        loop = asyncio.get_running_loop()
        while self.alive:
            await asyncio.sleep(0.25)
            now = loop.time()
            if self.executions and now - self.last_heard > SILENCE_LIMIT:
                self._death_note = f"worker stopped responding for {SILENCE_LIMIT:.0f}s"
                await self.kill()
                return
            for execution in list(self.executions.values()):
                if execution.terminating and now - execution.terminating[0] > TERMINATE_LIMIT:
                    # jsrun deadlocked terminating this isolate (see _v8.Execution._terminate).
                    execution.settle(execution.terminating[1])
                    self._death_note = f"worker wedged terminating execution {execution.exec_id}"
                    await self.kill()
                    return

    async def _drain_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        while True:
            line = await self.process.stderr.readline()
            if not line:
                return
            self.stderr_tail.append(line.decode(errors="replace").rstrip())

    # ------------------------------------------------------------ executions

    @property
    def load(self) -> int:
        return len(self.executions)

    async def execute(self, execution: HostExecution, *, timeout: float | None = None) -> dict[str, Any]:
        """Run one execution to its outcome.

        After ``timeout`` seconds the guest is stopped and the outcome has status
        ``"timeout"``. Cancelling this stops the guest (waiting at most
        `KILL_GRACE` seconds, then killing the worker) and re-raises.
        """
        if not self.alive or self.transport is None:
            raise WorkerDied("V8 worker is not running")
        # Counted at once: the pool places concurrent executions by this load.
        self.executions[execution.exec_id] = execution
        try:
            await self._open_inbox(execution)
            # No await since the inbox was handed over: START follows it at once.
            self._send(encode_frame(FrameType.START, execution.exec_id, 0, "start", execution.config))
            try:
                try:
                    async with asyncio.timeout(timeout):
                        return await asyncio.shield(execution.outcome)
                except TimeoutError:
                    return await self.stop(execution, "timeout")
            except asyncio.CancelledError:
                await self.stop(execution, "cancelled")
                raise
        finally:
            self.executions.pop(execution.exec_id, None)
            if execution.inbox is not None:
                execution.inbox.close()
            for task in list(execution.tasks):
                task.cancel()

    async def _open_inbox(self, execution: HostExecution) -> None:
        """Create the execution's inbox and hand its worker end to the worker.

        The worker's main thread takes it from `handoff` when it reads START, which
        the caller sends next, without awaiting in between.
        """
        assert self.handoff is not None
        try:
            host_end, worker_end = socket.socketpair()
        except OSError as exc:  # out of file descriptors: one inbox per running execution
            raise WorkerDied(f"cannot open a socket for the execution ({exc})") from exc
        try:
            loop = asyncio.get_running_loop()
            execution.inbox, _ = await loop.create_connection(_Inbox, sock=host_end)
        except BaseException:
            host_end.close()
            worker_end.close()
            raise
        try:
            socket.send_fds(self.handoff, [PREFIX.pack(execution.exec_id)], [worker_end.fileno()])
        except OSError as exc:  # full (the worker stopped taking executions) or gone
            raise WorkerDied(f"V8 worker is not taking executions ({exc})") from exc
        finally:
            worker_end.close()

    async def stop(self, execution: HostExecution, reason: str) -> dict[str, Any]:
        """Ask the worker to stop an execution; kill the worker if it cannot."""
        if execution.kill_reason is None:
            execution.kill_reason = reason
            with contextlib.suppress(Exception):
                self._send(encode_frame(FrameType.KILL, execution.exec_id, 0, "kill", reason))
        try:
            async with asyncio.timeout(KILL_GRACE):
                return await asyncio.shield(execution.outcome)
        except TimeoutError:
            self._death_note = f"execution {execution.exec_id} ignored termination"
            await self.kill()
            return await asyncio.shield(execution.outcome)

    def _send(self, frame: bytes) -> None:
        if self.transport is None or self.transport.is_closing():
            raise WorkerDied("V8 worker connection is closed")
        self.transport.write(frame)

    @staticmethod
    def _send_to_inbox(execution: HostExecution, frame: bytes) -> None:
        """Write a REPLY or EVENT for the execution; dropped once it has ended."""
        inbox = execution.inbox
        if inbox is not None and not inbox.is_closing():
            inbox.write(frame)

    # ------------------------------------------------------------ frames from the worker

    def _payload_limit(self, exec_id: int) -> int:
        execution = self.executions.get(exec_id)
        return execution.payload_limit if execution is not None else MAX_PAYLOAD_BYTES

    def _on_frames(self, frames: list[Frame | Refused]) -> None:
        """Handle frames from the worker, in the order it sent them (`_WorkerConnection`)."""
        self.last_heard = asyncio.get_running_loop().time()
        for frame in frames:
            execution = self.executions.get(frame.exec_id)
            if isinstance(frame, Refused):
                self._too_large(frame.kind, execution, frame.seq, frame.name, frame.limit, frame.size)
            elif self._ready is not None and not self._ready.done():
                if frame.kind == FrameType.READY:
                    self._ready.set_result(None)
                else:
                    self._ready.set_exception(WorkerDied(f"V8 worker sent {frame.kind!r} before READY"))
            else:
                self._dispatch(frame.kind, frame.exec_id, frame.seq, frame.name, frame.body, execution)

    def _on_connection_lost(self, exc: Exception | None) -> None:
        if isinstance(exc, ProtocolError):
            self._death_note = f"worker sent a malformed frame ({exc})"
        if self._ready is not None and not self._ready.done():
            self._ready.set_exception(WorkerDied())
        self._death = asyncio.ensure_future(self._on_death())
        self._tasks.add(self._death)
        self._death.add_done_callback(self._tasks.discard)
        if self._lost is not None and not self._lost.done():
            self._lost.set_result(None)

    def _too_large(
        self, kind: FrameType, execution: HostExecution | None, seq: int, name: str, limit: int, size: int
    ) -> None:
        if execution is None:
            return
        label = "run() value" if kind == FrameType.DONE else name
        err = payload_too_large(label, limit, size)
        if kind == FrameType.CALL:
            self._send_to_inbox(execution, encode_frame(FrameType.REPLY, execution.exec_id, seq, name, {"err": err}))
        elif kind == FrameType.ACALL:
            reply = {"type": "reply", "id": seq, "err": err}
            self._send_to_inbox(execution, encode_frame(FrameType.EVENT, execution.exec_id, 0, "reply", reply))
        elif kind == FrameType.DONE:
            execution.settle({"status": "too_large", "message": err["message"]})
        else:
            execution.kill_reason = "too_large"
            execution.settle({"status": "too_large", "message": err["message"]})
            with contextlib.suppress(WorkerDied):
                self._send(encode_frame(FrameType.KILL, execution.exec_id, 0, "kill", "too_large"))

    def _dispatch(
        self, kind: FrameType, exec_id: int, seq: int, name: str, body: bytes, execution: HostExecution | None
    ) -> None:
        if kind == FrameType.HEARTBEAT:
            return
        if kind == FrameType.TERMINATING:
            if execution is not None:
                execution.terminating = (asyncio.get_running_loop().time(), unpack(body))
            return
        if kind == FrameType.STUCK:
            reason = unpack(body)
            if execution is not None and execution.kill_reason is None:
                execution.kill_reason = str(reason)
            self._death_note = f"execution {exec_id} ignored termination ({reason})"
            self.alive = False  # no new executions: it is about to be killed
            self._spawn(self.kill())
            return
        if kind == FrameType.OVERLIMIT:
            info = unpack(body)
            if execution is not None:
                execution.settle({"status": "memory", "rss": info.get("rss")})
            self._death_note = f"worker exceeded its memory budget ({info.get('rss')} > {info.get('budget')} bytes)"
            self.alive = False  # the worker exits by itself; make sure of it
            self._spawn(self.kill())
            return
        if execution is None:
            return
        try:
            if kind == FrameType.DONE:
                execution.settle(unpack(body))
                return
            payload = unpack(body)
            handler = execution.handlers.get(name)
            if kind == FrameType.POST:
                if handler is not None:
                    with contextlib.suppress(BridgeError):
                        handler(payload)
                return
            if kind in (FrameType.CALL, FrameType.ACALL):
                self._answer(kind, execution, seq, name, handler, payload)
        except Exception as exc:
            self._fail(execution, name, exc)

    def _fail(self, execution: HostExecution, name: str, exc: BaseException) -> None:
        """A bridge call failed in the host (a handler bug, a payload it could not decode).

        That execution ends with an `EngineError` outcome; the worker and every
        other execution in it go on.
        """
        execution.kill_reason = execution.kill_reason or "error"
        execution.settle({"status": "error", "message": f"bridge function {name!r} failed in the host: {exc!r}"})
        with contextlib.suppress(WorkerDied):
            self._send(encode_frame(FrameType.KILL, execution.exec_id, 0, "kill", "error"))

    def _answer(
        self, kind: FrameType, execution: HostExecution, seq: int, name: str, handler: Handler | None, payload: Any
    ) -> None:
        def reply(message: dict[str, Any]) -> None:
            body = pack(message)
            if len(body) > execution.payload_limit:
                message = {"err": payload_too_large(name, execution.payload_limit, len(body))}
                body = pack(message)
            if kind == FrameType.CALL:
                frame = encode_raw_frame(FrameType.REPLY, execution.exec_id, seq, name, body)
            else:
                frame = encode_frame(
                    FrameType.EVENT, execution.exec_id, 0, "reply", {"type": "reply", "id": seq, **message}
                )
            self._send_to_inbox(execution, frame)

        if handler is None:
            reply({"err": {"message": f"bridge function {name!r} is not available", "code": "ERR_NOT_AVAILABLE"}})
            return
        try:
            result = handler(payload)
        except BridgeError as exc:
            reply({"err": exc.payload})
            return
        if not asyncio.iscoroutine(result):
            reply({"ok": result})
            return

        async def finish(coro: Awaitable[Any]) -> None:
            try:
                reply({"ok": await coro})
            except BridgeError as exc:
                reply({"err": exc.payload})
            except Exception as exc:
                self._fail(execution, name, exc)

        task = asyncio.ensure_future(finish(result))
        execution.tasks.add(task)
        task.add_done_callback(execution.tasks.discard)

    async def _on_death(self) -> None:
        self.alive = False
        proc = self.process
        if proc is not None:
            with contextlib.suppress(ProcessLookupError):
                if proc.returncode is None:
                    try:
                        async with asyncio.timeout(1.0):
                            await proc.wait()
                    except TimeoutError:
                        proc.kill()
                        await proc.wait()
        how = _describe_exit(proc.returncode if proc is not None else None)
        note = f"; {self._death_note}" if self._death_note else ""
        tail = [line for line in self.stderr_tail if line.strip()]
        detail = f"\n{tail[-1]}" if tail else ""
        for execution in list(self.executions.values()):
            if execution.kill_reason in ("cpu", "timeout", "cancelled", "too_large", "memory"):
                execution.settle({"status": execution.kill_reason})
            elif any("out of memory" in line.lower() for line in tail):
                execution.settle({"status": "memory"})
            else:
                execution.settle(
                    {"status": "crashed", "message": f"V8 worker process (pid {self.pid}) {how}{note}{detail}"}
                )


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "closed its connection"
    if code < 0:
        try:
            return f"was killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"was killed by signal {-code}"
    return f"exited with code {code}"


class _WorkerConnection(asyncio.Protocol):
    """The host end of a worker's socket: frames are split as bytes arrive.

    Frames are handled synchronously, in order, as soon as they are complete; a
    payload over its execution's limit is refused from its header, before it is
    read (see `FrameParser`). Bridge handlers that return awaitables run as tasks.
    """

    def __init__(self, worker: WorkerProcess) -> None:
        self.worker = worker
        self.parser = FrameParser(worker._payload_limit)
        self.transport: asyncio.Transport | None = None
        self.error: Exception | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        try:
            frames = self.parser.feed(data)
        except ProtocolError as exc:
            self.error = exc
            assert self.transport is not None
            self.transport.close()  # connection_lost follows: the worker counts as dead
            return
        self.worker._on_frames(frames)

    def connection_lost(self, exc: Exception | None) -> None:
        self.worker._on_connection_lost(self.error or exc)


class _Inbox(asyncio.Protocol):
    """The host end of an execution's inbox: written to, never read (the worker sends nothing on it)."""


def _worker_env(package_root: str) -> dict[str, str]:
    """A minimal environment: the worker sees nothing of the host's but what it needs."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "PYTHONUNBUFFERED": "1"}
    for name in ("HOME", "SECURE_EXEC_CACHE_DIR", "XDG_CACHE_HOME", "VIRTUAL_ENV", "SYSTEMROOT"):
        if name in os.environ:
            env[name] = os.environ[name]
    paths = [package_root, *[p for p in sys.path if p and os.path.isdir(p)]]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return env


class WorkerPool:
    """A set of V8 worker processes shared by runtimes.

    Executions go to the least-loaded live worker; up to ``size`` workers are
    started on demand, and a dead worker is replaced on the next execution.
    Use it as an async context manager, or call `aclose()`.

    Args:
        size: the most worker processes to run at once (each costs one Python
            process, about 60 MB resident, and keeps its own snapshot).
        memory_headroom_mb: resident memory each worker may use above its size
            at start, besides twice the memory limit of each running execution;
            past that the worker is killed and the busiest execution is charged.
        data_headroom_mb: writable memory (RLIMIT_DATA) each worker may add to
            what it has at start, besides 192 MiB plus twice the memory limit of
            each running execution; an allocation past it fails inside V8 and
            ends that execution with a memory error.
    """

    def __init__(self, size: int = 2, *, memory_headroom_mb: int = 256, data_headroom_mb: int = 512) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        if memory_headroom_mb < 16 or data_headroom_mb < 64:
            raise ValueError("memory_headroom_mb must be at least 16 and data_headroom_mb at least 64")
        self.size = size
        self._headroom = memory_headroom_mb * 1024 * 1024
        self._data_headroom = data_headroom_mb * 1024 * 1024
        self._workers: list[WorkerProcess] = []
        self._lock = asyncio.Lock()
        self._closed = False

    async def __aenter__(self) -> WorkerPool:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    @property
    def closed(self) -> bool:
        return self._closed

    def statistics(self) -> dict[str, Any]:
        live = [w for w in self._workers if w.alive]
        return {"workers": len(live), "running": sum(w.load for w in live), "pids": [w.pid for w in live]}

    async def acquire(self) -> WorkerProcess:
        """A live worker for one more execution."""
        async with self._lock:
            if self._closed:
                raise RuntimeError("worker pool is closed")
            dead = [w for w in self._workers if not w.alive]
            for worker in dead:
                self._workers.remove(worker)
                await worker.aclose()
            idle = [w for w in self._workers if w.load == 0]
            if idle:
                return idle[0]
            if len(self._workers) < self.size:
                worker = WorkerProcess(rss_headroom=self._headroom, data_headroom=self._data_headroom)
                await worker.start()
                self._workers.append(worker)
                return worker
            return min(self._workers, key=lambda w: w.load)

    async def aclose(self) -> None:
        """Stop every worker; idempotent."""
        self._closed = True
        workers, self._workers = self._workers, []
        for worker in workers:
            await worker.aclose()
