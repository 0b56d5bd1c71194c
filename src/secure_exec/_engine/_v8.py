"""The V8 worker process: the only module that imports the V8 binding (jsrun).

Run as ``python -m secure_exec._engine._v8 FD HANDOFF_FD RSS_HEADROOM DATA_HEADROOM``
by the host's supervisor (`_pool.py`), with FD one end of a socketpair and
HANDOFF_FD the socket on which the host hands over each execution's inbox. It
never runs in the host process.

Each execution gets a fresh isolate (a jsrun ``Runtime``) on its own thread,
created from this process's single startup snapshot of the bridge bundle. The
worker answers the engine-level ops locally (park, timers' clock, exit) and
relays every bridge call to the host, which owns the kernel.

Threads: the main thread reads the worker's socket (START, KILL, SHUTDOWN); the
watchdog enforces limits; each execution's runtime thread sends its frames on the
worker's socket and reads its own inbox (REPLY, EVENT) itself, only while it waits
in a synchronous call or in ``park``. A reply therefore wakes exactly the thread
that waits for it, with no hop through another thread (see docs/architecture.md).

jsrun 0.3.0 defects worked around here (see docs/architecture.md):

* engine internals (``__bootstrap`` and the raw call functions) are reachable by
  guests and can abort the process: the boot script captures what the bridge
  needs and deletes them before any guest code runs;
* idle runtimes spin a core: the guest runs our own event loop and blocks in the
  ``park`` op instead of returning to jsrun's dispatcher;
* ``terminate()`` works only from the owner thread and never returns for some
  allocation loops: termination is scheduled on the owner's asyncio loop, and an
  execution that ignores it for ``STUCK_AFTER`` seconds is reported to the host,
  which kills this process;
* the heap limit misses some allocation patterns and ArrayBuffers: a watchdog
  bounds the process's resident memory and blames the execution that was running;
* snapshot and non-snapshot runtimes must never share a process: every runtime
  here is created from the one snapshot;
* (defect 14) the heap-limit termination jsrun makes itself is reported only when
  it unwinds the whole evaluation; in a timer, the engine's microtask checkpoint
  or an ``import()`` the engine runs JavaScript again, the evaluation can hang or
  end with another error, and ``terminate()`` then blocks until the guest is idle:
  the bridge rejects the evaluation itself, the owner thread watches
  ``is_closed()``, and ops answer ABORT instead of STOP (`_engine_termination`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import queue
import select
import socket
import sys
import threading
import time
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import jsrun

from .._kernel._paths import file_url, url_path
from ._lib import LibState, call_lib
from ._protocol import (
    PREFIX,
    Frame,
    FrameParser,
    FrameType,
    Refused,
    encode_raw_frame,
    pack,
    unpack,
)

#: Seconds an execution may ignore a termination request before the host kills the worker.
STUCK_AFTER = 1.5
WATCHDOG_INTERVAL = 0.005
#: While executions run, the worker tells the host it is alive this often.
HEARTBEAT_INTERVAL = 0.25
#: Bytes read from a socket at a time.
READ_CHUNK = 64 * 1024
#: Seconds a lone execution polls its inbox for a host reply before it sleeps
#: (see `Execution._poll_for_reply`); most replies come back well within it.
POLL_FOR_REPLY = 0.0002
#: Seconds between two checks, while an evaluation runs, for a termination jsrun made itself.
ENGINE_POLL = 0.02
#: What every op returns once the execution is stopping; the bridge then spins
#: in pure JS (js/src/dispatch.js) until the isolate is terminated.
STOP = "\u0000secure-exec:stop"
#: What ops answer instead once jsrun has terminated the isolate itself (jsrun
#: defect 14): the bridge rejects the evaluation and unwinds, as nothing can
#: interrupt a guest that waits to be terminated any more.
ABORT = "\u0000secure-exec:abort"

# Engine internals that guests must never reach (captured by the boot script first).
_INTERNAL_GLOBALS = (
    "__bootstrap",
    "__jsrunCallSync",
    "__jsrunCallAsync",
    "__host_op_sync__",
    "__host_op_async__",
    "__jsrun_bind_object",
    "__jsrun_from_py_stream",
    "__secureExecBoot",
    "console",
    "setTimeout",
    "setInterval",
    "clearTimeout",
    "clearInterval",
)

_BOOT = """(() => {
  const g = globalThis;
  const caps = {
    callSync: g.__jsrunCallSync,
    core: g.__bootstrap.core,
    engineSetTimeout: g.setTimeout,
    ids: %(ids)s,
  };
  const boot = g.__secureExecBoot;
  for (const name of %(internals)s) delete g[name];
  return boot(caps);
})()"""

_WORKER_OPS = (
    "config",
    "builtins",
    "park",
    "call",
    "callAsync",
    "post",
    "exit",
    "hrtime",
    "cpuUsage",
    "importActivity",
    "lib",
)


def _bundle() -> str:
    return resources.files("secure_exec").joinpath("_assets/bridge.js").read_text(encoding="utf-8")


def _cache_dir() -> Path:
    configured = os.environ.get("SECURE_EXEC_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "secure-exec"


def load_snapshot(bundle: str) -> bytes:
    """The startup snapshot of the bridge bundle, cached on disk by content hash."""
    key = hashlib.sha256(
        b"\0".join([bundle.encode(), metadata.version("jsrun").encode(), sys.version.encode()])
    ).hexdigest()[:24]
    cache = _cache_dir()
    path = cache / f"snapshot-{key}.bin"
    try:
        data = path.read_bytes()
        digest_path = path.with_suffix(".sha256")
        if hashlib.sha256(data).hexdigest() == digest_path.read_text().strip():
            return data
    except OSError:
        pass
    builder = jsrun.SnapshotBuilder()
    builder.execute_script("secure-exec:bridge.js", bundle)
    data = builder.build()
    try:
        cache.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        path.with_suffix(".sha256").write_text(hashlib.sha256(data).hexdigest())
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs the rebuild
    return data


def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Execution:
    """One guest execution: a thread owning an asyncio loop and a jsrun Runtime."""

    def __init__(self, worker: Worker, exec_id: int, config: dict[str, Any], inbox: socket.socket) -> None:
        self.worker = worker
        self.exec_id = exec_id
        self.config = config
        self.limits = config.pop("limits")
        # The guest sees its heap limit (v8.getHeapStatistics, zlib's output bound).
        config["memoryLimitBytes"] = self.limits["memoryLimitBytes"]
        # The inbox carries the host's REPLY and EVENT frames for this execution.
        # Only the runtime thread reads it (`_receive`); `kill()` shuts its read
        # side to end any wait, and `close_inbox()` closes it, both under the lock.
        self.inbox = inbox
        self.inbox.setblocking(True)
        self._inbox_lock = threading.Lock()
        self._inbox_open = True
        self._poller = select.poll()
        self._poller.register(inbox, select.POLLIN)
        self._parser = FrameParser()
        self._chunk = memoryview(bytearray(READ_CHUNK))
        self.events: list[Any] = []  # received, not yet handed to the guest loop by `park`
        self._reply: Any = None  # the REPLY to the CALL in progress (seq == self.seq)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.rt: jsrun.Runtime | None = None
        self.seq = 0
        self.kill_reason: str | None = None
        self.kill_time: float | None = None
        self.exit_info: dict[str, Any] | None = None
        self.clock_id: int | None = None
        self.cpu_at_check = 0.0
        self.polled_cpu = 0.0  # CPU seconds the runtime thread spent polling for replies (not the guest's)
        self.stuck_reported = False
        self.stop_requested: float | None = None
        self.terminate_sent: float | None = None
        self.spin_cpu: float | None = None
        self.rt_ident: int | None = None
        self.in_op = 0  # > 0 while the runtime thread runs one of our Python callbacks
        self.stop_returned = False  # an op answered STOP: the guest now waits to be terminated
        self.done = False
        self.evaluation_abandoned = False  # gave up waiting for eval_async after a termination
        self.engine_terminated = False  # jsrun terminated the isolate itself (its heap limit)
        self.import_activity = 0
        self.import_seen = 0
        self.import_hops_left = 0
        self.module_formats: dict[str, str] = {}
        self.lib_state = LibState()
        self.thread = threading.Thread(target=self._thread_main, name=f"secure-exec-{exec_id}", daemon=True)

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        self.thread.start()

    def _thread_main(self) -> None:
        try:
            outcome = asyncio.run(self._main())
        except BaseException as exc:  # never let a thread die silently
            outcome = {"status": "error", "message": f"worker error: {exc!r}"}
        self.done = True
        self.worker.finish(self, outcome)

    async def _main(self) -> dict[str, Any]:
        self.loop = asyncio.get_running_loop()
        self.terminated = asyncio.Event()
        limits = self.limits
        rt = jsrun.Runtime(
            jsrun.RuntimeConfig(
                snapshot=self.worker.snapshot,
                max_heap_size=limits["memoryLimitBytes"],
                # jsrun's own cap on one value crossing JS<->Python. The host's frame
                # check is the authoritative limit; this one only has to let a
                # value somewhat over it reach the host, so the host can say so.
                max_serialization_bytes=min(4 * limits["payloadLimitBytes"] + 1024 * 1024, 256 * 1024 * 1024),
                max_serialization_depth=256,
                enable_console=False,
            )
        )
        self.rt = rt
        try:
            handlers: dict[str, Callable[..., Any]] = {
                "config": self.op_config,
                "builtins": self.op_builtins,
                "park": self.op_park,
                "call": self.op_call,
                "callAsync": self.op_call_async,
                "post": self.op_post,
                "exit": self.op_exit,
                "hrtime": self.op_hrtime,
                "cpuUsage": self.op_cpu_usage,
                "importActivity": self.op_import_activity,
                "lib": self.op_lib,
            }
            ids = {
                name: rt.register_op(f"secure_exec.{name}", self._tracked(handlers[name]), mode="sync")
                for name in _WORKER_OPS
            }
            rt.set_module_resolver(self._tracked(self.resolve_module))
            rt.set_module_loader(self._tracked(self.load_module))
            if self.kill_reason is not None:
                return {"status": self.kill_reason}
            script = _BOOT % {"ids": json.dumps(ids), "internals": json.dumps(list(_INTERNAL_GLOBALS))}
            try:
                result = await self._eval_until_terminated(rt, script)
            except jsrun.RuntimeTerminated as exc:
                return self._terminated_outcome(rt, str(exc))
            except jsrun.JavaScriptError as exc:
                return self._terminated_outcome(rt, f"bridge failure: {exc}")
            except RuntimeError as exc:
                return self._terminated_outcome(rt, str(exc))
            if self._heap_limit_hit(rt, ""):
                return {"status": "memory"}
            return {"status": "exit", "exitCode": int(result["exitCode"]), "value": _plain(result.get("value"))}
        finally:
            self.rt = None
            rt.close()
            del rt
            self.lib_state.close()

    async def _eval_until_terminated(self, rt: jsrun.Runtime, script: str) -> Any:
        """``eval_async(script)``, or RuntimeTerminated once the isolate was terminated.

        After a termination jsrun does not always settle the evaluation (seen
        while the engine evaluates an ES module for ``import()``): the promise
        the boot script returned can no longer settle, so waiting on it would
        hang until the watchdog reports the execution stuck.

        While it waits it also watches for a termination jsrun made on its own
        (jsrun defect 14, see `_engine_termination`), which nothing else reports
        when it lands where no JavaScript of ours is left to notice it.
        """
        evaluation = asyncio.ensure_future(rt.eval_async(script))
        terminated = asyncio.ensure_future(self.terminated.wait())
        try:
            while True:
                done, _ = await asyncio.wait(
                    {evaluation, terminated}, timeout=ENGINE_POLL, return_when=asyncio.FIRST_COMPLETED
                )
                if done:
                    break
                if not self.stopping and "Heap limit" in (self._engine_termination(rt) or ""):
                    self.engine_terminated = True
                    self.kill("memory")
            if not evaluation.done():
                done, _ = await asyncio.wait({evaluation}, timeout=0.1)
                if not done:
                    # The runtime thread may still be busy: nothing may wait on it now.
                    self.evaluation_abandoned = True
                    evaluation.cancel()
                    raise jsrun.RuntimeTerminated("terminated")
            return evaluation.result()
        finally:
            terminated.cancel()

    def _terminated_outcome(self, rt: jsrun.Runtime, message: str) -> dict[str, Any]:
        """The outcome of an evaluation that ended with an error.

        A stop the worker asked for (CPU limit, timeout, cancellation, or the heap
        limit seen while waiting) wins; then the engine's heap limit, even over a
        `process.exit()` or an uncaught error that followed it (JavaScript can
        run again after jsrun's heap-limit termination, see `_engine_termination`).
        """
        if self.kill_reason is not None:
            return {"status": self.kill_reason}
        if self._heap_limit_hit(rt, message):
            return {"status": "memory"}
        if self.exit_info is not None:
            return {"status": "exit", **self.exit_info}
        return {"status": "error", "message": message}

    def _heap_limit_hit(self, rt: jsrun.Runtime, message: str) -> bool:
        return "Heap limit" in message or "Heap limit" in (self._engine_termination(rt) or "")

    def _engine_termination(self, rt: jsrun.Runtime) -> str | None:
        """jsrun's reason for a termination it made itself, if it made one (owner thread).

        jsrun defect 14: jsrun's near-heap-limit callback terminates JavaScript,
        but the evaluation reports that ("Heap limit exceeded") only when the
        termination unwinds the whole evaluation. The engine cancels a
        termination to reject an ``import()`` whose module it was evaluating, and
        runs later timers and reactions again; a termination that lands in an
        engine timer callback (our loop's hop) or in the engine's own microtask
        checkpoint (an ES module's body after ``await``) ends only that job, and
        the evaluation then waits forever for a promise nobody settles. What
        jsrun keeps: `is_closed()` turns true at once (a local check), and every
        later request fails with ``RuntimeTerminated(<reason>)``, which
        ``get_stats()`` then answers without waiting for the runtime thread.
        """
        if self.evaluation_abandoned or not rt.is_closed():
            return None
        try:
            rt.get_stats()
        except jsrun.RuntimeTerminated as exc:
            return str(exc)
        except Exception:  # a failed runtime says nothing about why
            return None
        return None

    def _tracked(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap a callback the runtime thread makes into Python, counting it in `in_op`."""

        def call(*args: Any) -> Any:
            self.in_op += 1
            try:
                result = fn(*args)
                if result is STOP and (self.engine_terminated or (not self.stop_returned and self._closed_by_engine())):
                    self.engine_terminated = True
                    return ABORT
                if result is STOP:
                    # The bridge never calls an op again after STOP (js/src/dispatch.js).
                    self.stop_returned = True
                return result
            finally:
                self.in_op -= 1

        return call

    def _closed_by_engine(self) -> bool:
        """Runtime thread, on its first STOP: has jsrun terminated the isolate itself?

        Then the worker's own terminate() would block for good once the guest
        waits to be terminated (jsrun defect 14), so the guest must unwind
        instead. Asks the owner thread (`is_closed()` is owner-only, and local).
        """
        loop = self.loop
        if loop is None or self.terminate_sent is not None:
            return False
        answered = threading.Event()
        closed: list[bool] = []

        def check() -> None:
            rt = self.rt
            closed.append(rt is not None and rt.is_closed() and not self.terminated.is_set())
            answered.set()

        try:
            loop.call_soon_threadsafe(check)
        except RuntimeError:
            return False
        answered.wait(0.5)
        return bool(closed and closed[0])

    def kill(self, reason: str) -> None:
        """Stop the execution: wake it wherever it waits, then terminate the isolate."""
        if self.kill_reason is not None or self.exit_info is not None:
            return
        self.kill_reason = reason
        self._request_terminate()
        # A runtime thread waiting on the inbox wakes at once (end of stream) and
        # sees `stopping`; the host's later replies to this execution are refused.
        with self._inbox_lock:
            if self._inbox_open:
                with contextlib.suppress(OSError):
                    self.inbox.shutdown(socket.SHUT_RD)

    def close_inbox(self) -> None:
        with self._inbox_lock:
            self._inbox_open = False
            self.inbox.close()

    def _request_terminate(self) -> None:
        """Mark the execution as stopping; the watchdog terminates the isolate.

        jsrun's ``terminate()`` holds the GIL while it waits for the runtime
        thread, so calling it while that thread is in (or about to enter) a Python
        callback deadlocks the worker. Once stopping, every op answers `STOP` and
        the bridge spins in pure JS; the watchdog calls ``terminate()`` only after it
        has seen the runtime thread burn CPU outside Python.
        """
        if self.stop_requested is None:
            self.stop_requested = time.monotonic()
        if self.kill_time is None:
            self.kill_time = self.stop_requested

    def maybe_terminate(self, now: float) -> None:
        """Called by the watchdog for a stopping execution (holding the GIL)."""
        if self.done or self.stop_requested is None or self.loop is None:
            return
        if self.engine_terminated:
            # jsrun terminated the isolate itself, and its terminate() now blocks
            # until the runtime thread is idle (jsrun defect 14): never call it.
            # The guest's next op answers ABORT, the bridge unwinds and rejects
            # the evaluation; a guest that will not unwind is reported stuck.
            return
        if not self.stop_returned:
            # The guest has not seen STOP: it is busy in JS, or about to call an op.
            if self.clock_id is None:
                if now - self.stop_requested < 0.02:
                    return
            else:
                if self.in_op:
                    self.spin_cpu = None
                    return
                try:
                    used = self.cpu_time()
                except OSError:
                    return
                # Running outside our callbacks across two samples: busy in JS. Any
                # progress counts, since many executions may share two cores.
                busy = self.spin_cpu is not None and used - self.spin_cpu > 0.0002
                self.spin_cpu = used
                if not busy:
                    return
        if self.terminate_sent is not None and now - self.terminate_sent < 0.05:
            return
        self.terminate_sent = now
        try:
            self.loop.call_soon_threadsafe(self._terminate)
        except RuntimeError:
            pass  # the loop already finished

    def _terminate(self) -> None:
        rt = self.rt
        if rt is None:
            return  # `_main` has closed it
        if rt.is_closed() and not self.terminated.is_set():
            # jsrun terminated it itself: its terminate() would now wait until the
            # guest is idle (jsrun defect 14). The guest's next op answers ABORT.
            self.engine_terminated = True
            return
        if self.in_op:
            return  # back in a callback: the watchdog will try again
        # If the guest calls into Python while terminate() waits (it can, when the
        # engine cancels the termination to settle an import() promise), jsrun
        # deadlocks on the GIL. Tell the host first: it kills the worker if the
        # outcome does not follow promptly, and reports this one correctly.
        if self.exit_info is not None:
            planned = {"status": "exit", **self.exit_info}
        else:
            planned = {"status": self.kill_reason or "error", "message": "terminated"}
        self.worker.send_frame(FrameType.TERMINATING, self.exec_id, 0, "terminating", planned)
        with contextlib.suppress(RuntimeError):  # closed meanwhile
            rt.terminate()
        self.terminated.set()

    # ------------------------------------------------------------ ops (runtime thread)

    def op_config(self) -> dict[str, Any]:
        ident = threading.get_ident()
        self.rt_ident = ident
        try:
            self.clock_id = time.pthread_getcpuclockid(ident)
        except (OSError, AttributeError):
            self.clock_id = None
        return {**self.config, "reportBuiltins": not self.worker.builtins_known}

    def op_builtins(self, names: dict[str, Any]) -> Any:
        if self.stopping:
            return STOP
        self.worker.builtins = (frozenset(names["all"]), names["exports"])
        self.worker.builtins_known = True

    @property
    def stopping(self) -> bool:
        return self.stop_requested is not None

    def op_park(self, timeout_ms: float) -> Any:
        """Wait until at least one event arrives or ``timeout_ms`` (< 0: no limit) passes."""
        if self.stopping:
            return STOP
        deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000
        while not self.events and not self.stopping:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            self._receive(remaining)
            if remaining == 0.0:
                break
        if self.stopping:
            return STOP
        events, self.events = self.events, []
        return events

    def call_host(self, name: str, payload: Any) -> Any:
        """A synchronous host call; returns the reply ({ok} or {err}), or STOP."""
        if self.stopping:
            return STOP
        self.seq += 1
        self._reply = None
        self.worker.send_frame(FrameType.CALL, self.exec_id, self.seq, name, payload)
        if len(self.worker.executions) == 1:  # read without the lock: a hint is enough
            self._poll_for_reply()
        while self._reply is None:
            if self.stopping:
                return STOP
            self._receive(None)
        reply, self._reply = self._reply, None
        return STOP if self.stopping else reply

    def _poll_for_reply(self) -> None:
        """Poll the inbox, without sleeping, for up to `POLL_FOR_REPLY` seconds.

        A thread that sleeps for a reply pays twice: the host's send must wake it
        (on a virtual machine whose CPU is halted, an inter-processor interrupt
        that costs the host some 20 µs), and it resumes with cold caches (the
        guest's next steps run markedly slower). Host replies usually come within
        `POLL_FOR_REPLY`; polling first took about a third off a round trip in
        `bench/run.py`. Only a lone execution polls: between polls this thread
        holds the GIL, which other executions' threads would wait for. Polling is
        not the guest's CPU time (`cpu_time`), as sleeping is not.
        """
        started = time.thread_time()
        deadline = time.perf_counter() + POLL_FOR_REPLY
        while not self._poller.poll(0) and time.perf_counter() < deadline:
            pass
        self.polled_cpu += time.thread_time() - started

    def _receive(self, timeout: float | None) -> None:
        """Wait up to ``timeout`` seconds (None: no limit) for inbox bytes; sort the frames they complete.

        Runtime thread only. Events queue up for `op_park`; the reply to the
        current CALL goes to `_reply`. The wait ends early when `kill()` shuts the
        inbox (its end of stream, like the host closing it, stops the execution).
        """
        if timeout is None:
            flags = 0  # wait in recv() itself (kill() wakes it as it wakes poll())
        elif self._poller.poll(timeout * 1000):
            flags = socket.MSG_DONTWAIT
        else:
            return
        try:
            size = self.inbox.recv_into(self._chunk, 0, flags)
        except BlockingIOError:
            return
        except OSError:
            size = 0
        if size == 0:
            self.kill("cancelled")  # no-op after a kill or exit: that is what closed it
            return
        for frame in self._parser.feed(self._chunk[:size]):
            if isinstance(frame, Refused):
                continue  # the worker's parsers have no limit
            if frame.kind == FrameType.EVENT:
                self.events.append(unpack(frame.body))
            elif frame.kind == FrameType.REPLY and frame.seq == self.seq:
                self._reply = unpack(frame.body)

    def op_call(self, name: str, payload: Any) -> Any:
        return self.call_host(name, payload)

    def op_call_async(self, name: str, payload: Any) -> Any:
        if self.stopping:
            return STOP
        self.seq += 1
        self.worker.send_frame(FrameType.ACALL, self.exec_id, self.seq, name, payload)
        return self.seq

    def op_post(self, name: str, payload: Any) -> Any:
        if self.stopping:
            return STOP
        self.worker.send_frame(FrameType.POST, self.exec_id, 0, name, payload)
        return None

    def op_exit(self, code: int, value: Any) -> Any:
        if not self.stopping:
            self.exit_info = {"exitCode": int(code), "value": _plain(value)}
            self._request_terminate()
        return STOP

    def op_lib(self, name: Any, args: Any) -> Any:
        if self.stopping:
            return STOP
        return call_lib(self.lib_state, name, _lib_args(args))

    def op_hrtime(self) -> Any:
        if self.stopping:
            return STOP
        return str(time.monotonic_ns())

    def op_cpu_usage(self) -> Any:
        if self.stopping:
            return STOP
        used = self.cpu_time() if self.clock_id is not None else 0.0
        return {"user": int(used * 1e6), "system": 0}

    def cpu_time(self) -> float:
        """CPU seconds the guest has used: its runtime thread's clock, less polling for replies.

        Raises OSError once the thread is gone.
        """
        assert self.clock_id is not None
        return time.clock_gettime(self.clock_id) - self.polled_cpu

    def op_import_activity(self) -> Any:
        if self.stopping:
            return STOP
        # After the resolver ran, hop through the engine until two checks pass quietly.
        if self.import_activity != self.import_seen:
            self.import_seen = self.import_activity
            self.import_hops_left = 2
        if self.import_hops_left > 0:
            self.import_hops_left -= 1
            return True
        return False

    # ------------------------------------------------------------ modules (runtime thread)

    def resolve_module(self, specifier: str, referrer: str) -> str:
        if self.stopping:
            raise RuntimeError("execution is stopping")
        self.import_activity += 1
        name = specifier[5:] if specifier.startswith("node:") else specifier
        if name in self.worker.builtins[0]:
            return f"node:{name}"
        if specifier == self.config["entryUrl"]:
            return specifier
        reply = self.call_host("module.resolve", {"specifier": specifier, "referrer": referrer, "kind": "import"})
        if reply == STOP:
            raise RuntimeError("execution terminated")
        if "err" in reply:
            raise ImportError(_module_error_text(reply["err"], f"Cannot find module '{specifier}'"))
        resolved = reply["ok"]
        if resolved["format"] == "builtin":
            return f"node:{resolved['path'].removeprefix('node:')}"
        url = file_url(resolved["path"]) + str(resolved.get("suffix") or "")
        self.module_formats[url] = resolved["format"]
        return url

    def load_module(self, url: str) -> str:
        if self.stopping:
            raise RuntimeError("execution is stopping")
        if url == self.config["entryUrl"]:
            return rewrite_imports(str(self.config["source"]))
        if url.startswith("node:"):
            name = url[5:]
            exports = self.worker.builtins[1].get(name, [])
            lines = [
                f"const m = globalThis[Symbol.for('secure-exec.builtin')]({json.dumps(name)});",
                "export default m;",
            ]
            if exports:
                lines.append(f"export const {{ {', '.join(exports)} }} = m;")
            return "\n".join(lines)
        path = url_path(url.split("?", 1)[0].split("#", 1)[0])
        reply = self.call_host("module.load", {"path": path, "kind": "import"})
        if reply == STOP:
            raise RuntimeError("execution terminated")
        if "err" in reply:
            raise ImportError(_module_error_text(reply["err"], f"Cannot load module '{url}'"))
        loaded = reply["ok"]
        fmt = self.module_formats.get(url, loaded["format"])
        source = str(loaded["source"])
        if fmt == "commonjs":
            return self._commonjs_facade(path, source)
        if fmt == "module":
            return rewrite_imports(source)
        return source

    def _commonjs_facade(self, path: str, source: str) -> str:
        """An ES module over a CommonJS one: `default` is module.exports, plus the
        named exports cjs-module-lexer finds (following re-exports), as in Node."""
        names = self._cjs_export_names(path, source, set())
        names.discard("default")
        lines = [
            f"const m = globalThis[Symbol.for('secure-exec.cjs')]({json.dumps(path)});",
            "export default m;",
        ]
        ordered = sorted(names)
        if ordered:
            binds = ", ".join(f"{json.dumps(n)}: __e{i}" for i, n in enumerate(ordered))
            lines.append(f"const {{ {binds} }} = m ?? {{}};")
            exports = ", ".join(f"__e{i} as {json.dumps(n)}" for i, n in enumerate(ordered))
            lines.append(f"export {{ {exports} }};")
        return "\n".join(lines)

    def _cjs_export_names(self, path: str, source: str, seen: set[str]) -> set[str]:
        seen.add(path)
        result = cjs_lexer().lex(source)
        names = {n for n in result.get("exports", []) if isinstance(n, str)}
        for spec in result.get("reexports", []):
            if not isinstance(spec, str) or len(seen) > 64:
                continue
            reply = self.call_host(
                "module.resolve", {"specifier": spec, "referrer": path, "kind": "require", "requireStack": [path]}
            )
            if reply == STOP:
                raise RuntimeError("execution terminated")
            if "err" in reply:
                continue  # Node skips re-exports it cannot resolve
            target = reply["ok"]
            if target["format"] != "commonjs" or target["path"] in seen:
                continue
            loaded = self.call_host("module.load", {"path": target["path"], "kind": "require"})
            if loaded == STOP:
                raise RuntimeError("execution terminated")
            if "ok" in loaded:
                names |= self._cjs_export_names(target["path"], str(loaded["ok"]["source"]), seen)
        return names


def _module_error_text(err: Any, fallback: str) -> str:
    if isinstance(err, dict) and isinstance(err.get("message"), str):
        code = err.get("code")
        return f"[{code}] {err['message']}" if isinstance(code, str) and code.startswith("ERR_") else err["message"]
    return fallback


class CjsLexer:
    """cjs-module-lexer in a small isolate of its own, on a thread of its own.

    A jsrun Runtime may only be used by the thread that made it, and the
    module loader runs on a guest's runtime thread, so requests go through a
    queue (waiting on it releases the GIL). Results are cached by source hash.
    """

    def __init__(self) -> None:
        self._requests: queue.SimpleQueue[tuple[str, str, queue.SimpleQueue[Any]]] = queue.SimpleQueue()
        self._cache: dict[bytes, dict[str, Any]] = {}
        self._lock = threading.Lock()
        threading.Thread(target=self._serve, name="secure-exec-cjs-lexer", daemon=True).start()

    def _serve(self) -> None:
        try:
            # A small heap: a default isolate would take ~530 MB of the worker's data allowance.
            runtime = jsrun.Runtime(jsrun.RuntimeConfig(max_heap_size=LEXER_HEAP_BYTES, enable_console=False))
            runtime.eval(resources.files("secure_exec").joinpath("_assets/lexer.js").read_text(encoding="utf-8"))
        except Exception:  # no lexer: modules still load, without named CJS exports or import() rewriting
            while True:
                kind, _source, reply = self._requests.get()
                reply.put({"exports": [], "reexports": [], "error": "lexer unavailable"} if kind == "cjs" else None)
        while True:
            kind, source, reply = self._requests.get()
            try:
                if kind == "cjs":
                    reply.put(json.loads(runtime.eval(f"__secureExecLexCjs({json.dumps(source)})")))
                else:
                    rewritten = runtime.eval(
                        f"__secureExecRewriteImports({json.dumps(source)}, {json.dumps(IMPORTER)}, {json.dumps(RESOLVER)})"
                    )
                    reply.put(rewritten if isinstance(rewritten, str) else None)
            except Exception as exc:  # a lexer failure only costs the named exports / the rewrite
                reply.put({"exports": [], "reexports": [], "error": str(exc)} if kind == "cjs" else None)

    def lex(self, source: str) -> dict[str, Any]:
        key = hashlib.sha256(source.encode("utf-8", "surrogatepass")).digest()
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        reply: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._requests.put(("cjs", source, reply))
        result: dict[str, Any] = reply.get()
        with self._lock:
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[key] = result
        return result

    def rewrite_imports(self, source: str) -> str:
        """An ES module's source with its dynamic `import()` calls sent to the bridge's importer."""
        if "import" not in source:  # neither import() nor import.meta.resolve()
            return source
        reply: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._requests.put(("esm", source, reply))
        rewritten = reply.get()
        return rewritten if isinstance(rewritten, str) else source


#: What an ES module's `import(` becomes: the bridge's importer resolves in the
#: host first (Node's errors, with codes) and then imports the absolute URL.
IMPORTER = "globalThis[Symbol.for('secure-exec.import')](import.meta.url, "
#: What `import.meta.resolve(` becomes, for the same reason.
RESOLVER = "globalThis[Symbol.for('secure-exec.resolve')](import.meta.url, "

#: Heap of the lexer's isolate (sources up to a few MB lex well within it).
LEXER_HEAP_BYTES = 48 * 1024 * 1024


def rewrite_imports(source: str) -> str:
    if "import" not in source:  # neither import() nor import.meta.resolve(): no lexer needed
        return source
    return cjs_lexer().rewrite_imports(source)


_lexer: CjsLexer | None = None
_lexer_lock = threading.Lock()


def cjs_lexer() -> CjsLexer:
    global _lexer
    with _lexer_lock:
        if _lexer is None:
            _lexer = CjsLexer()
        return _lexer


def _nil_for_undefined(value: Any) -> Any:
    """msgpack's fallback for guest values: jsrun's null sentinel packs as nil."""
    if value is jsrun.undefined:
        return None
    raise TypeError(f"can not serialize {type(value).__name__!r} object")


def _plain(value: Any) -> Any:
    """jsrun hands JS null as a sentinel in callback arguments; make it None."""
    if value is jsrun.undefined:
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _lib_args(value: Any) -> Any:
    """Library call arguments as Python means them: JS null is None, and a whole
    number jsrun passed as a float (it does so from 2**31 up) is an int.

    Done here, once, for every library function (`_engine/_lib`)."""
    if value is jsrun.undefined:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _lib_args(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lib_args(v) for v in value]
    return value


#: Writable memory one isolate needs besides its heap: V8 reserves a 128 MiB
#: read-write-execute code range per isolate, plus thread stacks and engine state.
ISOLATE_DATA_BYTES = 192 * 1024 * 1024


class Worker:
    def __init__(self, sock: socket.socket, handoff: socket.socket, rss_headroom: int, data_headroom: int) -> None:
        self.sock = sock
        self.handoff = handoff
        self.send_lock = threading.Lock()
        self.executions: dict[int, Execution] = {}
        self.lock = threading.Lock()
        self.busy = threading.Event()
        self.snapshot = load_snapshot(_bundle())
        #: Every builtin name, and the export names of those the bridge defines:
        #: reported by the first execution (`op_builtins`), the same for all.
        self.builtins: tuple[frozenset[str], dict[str, list[str]]] = (frozenset(), {})
        self.builtins_known = False
        self.rss_base = _rss_bytes() + rss_headroom
        self.data_base = _vm_data_bytes() + data_headroom
        self.last_active: Execution | None = None
        self._set_data_limit()

    def _set_data_limit(self) -> None:
        """Cap writable private memory (RLIMIT_DATA) at what running executions may use.

        RLIMIT_AS cannot be used: V8 reserves ~16.7 GB of address space at start.
        RLIMIT_DATA counts only writable private mappings, so V8's PROT_NONE
        reservations are free while heap pages and ArrayBuffer backing stores count:
        an oversized allocation fails inside V8 (a heap-limit termination) instead of
        being granted lazily by the kernel. Each execution adds its own allowance
        (isolate overhead plus twice its heap limit), so concurrency is not capped.
        Called with `lock` held.
        """
        import resource

        limit = self.data_base + sum(
            ISOLATE_DATA_BYTES + 2 * ex.limits["memoryLimitBytes"] for ex in self.executions.values()
        )
        resource.setrlimit(resource.RLIMIT_DATA, (limit, resource.RLIM_INFINITY))

    def send_frame(self, kind: FrameType, exec_id: int, seq: int, name: str, payload: Any) -> None:
        """Send a frame to the host; guest values in ``payload`` may hold jsrun's null sentinel."""
        self.send_raw(encode_raw_frame(kind, exec_id, seq, name, pack(payload, _nil_for_undefined)))

    def send_raw(self, frame: bytes) -> None:
        with self.send_lock:
            try:
                self.sock.sendall(frame)
            except OSError:
                os._exit(0)  # the host is gone: nothing left to serve

    def finish(self, execution: Execution, outcome: dict[str, Any]) -> None:
        with self.lock:
            self.executions.pop(execution.exec_id, None)
            if not self.executions:
                self.busy.clear()
            self._set_data_limit()
        try:
            body = pack(outcome)
        except (TypeError, ValueError) as exc:
            body = pack({"status": "error", "message": f"unserializable outcome: {exc}"})
        self.send_raw(encode_raw_frame(FrameType.DONE, execution.exec_id, 0, "done", body))
        execution.close_inbox()

    def serve(self) -> None:
        """The main thread: read the worker's socket (START, KILL, SHUTDOWN) until the host goes away."""
        self.send_frame(FrameType.READY, 0, 0, "ready", {"pid": os.getpid(), "jsrun": metadata.version("jsrun")})
        threading.Thread(target=self._watchdog, name="secure-exec-watchdog", daemon=True).start()
        parser = FrameParser()
        chunk = memoryview(bytearray(READ_CHUNK))
        # Wait in poll(), not in recv(): a thread blocked in recv() on a Unix socket
        # is also woken each time the host drains what the runtime threads send on
        # it (the kernel's write-space wakeup is not filtered for readers), which
        # would cost one needless wakeup of this thread per bridge call.
        readable = select.poll()
        readable.register(self.sock, select.POLLIN)
        while True:
            readable.poll()
            size = self.sock.recv_into(chunk)
            if not size:
                os._exit(0)
            for frame in parser.feed(chunk[:size]):
                if isinstance(frame, Frame):
                    self._handle(frame)

    def _handle(self, frame: Frame) -> None:
        if frame.kind == FrameType.START:
            execution = Execution(self, frame.exec_id, unpack(frame.body), self._take_inbox(frame.exec_id))
            with self.lock:
                self.executions[frame.exec_id] = execution
                self.busy.set()
                self._set_data_limit()
            execution.start()
        elif frame.kind == FrameType.SHUTDOWN:
            os._exit(0)
        elif frame.kind == FrameType.KILL:
            with self.lock:
                target = self.executions.get(frame.exec_id)
            if target is not None:
                target.kill(str(unpack(frame.body)))

    def _take_inbox(self, exec_id: int) -> socket.socket:
        """The inbox the host handed over, just before START, for this execution."""
        while True:
            tag, fds, _flags, _addr = socket.recv_fds(self.handoff, PREFIX.size, 1, socket.MSG_CMSG_CLOEXEC)
            if not tag:
                os._exit(0)  # the host is gone
            if not fds:
                continue
            inbox = socket.socket(fileno=fds[0])
            if PREFIX.unpack(tag)[0] == exec_id:
                return inbox
            inbox.close()  # handed over for a START the host never sent

    def _watchdog(self) -> None:
        rss_check = 0
        last_beat = 0.0
        while True:
            # Sleeps until an execution starts when there is nothing to watch.
            self.busy.wait()
            time.sleep(WATCHDOG_INTERVAL)
            now = time.monotonic()
            with self.lock:
                running = list(self.executions.values())
            busiest, busiest_delta = None, -1.0
            budget = self.rss_base
            if running and now - last_beat > HEARTBEAT_INTERVAL:
                last_beat = now
                self.send_frame(FrameType.HEARTBEAT, 0, 0, "beat", None)
            for ex in running:
                budget += ex.limits["memoryLimitBytes"] * 2 + 32 * 1024 * 1024
                if ex.clock_id is not None and not ex.done:
                    try:
                        used = ex.cpu_time()
                    except OSError:
                        continue
                    delta = used - ex.cpu_at_check
                    ex.cpu_at_check = used
                    if delta > busiest_delta:
                        busiest, busiest_delta = ex, delta
                    limit = ex.limits.get("cpuTimeLimitMs")
                    if limit is not None and used * 1000 > limit:
                        ex.kill("cpu")
                if ex.stopping and not ex.done:
                    ex.maybe_terminate(now)
                if (
                    ex.kill_time is not None
                    and not ex.done
                    and not ex.stuck_reported
                    and now - ex.kill_time > STUCK_AFTER
                ):
                    ex.stuck_reported = True
                    self.send_frame(FrameType.STUCK, ex.exec_id, 0, "stuck", ex.kill_reason)
            if busiest is not None and busiest_delta > 0:
                self.last_active = busiest
            rss_check += 1
            if rss_check % 5 == 0 and running and _rss_bytes() > budget:
                blamed = self.last_active.exec_id if self.last_active is not None else 0
                self.send_frame(FrameType.OVERLIMIT, blamed, 0, "memory", {"rss": _rss_bytes(), "budget": budget})
                os._exit(3)


def _vm_data_bytes() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    return 0


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this worker when the host process dies, however it dies."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:
        os._exit(0)  # the host is already gone


def main() -> None:
    import faulthandler
    import signal

    faulthandler.register(signal.SIGUSR1, all_threads=True)  # thread dump on demand, to stderr
    _die_with_parent()
    sock = socket.socket(fileno=int(sys.argv[1]))
    sock.setblocking(True)
    handoff = socket.socket(fileno=int(sys.argv[2]))
    handoff.setblocking(True)
    rss_headroom = int(sys.argv[3])
    data_headroom = int(sys.argv[4])
    threading.stack_size(4 * 1024 * 1024)  # execution threads only run asyncio + jsrun calls
    Worker(sock, handoff, rss_headroom, data_headroom).serve()


if __name__ == "__main__":
    main()
