"""Virtual filesystem backends and the interface to write your own.

A backend implements `VirtualFileSystem` (metadata by `lstat`, listing by
`readdir`, data through `open` and the `OpenFile` it returns, plus the
namespace operations) and raises `KernelError` with a POSIX code. The kernel
above it resolves symlinks, routes paths to mounts and shapes errors the way
Node does. `secure_exec.testing.VfsConformance` checks a backend against the
rules.

- `MemoryFileSystem`: an in-memory inode filesystem (the default root).
"""

from __future__ import annotations

from ._kernel._errno import KernelError as KernelError
from ._kernel._vfs import DirectoryHandle as DirectoryHandle
from ._kernel._vfs import DirEntry as DirEntry
from ._kernel._vfs import FileKind as FileKind
from ._kernel._vfs import OpenFile as OpenFile
from ._kernel._vfs import OpenFlags as OpenFlags
from ._kernel._vfs import Stat as Stat
from ._kernel._vfs import VirtualFileSystem as VirtualFileSystem
from ._vfs._fsspec import FsspecFileSystem as FsspecFileSystem
from ._vfs._host_dir import HostDirectory as HostDirectory
from ._vfs._memory import MemoryFileSystem as MemoryFileSystem
from ._vfs._overlay import NodeModulesOverlay as NodeModulesOverlay

__all__ = [
    "DirEntry",
    "DirectoryHandle",
    "FileKind",
    "FsspecFileSystem",
    "HostDirectory",
    "KernelError",
    "MemoryFileSystem",
    "NodeModulesOverlay",
    "OpenFile",
    "OpenFlags",
    "Stat",
    "VirtualFileSystem",
]

# Tracebacks and reprs show the public path (KernelError is left alone: it belongs
# to the whole kernel and may be re-exported elsewhere).
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj is not KernelError:
        _obj.__module__ = __name__
del _name, _obj
