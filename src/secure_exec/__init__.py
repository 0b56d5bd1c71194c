"""secure-exec: run untrusted JavaScript with Node.js semantics in V8 isolates.

Public API only: everything here is re-exported from private modules.
"""

from ._engine._pool import WorkerPool as WorkerPool
from ._exceptions import ConfigurationError as ConfigurationError
from ._exceptions import CpuTimeLimitExceeded as CpuTimeLimitExceeded
from ._exceptions import EngineError as EngineError
from ._exceptions import ExecutionError as ExecutionError
from ._exceptions import GuestError as GuestError
from ._exceptions import MemoryLimitExceeded as MemoryLimitExceeded
from ._exceptions import ResourceBudgetExceeded as ResourceBudgetExceeded
from ._exceptions import RuntimeClosedError as RuntimeClosedError
from ._exceptions import SandboxError as SandboxError
from ._exceptions import ValueTransferError as ValueTransferError
from ._exceptions import WallTimeLimitExceeded as WallTimeLimitExceeded
from ._kernel._errno import KernelError as KernelError
from ._results import ExecResult as ExecResult
from ._results import RunResult as RunResult
from ._runtime import NODE_VERSION as NODE_VERSION
from ._runtime import Mount as Mount
from ._runtime import NodeRuntime as NodeRuntime
from ._version import __version__ as __version__

__all__ = [
    "ConfigurationError",
    "CpuTimeLimitExceeded",
    "EngineError",
    "ExecResult",
    "ExecutionError",
    "GuestError",
    "KernelError",
    "MemoryLimitExceeded",
    "Mount",
    "NODE_VERSION",
    "NodeRuntime",
    "ResourceBudgetExceeded",
    "RunResult",
    "RuntimeClosedError",
    "SandboxError",
    "ValueTransferError",
    "WallTimeLimitExceeded",
    "WorkerPool",
    "__version__",
]

for _name in __all__:
    _obj = globals()[_name]
    if hasattr(_obj, "__module__") and isinstance(_obj, type):
        _obj.__module__ = "secure_exec"
del _name, _obj
