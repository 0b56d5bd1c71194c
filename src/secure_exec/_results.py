"""Results of executions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._exceptions import GuestError, SandboxError

__all__ = ["ExecResult", "RunResult"]


@dataclass(frozen=True, slots=True)
class ExecResult:
    """What an execution produced.

    Attributes:
        exit_code: the guest's exit code (124 for a CPU or wall-time limit, 134 for memory).
        stdout: captured standard output, at most ``max_output_bytes`` of it, decoded as UTF-8.
        stderr: captured standard error, likewise bounded.
        stdout_truncated: True when output past the cap was dropped from ``stdout``
            (the ``on_stdout`` hook still saw every chunk).
        stderr_truncated: the same for ``stderr``.
        error: why the execution was stopped (a limit, a transfer refused, a dead
            worker), or None when the guest ended on its own.
    """

    exit_code: int
    stdout: str
    stderr: str
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    error: SandboxError | None = None

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and self.error is None

    def check(self) -> ExecResult:
        """Return self when the execution succeeded; raise its error otherwise.

        Raises:
            ExecutionError: the execution was stopped by a limit.
            EngineError: the worker died under it.
            GuestError: the guest exited with a non-zero code.
        """
        if self.error is not None:
            raise self.error
        if self.exit_code != 0:
            last = self.stderr.strip().splitlines()
            raise GuestError(
                f"guest exited with code {self.exit_code}" + (f": {last[-1]}" if last else ""),
                exit_code=self.exit_code,
                stderr=self.stderr,
            )
        return self


@dataclass(frozen=True, slots=True)
class RunResult(ExecResult):
    """An `ExecResult` plus the value the guest returned.

    Attributes:
        value: what the guest passed to ``globalThis.__return(value)`` or, failing that,
            its exports: ``module.exports`` for CommonJS; for an ES module its
            namespace as a dict, or the default export alone when that is all it
            exports. None when the execution failed.
    """

    value: Any = None
