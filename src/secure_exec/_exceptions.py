"""The host-facing error tree.

::

    SandboxError                      every error this package raises or reports
    ├── ConfigurationError            an option is invalid (also a ValueError)
    ├── RuntimeClosedError            the runtime was used after aclose()
    ├── ExecutionError                an execution was stopped by a limit or the host
    │   ├── CpuTimeLimitExceeded      cpu_time_limit_ms ran out (exit code 124)
    │   ├── WallTimeLimitExceeded     the per-call ``timeout`` ran out (exit code 124)
    │   ├── MemoryLimitExceeded       the heap or the worker's memory budget ran out (exit code 134)
    │   ├── ResourceBudgetExceeded    a payload or budget limit refused a transfer
    │   └── ValueTransferError        run() produced a value that cannot cross to Python
    ├── GuestError                    the guest ended with a non-zero exit code (from check())
    └── EngineError                   the V8 worker died under the execution (exit code 1)

Limits and crashes are reported on the result (``result.error``), not raised: a
non-zero exit is a result. ``result.check()`` raises the error, or ``GuestError``
for a plain non-zero exit.
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "CpuTimeLimitExceeded",
    "EngineError",
    "ExecutionError",
    "GuestError",
    "MemoryLimitExceeded",
    "ResourceBudgetExceeded",
    "RuntimeClosedError",
    "SandboxError",
    "ValueTransferError",
    "WallTimeLimitExceeded",
]


class SandboxError(Exception):
    """Base class of every error secure_exec raises or reports."""


class ConfigurationError(SandboxError, ValueError):
    """An option passed to the runtime, an execution or the CLI is invalid."""


class RuntimeClosedError(SandboxError, RuntimeError):
    """The runtime was used after ``aclose()``."""


class ExecutionError(SandboxError):
    """An execution was stopped by a limit or by the host."""

    exit_code = 1


class CpuTimeLimitExceeded(ExecutionError):
    """The guest used more CPU time than ``cpu_time_limit_ms``."""

    exit_code = 124


class WallTimeLimitExceeded(ExecutionError):
    """The per-call ``timeout`` elapsed before the guest finished."""

    exit_code = 124


class MemoryLimitExceeded(ExecutionError):
    """The guest exhausted its V8 heap or its worker's memory budget."""

    exit_code = 134


class ResourceBudgetExceeded(ExecutionError):
    """A payload or resource budget refused a transfer (``ERR_SANDBOX_PAYLOAD_TOO_LARGE``)."""


class ValueTransferError(ExecutionError):
    """run() produced a value that cannot be converted to Python (a function, a cycle, ...)."""


class GuestError(SandboxError):
    """The guest exited with a non-zero code; raised by ``result.check()``."""

    def __init__(self, message: str, *, exit_code: int, stderr: str = "") -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.stderr = stderr


class EngineError(SandboxError):
    """The V8 worker process died while the execution was running in it."""
