"""Permissions: what the guest may reach, one policy per domain, denied unless allowed.

The domains are ``fs``, ``network``, ``child_process``, ``env``, ``process``
and ``tools``. Each takes ``"allow"``, ``"deny"``, a `RuleSet` (the first
matching rule wins, else its ``default``) or a callable that receives the
request (`FsRequest`, `NetworkRequest`, ...) and returns ``True``/``False`` or
a `Decision` with a reason. A callable that raises, or returns anything else,
denies. A domain left unset is denied; `NodeRuntime.create` merges your policy
over `DEFAULT_RUNTIME_PERMISSIONS` (everything inside the sandbox allowed,
network egress denied)::

    from secure_exec.permissions import Decision, Permissions, Rule, RuleSet, allow_all_env

    def no_secrets(req):
        if req.path.startswith("/secrets"):
            return Decision(False, "secrets are off-limits")
        return True

    perms = Permissions(
        fs=no_secrets,
        network=RuleSet(default="deny", rules=[
            Rule(mode="allow", operations=["fetch", "http"], patterns=["api.example.com", "*.cdn.example.com:443"]),
        ]),
    ) | allow_all_env            # `a | b`: b's policy wins in every domain b sets

    # the same network rules from JSON/TOML data, validated strictly:
    Permissions.from_mapping({"network": {"default": "deny", "rules": [
        {"mode": "allow", "operations": ["fetch"], "patterns": ["api.example.com"]}]}})

A denied fs call fails in the guest like Node's:
``EACCES: permission denied, open '/secrets/key': secrets are off-limits``.
Path globs: ``*`` and ``?`` stay within one path segment, ``**`` as a whole
segment spans any number of them (``/data/**`` is ``/data`` and everything
below), ``[a-z]``/``[!a-z]`` are character classes. The full rules are in
`Permissions`' and `RuleSet`'s documentation.
"""

from __future__ import annotations

from ._kernel._permissions import DEFAULT_RUNTIME_PERMISSIONS as DEFAULT_RUNTIME_PERMISSIONS
from ._kernel._permissions import DOMAINS as DOMAINS
from ._kernel._permissions import OPERATIONS as OPERATIONS
from ._kernel._permissions import ChildProcessRequest as ChildProcessRequest
from ._kernel._permissions import Decision as Decision
from ._kernel._permissions import Domain as Domain
from ._kernel._permissions import EnvOp as EnvOp
from ._kernel._permissions import EnvRequest as EnvRequest
from ._kernel._permissions import FsOp as FsOp
from ._kernel._permissions import FsRequest as FsRequest
from ._kernel._permissions import Mode as Mode
from ._kernel._permissions import NetworkOp as NetworkOp
from ._kernel._permissions import NetworkRequest as NetworkRequest
from ._kernel._permissions import Permissions as Permissions
from ._kernel._permissions import Policy as Policy
from ._kernel._permissions import ProcessOp as ProcessOp
from ._kernel._permissions import ProcessRequest as ProcessRequest
from ._kernel._permissions import Request as Request
from ._kernel._permissions import Rule as Rule
from ._kernel._permissions import RuleSet as RuleSet
from ._kernel._permissions import ToolRequest as ToolRequest
from ._kernel._permissions import allow_all as allow_all
from ._kernel._permissions import allow_all_child_process as allow_all_child_process
from ._kernel._permissions import allow_all_env as allow_all_env
from ._kernel._permissions import allow_all_fs as allow_all_fs
from ._kernel._permissions import allow_all_network as allow_all_network
from ._kernel._permissions import allow_all_process as allow_all_process
from ._kernel._permissions import allow_all_tools as allow_all_tools
from ._kernel._permissions import deny_all as deny_all
from ._kernel._permissions import filter_env as filter_env

__all__ = [
    "ChildProcessRequest",
    "DEFAULT_RUNTIME_PERMISSIONS",
    "DOMAINS",
    "Decision",
    "Domain",
    "EnvOp",
    "EnvRequest",
    "FsOp",
    "FsRequest",
    "Mode",
    "NetworkOp",
    "NetworkRequest",
    "OPERATIONS",
    "Permissions",
    "Policy",
    "ProcessOp",
    "ProcessRequest",
    "Request",
    "Rule",
    "RuleSet",
    "ToolRequest",
    "allow_all",
    "allow_all_child_process",
    "allow_all_env",
    "allow_all_fs",
    "allow_all_network",
    "allow_all_process",
    "allow_all_tools",
    "deny_all",
    "filter_env",
]

# Tracebacks and reprs show the public path.
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type):
        _obj.__module__ = __name__
del _name, _obj
