"""Test helpers for people extending secure-exec (needs pytest).

- `VfsConformance`: a pytest mixin that checks a `secure_exec.vfs.VirtualFileSystem`
  backend against the rules every backend follows. Subclass it, set
  `capabilities`, implement `make_fs`.
- `ALL_CAPABILITIES`: the capability names the suite knows.
"""

from __future__ import annotations

from ._vfs_conformance import ALL_CAPABILITIES as ALL_CAPABILITIES
from ._vfs_conformance import VfsConformance as VfsConformance

__all__ = ["ALL_CAPABILITIES", "VfsConformance"]
