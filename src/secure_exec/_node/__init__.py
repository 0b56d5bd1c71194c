"""The Node.js runtime's host side: bridge handlers for the guest's builtin modules.

`fs_handlers(FsContext(...))` answers the guest `fs` module's bridge calls
(`fs.open`, `fs.stat`, ...; see js/contract.json) through the kernel's
filesystem and an execution's descriptor table.
"""

from __future__ import annotations

from ._fs_handlers import FsContext, fs_handlers

__all__ = ["FsContext", "fs_handlers"]
