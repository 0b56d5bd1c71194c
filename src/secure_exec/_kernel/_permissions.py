"""The permission engine: deny by default, one policy per domain.

Every host-facing capability the guest reaches through the kernel is checked
here first. There are six domains; each check gets a frozen request object:

==================  ======================  ========================================
domain              request                 operations (`request.op`)
==================  ======================  ========================================
``fs``              `FsRequest`             read write mkdir readdir stat rm rename
                                            exists symlink readlink link chmod chown
                                            utimes truncate
``network``         `NetworkRequest`        fetch http dns listen connect
``child_process``   `ChildProcessRequest`   spawn (implied)
``env``             `EnvRequest`            read write
``process``         `ProcessRequest`        chdir kill exit
``tools``           `ToolRequest`           call (implied)
==================  ======================  ========================================

A domain's policy is one of:

- ``"allow"`` or ``"deny"``;
- a callable taking the request and returning ``True``/``False`` or a
  `Decision`. Nothing else counts as an answer: any other return value
  (a tuple, ``None``, a truthy number, an awaitable) denies, and so does an
  exception raised by the callable; the denial's reason says what happened.
  Nothing a policy does propagates into the kernel (except `BaseException`s
  such as `KeyboardInterrupt`);
- a `RuleSet`: the first rule that matches the request decides; when none
  matches, the rule set's ``default`` decides.

A domain left at ``None`` is denied: the low-level default is deny for every
domain. `DEFAULT_RUNTIME_PERMISSIONS` is what `NodeRuntime.create` merges the
user's policy over.

Glob patterns (rule ``paths`` and ``patterns``) are matched against the whole
subject: ``*`` matches any run of characters except ``/`` (dotfiles included),
``?`` one character except ``/``, ``[abc]``, ``[a-z]`` and ``[!a-z]`` (or
``[^a-z]``) one character of (or not of) a class, never ``/``; a path segment
that is exactly ``**`` matches zero or more whole segments, so ``/data/**``
matches ``/data`` itself and everything below it, and ``/a/**/b`` matches
``/a/b`` and ``/a/x/y/b``. ``**`` inside a segment (``/a**``) is a plain ``*``.
There is no escape character: write ``[*]`` for a literal ``*``.

The subject of each request kind:

- fs: the path. Paths must arrive normalised (`_paths.normalize`); a path
  that is not is denied whenever a rule set or a callable decides.
- network: the host name, lower-cased, without IPv6 brackets or a trailing
  dot, and, when the port is known (given, in the URL, or the scheme's
  default), also ``host:port``; a rule matches when either matches. The host
  comes from ``hostname`` or else the URL; when both are given they must agree.
- child_process: the command exactly as spawned (``**/node`` matches both
  ``node`` and ``/usr/bin/node``).
- env: the variable's name. tools: the tool's name.
- process: the directory of a ``chdir``; ``kill`` and ``exit`` have no
  subject, so a rule with patterns never matches them.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, TypeAlias, cast
from urllib.parse import urlsplit

from ._errno import KernelError
from ._paths import normalize

__all__ = [
    "ChildProcessRequest",
    "DEFAULT_RUNTIME_PERMISSIONS",
    "DOMAINS",
    "Decision",
    "Domain",
    "EnvOp",
    "EnvRequest",
    "FS_SYSCALLS",
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

Domain: TypeAlias = Literal["fs", "network", "child_process", "env", "process", "tools"]
Mode: TypeAlias = Literal["allow", "deny"]
FsOp: TypeAlias = Literal[
    "read",
    "write",
    "mkdir",
    "readdir",
    "stat",
    "rm",
    "rename",
    "exists",
    "symlink",
    "readlink",
    "link",
    "chmod",
    "chown",
    "utimes",
    "truncate",
]
NetworkOp: TypeAlias = Literal["fetch", "http", "dns", "listen", "connect"]
EnvOp: TypeAlias = Literal["read", "write"]
ProcessOp: TypeAlias = Literal["chdir", "kill", "exit"]

#: The six domains, in the order `Permissions` declares them.
DOMAINS: tuple[Domain, ...] = ("fs", "network", "child_process", "env", "process", "tools")

#: The operation names each domain's requests (and rules) use.
OPERATIONS: Mapping[Domain, frozenset[str]] = MappingProxyType(
    {
        "fs": frozenset(
            "read write mkdir readdir stat rm rename exists symlink readlink link chmod chown utimes truncate".split()
        ),
        "network": frozenset(("fetch", "http", "dns", "listen", "connect")),
        "child_process": frozenset(("spawn",)),
        "env": frozenset(("read", "write")),
        "process": frozenset(("chdir", "kill", "exit")),
        "tools": frozenset(("call",)),
    }
)

#: The syscall an fs denial names by default (the original's mapping); a
#: caller that knows the real syscall (``lstat``, ``rmdir``, ...) passes it.
FS_SYSCALLS: Mapping[str, str] = MappingProxyType(
    {
        **{op: op for op in OPERATIONS["fs"]},
        "read": "open",
        "readdir": "scandir",
        "rm": "unlink",
        "exists": "access",
        "truncate": "open",
    }
)

_DEFAULT_PORTS = {"http": 80, "ws": 80, "https": 443, "wss": 443, "ftp": 21}


# -- decisions and requests -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer to one check. `reason` is appended to a denial's message."""

    allow: bool
    reason: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.allow, bool):
            raise TypeError(f"Decision.allow must be a bool, got {type(self.allow).__name__}")
        if self.reason is not None and not isinstance(self.reason, str):
            raise TypeError(f"Decision.reason must be a str or None, got {type(self.reason).__name__}")


_ALLOW = Decision(True)
_DENY = Decision(False)


@dataclass(frozen=True, slots=True)
class FsRequest:
    """A filesystem operation on one normalised, absolute guest path.

    `rename` is checked twice (old and new path); `link` and `symlink` are
    checked on the new path; `lstat` checks as ``stat``, `realpath` as
    ``read``.
    """

    op: FsOp
    path: str


@dataclass(frozen=True, slots=True)
class NetworkRequest:
    """Outbound traffic or a host-visible listener. Loopback traffic to a
    listener the kernel owns, and ``AF_UNIX``, are never checked.

    `hostname` should be the host as the network layer will use it (the
    WHATWG-parsed host of a URL); when only `url` is given, the host is taken
    from it with `urllib.parse.urlsplit`.
    """

    op: NetworkOp
    url: str | None = None
    method: str | None = None
    hostname: str | None = None
    port: int | None = None


@dataclass(frozen=True, slots=True)
class ChildProcessRequest:
    """A spawn: the command as the guest named it, its arguments (without the
    command), and the working directory and environment it would get."""

    command: str
    args: tuple[str, ...] = ()
    cwd: str | None = None
    env: Mapping[str, str] | None = None

    @property
    def op(self) -> Literal["spawn"]:
        return "spawn"


@dataclass(frozen=True, slots=True)
class EnvRequest:
    """Reading or writing (setting or deleting) one environment variable."""

    op: EnvOp
    key: str
    value: str | None = None


@dataclass(frozen=True, slots=True)
class ProcessRequest:
    """Process control: ``chdir`` (`path` is the normalised new working
    directory), ``kill`` (signal `signal`, e.g. ``"SIGTERM"``, to process
    `pid`) and ``exit``."""

    op: ProcessOp
    path: str | None = None
    pid: int | None = None
    signal: str | None = None


@dataclass(frozen=True, slots=True)
class ToolRequest:
    """A call of a tool the embedder registered, with its (JSON) input."""

    name: str
    input: object = None

    @property
    def op(self) -> Literal["call"]:
        return "call"


Request: TypeAlias = FsRequest | NetworkRequest | ChildProcessRequest | EnvRequest | ProcessRequest | ToolRequest

_REQUEST_TYPES: dict[str, type] = {
    "fs": FsRequest,
    "network": NetworkRequest,
    "child_process": ChildProcessRequest,
    "env": EnvRequest,
    "process": ProcessRequest,
    "tools": ToolRequest,
}


# -- globs ----------------------------------------------------------------------------


def _class_to_regex(body: str, negate: bool) -> str:
    parts: list[str] = []
    for i, ch in enumerate(body):
        parts.append("-" if ch == "-" and 0 < i < len(body) - 1 else re.escape(ch))
    inner = "".join(parts)
    # A class never matches "/", even through a range such as [!-0].
    return f"[^/{inner}]" if negate else f"(?!/)[{inner}]"


def _segment_to_regex(segment: str) -> str:
    out: list[str] = []
    i, n = 0, len(segment)
    while i < n:
        ch = segment[i]
        if ch == "*":
            while i < n and segment[i] == "*":
                i += 1
            out.append("[^/]*")
            continue
        if ch == "?":
            out.append("[^/]")
        elif ch == "[":
            j = i + 1
            negate = j < n and segment[j] in "!^"
            if negate:
                j += 1
            start = j
            if j < n and segment[j] == "]":
                j += 1
            while j < n and segment[j] != "]":
                j += 1
            if j < n:
                out.append(_class_to_regex(segment[start:j], negate))
                i = j + 1
                continue
            out.append(re.escape(ch))  # no closing bracket: a literal "["
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


def _glob_to_regex(pattern: str) -> str:
    """The regular expression (for `fullmatch`) of one glob pattern; see the module docstring."""
    segments: list[str] = []
    for segment in pattern.split("/"):
        if segment == "**" and segments and segments[-1] == "**":
            continue  # "**/**" is "**"
        segments.append(segment)
    if segments == ["**"]:
        return ".*"
    out: list[str] = []
    separator = False  # whether a "/" goes before the next segment
    for index, segment in enumerate(segments):
        if segment == "**":
            if index == 0:
                out.append("(?:.*/)?")
                separator = False
            else:
                out.append("(?:/.*)?")
                separator = True
            continue
        if separator:
            out.append("/")
        out.append(_segment_to_regex(segment))
        separator = True
    return "".join(out)


def _compile_globs(patterns: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{_glob_to_regex(p)})" for p in patterns)
    flags = re.DOTALL | (re.IGNORECASE if ignore_case else 0)
    try:
        return re.compile(alternatives, flags)
    except re.error as exc:  # e.g. a reversed range such as [z-a]
        raise ValueError(f"invalid glob pattern: {exc}") from None


def _normalize_path_pattern(pattern: str) -> str:
    """An fs rule's path glob, checked and put in the form normalised paths have."""
    if pattern == "**" or pattern.startswith("**/"):
        pattern = "/" + pattern
    if not pattern.startswith("/"):
        raise ValueError(f"path pattern {pattern!r} must be absolute (start with '/' or '**')")
    if "\0" in pattern:
        raise ValueError(f"path pattern {pattern!r} contains a NUL byte")
    segments = pattern.split("/")
    if any(s in (".", "..") for s in segments):
        raise ValueError(f"path pattern {pattern!r} contains '.' or '..' (paths are checked normalised)")
    return "/" + "/".join(s for s in segments if s)


# -- rules ----------------------------------------------------------------------------


def _string_tuple(value: object, what: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(f"{what} must be a list of strings, got {type(value).__name__}")
    items = tuple(cast(Iterable[object], value))
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{what} must be a list of strings, got an item of type {type(item).__name__}")
    if not items:
        raise ValueError(f"{what} is empty and would match nothing; leave it out to match everything")
    return cast(tuple[str, ...], items)


def _check_mode(value: object, what: str) -> None:
    if not isinstance(value, str) or value not in ("allow", "deny"):
        hint = " ('ask' is not supported)" if value == "ask" else ""
        raise ValueError(f"{what}: expected 'allow' or 'deny', got {value!r}{hint}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One rule of a `RuleSet`.

    A rule matches a request when its `operations` (all operations if left
    out) contain ``request.op`` and, if it has `paths` (fs) or `patterns`
    (every other domain), one of those globs matches the request's subject.
    A rule without globs matches on the operation alone. `reason` is appended
    to the denial message when this rule denies. Lists are stored as tuples;
    fs `paths` are stored normalised (``//`` collapsed, trailing ``/``
    dropped; a leading ``**`` is anchored at ``/``).

    Raises:
        ValueError: a bad mode, an empty list, both `paths` and `patterns`,
            a relative path or one with ``.``/``..`` segments.
        TypeError: a field of the wrong type (a string in place of a list).
    """

    mode: Mode
    operations: Sequence[str] | None = None
    paths: Sequence[str] | None = None
    patterns: Sequence[str] | None = None
    reason: str | None = None

    def __post_init__(self) -> None:
        _check_mode(self.mode, "mode")
        operations = _string_tuple(self.operations, "operations")
        paths = _string_tuple(self.paths, "paths")
        patterns = _string_tuple(self.patterns, "patterns")
        if paths is not None and patterns is not None:
            raise ValueError("a rule has either paths (fs) or patterns (other domains), not both")
        if paths is not None:
            paths = tuple(_normalize_path_pattern(p) for p in paths)
        if self.reason is not None and not isinstance(self.reason, str):
            raise TypeError(f"reason must be a str or None, got {type(self.reason).__name__}")
        object.__setattr__(self, "operations", operations)
        object.__setattr__(self, "paths", paths)
        object.__setattr__(self, "patterns", patterns)


_Compiled: TypeAlias = tuple[frozenset[str] | None, re.Pattern[str] | None, Decision]


class _Denied(Exception):
    """A request whose subject cannot be determined safely (it is denied)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSet:
    """Ordered rules with a default: the first matching rule wins.

    The globs are compiled once per rule set and domain (when a `Permissions`
    holding it is created); a check is then a scan of precompiled rules.
    """

    default: Mode = "deny"
    rules: Sequence[Rule] = ()
    _compiled: dict[str, tuple[_Compiled, ...]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        _check_mode(self.default, "default")
        if isinstance(self.rules, str | bytes) or not isinstance(self.rules, Iterable):
            raise TypeError(f"rules must be a list of Rule, got {type(self.rules).__name__}")
        rules = tuple(self.rules)
        for rule in rules:
            if not isinstance(rule, Rule):
                raise TypeError(f"rules must be a list of Rule, got an item of type {type(rule).__name__}")
        object.__setattr__(self, "rules", rules)

    def _compile(self, domain: Domain) -> tuple[_Compiled, ...]:
        """The rules as checked in `domain`, validated for it; cached."""
        cached = self._compiled.get(domain)
        if cached is not None:
            return cached
        compiled: list[_Compiled] = []
        known = OPERATIONS[domain]
        for index, rule in enumerate(self.rules):
            where = f"{domain}.rules[{index}]"
            if rule.operations is not None:
                for op in rule.operations:
                    if op not in known:
                        raise ValueError(
                            f"{where}: unknown {domain} operation {op!r} (expected one of: {', '.join(sorted(known))})"
                        )
            if domain == "fs" and rule.patterns is not None:
                raise ValueError(f"{where}: fs rules match paths; use 'paths', not 'patterns'")
            if domain != "fs" and rule.paths is not None:
                raise ValueError(f"{where}: {domain} rules match patterns; use 'patterns', not 'paths'")
            globs = rule.paths if rule.paths is not None else rule.patterns
            try:
                regex = None if globs is None else _compile_globs(globs, ignore_case=domain == "network")
            except ValueError as exc:
                raise ValueError(f"{where}: {exc}") from None
            operations = None if rule.operations is None else frozenset(rule.operations)
            decision = _ALLOW if rule.mode == "allow" else Decision(False, rule.reason)
            compiled.append((operations, regex, decision))
        result = tuple(compiled)
        self._compiled[domain] = result
        return result


# -- subjects -------------------------------------------------------------------------


def _bare_host(host: str) -> str:
    host = host.lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if host.endswith(".") and host != ".":
        host = host[:-1]
    return host


def _network_subjects(request: NetworkRequest) -> tuple[str, ...]:
    host = None if request.hostname is None else _bare_host(request.hostname)
    port = request.port
    if request.url is not None:
        try:
            parts = urlsplit(request.url)
            url_port = parts.port
        except ValueError as exc:
            raise _Denied(f"unparseable URL ({exc})") from None
        url_host = None if parts.hostname is None else _bare_host(parts.hostname)
        if url_port is None:
            url_port = _DEFAULT_PORTS.get(parts.scheme.lower())
        if host is not None and url_host is not None and host != url_host:
            raise _Denied(f"hostname {request.hostname!r} does not match the URL's host {url_host!r}")
        if port is not None and url_port is not None and port != url_port:
            raise _Denied(f"port {port} does not match the URL's port {url_port}")
        host = host if host is not None else url_host
        port = port if port is not None else url_port
    if host is None:
        return ()
    return (host,) if port is None else (host, f"{host}:{port}")


def _subjects(domain: Domain, request: Any) -> tuple[str, ...]:
    if domain == "fs":
        return (request.path,)
    if domain == "network":
        return _network_subjects(request)
    if domain == "child_process":
        return (request.command,)
    if domain == "env":
        return (request.key,)
    if domain == "process":
        return (request.path,) if request.op == "chdir" and request.path is not None else ()
    return (request.name,)


# -- checkers -------------------------------------------------------------------------

_Checker: TypeAlias = Callable[[Any], Decision]


def _allow(_request: object) -> Decision:
    return _ALLOW


def _deny(_request: object) -> Decision:
    return _DENY


def _describe(exc: BaseException) -> str:
    try:
        text = str(exc)
    except Exception:
        text = ""
    return f"permission policy raised {type(exc).__name__}" + (f": {text}" if text else "")


def _call_policy(policy: Callable[[Any], object], request: object) -> Decision:
    try:
        result = policy(request)
    except Exception as exc:
        return Decision(False, _describe(exc))
    if result is True:
        return _ALLOW
    if result is False:
        return _DENY
    if isinstance(result, Decision):
        return result
    if inspect.isawaitable(result):
        if inspect.iscoroutine(result):
            result.close()  # never awaited: close it so it does not warn
        return Decision(False, "permission policy returned an awaitable; policies are synchronous")
    return Decision(False, f"permission policy returned {type(result).__name__}; expected bool or Decision")


def _fs_path_problem(request: FsRequest) -> Decision | None:
    try:
        if normalize(request.path) == request.path:
            return None
    except ValueError:
        pass
    return Decision(False, f"path {request.path!r} is not normalised")


def _make_checker(domain: Domain, policy: object) -> _Checker:
    """Validate `policy` for `domain` and return the function that decides requests."""
    if policy is None:
        return _deny
    if isinstance(policy, str):
        if policy == "allow":
            return _allow
        if policy == "deny":
            return _deny
        hint = " ('ask' is not supported)" if policy == "ask" else ""
        raise ValueError(
            f"{domain}: unknown policy {policy!r}{hint} (expected 'allow', 'deny', a RuleSet or a callable)"
        )
    if isinstance(policy, RuleSet):
        compiled = policy._compile(domain)
        default = _ALLOW if policy.default == "allow" else _DENY
        is_fs = domain == "fs"

        def check_rules(request: Any) -> Decision:
            if is_fs:
                problem = _fs_path_problem(request)
                if problem is not None:
                    return problem
            op = request.op
            try:
                subjects = _subjects(domain, request)
            except _Denied as exc:
                return Decision(False, str(exc))
            for operations, regex, decision in compiled:
                if operations is not None and op not in operations:
                    continue
                if regex is not None:
                    for subject in subjects:
                        if regex.fullmatch(subject):
                            break
                    else:
                        continue
                return decision
            return default

        return check_rules
    if callable(policy):
        function = cast(Callable[[Any], object], policy)
        if domain == "fs":

            def check_fs_callable(request: Any) -> Decision:
                problem = _fs_path_problem(request)
                return problem if problem is not None else _call_policy(function, request)

            return check_fs_callable
        return lambda request: _call_policy(function, request)
    raise TypeError(f"{domain}: a policy is 'allow', 'deny', a RuleSet or a callable, not {type(policy).__name__}")


# -- Permissions ----------------------------------------------------------------------

#: Anything a domain accepts (the per-domain field types are narrower for callables).
Policy: TypeAlias = Mode | RuleSet | Callable[[Any], Decision | bool]

_DOMAIN_HINTS = {
    "childProcess": "child_process",
    "child-process": "child_process",
    "tool": "tools",
    "binding": "tools",
    "bindings": "tools",
    "net": "network",
    "filesystem": "fs",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Permissions:
    """One policy per domain; ``None`` means "not set", which checks as deny.

    Combine with ``|``: ``a | b`` takes `b`'s policy for every domain `b`
    sets and `a`'s elsewhere (``b.merged_over(a)``), so
    ``allow_all_fs | allow_all_env`` allows both and
    ``DEFAULT_RUNTIME_PERMISSIONS | Permissions(network="allow")`` allows
    egress too. Equal policies compare equal; construction validates every
    policy for its domain (and compiles rule sets) so a check never fails on
    configuration.

    Raises:
        ValueError: an unknown policy string or a rule invalid for its domain.
        TypeError: a policy of the wrong type.
    """

    fs: Mode | RuleSet | Callable[[FsRequest], Decision | bool] | None = None
    network: Mode | RuleSet | Callable[[NetworkRequest], Decision | bool] | None = None
    child_process: Mode | RuleSet | Callable[[ChildProcessRequest], Decision | bool] | None = None
    env: Mode | RuleSet | Callable[[EnvRequest], Decision | bool] | None = None
    process: Mode | RuleSet | Callable[[ProcessRequest], Decision | bool] | None = None
    tools: Mode | RuleSet | Callable[[ToolRequest], Decision | bool] | None = None
    _checkers: dict[str, _Checker] = field(init=False, repr=False, compare=False, hash=False, default_factory=dict)

    def __post_init__(self) -> None:
        for domain in DOMAINS:
            self._checkers[domain] = _make_checker(domain, getattr(self, domain))

    # -- combining ------------------------------------------------------------------

    def merged_over(self, base: Permissions) -> Permissions:
        """These policies where set, `base`'s for the domains left at ``None``."""
        policies = {d: getattr(self, d) if getattr(self, d) is not None else getattr(base, d) for d in DOMAINS}
        return Permissions(**cast(dict[str, Any], policies))

    def __or__(self, other: Permissions) -> Permissions:
        if not isinstance(other, Permissions):
            return NotImplemented
        return other.merged_over(self)

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> Permissions:
        """Build from plain data (JSON, TOML), validated strictly.

        ``{"fs": "allow", "network": {"default": "deny", "rules": [{"mode": "allow",
        "operations": ["fetch"], "patterns": ["*.example.com"], "reason": "..."}]}}``.
        A domain's value is ``"allow"``, ``"deny"``, ``None`` (not set) or a rule
        set mapping with the keys ``default`` (optional, ``"deny"`` if absent) and
        ``rules``; a rule has ``mode`` and optionally ``operations``, ``paths``
        (fs) or ``patterns`` (other domains), and ``reason``.

        Raises:
            ValueError: anything unknown or mistyped, with its location
                (``network.rules[0].mode: ...``).
        """
        if not isinstance(data, Mapping):
            raise ValueError(f"permissions must be a mapping of domain to policy, got {type(data).__name__}")
        policies: dict[str, object] = {}
        for key, value in data.items():
            if key not in DOMAINS:
                hint = f"; did you mean {_DOMAIN_HINTS[key]!r}?" if key in _DOMAIN_HINTS else ""
                raise ValueError(f"unknown permission domain {key!r} (expected one of: {', '.join(DOMAINS)}){hint}")
            policies[key] = _policy_from_data(key, value)
        try:
            return cls(**cast(dict[str, Any], policies))
        except TypeError as exc:
            raise ValueError(str(exc)) from None

    # -- checking -------------------------------------------------------------------

    def check(self, domain: Domain, request: Request) -> Decision:
        """Decide `request` in `domain`. Never raises for a policy's sake.

        Raises:
            ValueError: `domain` is not one of `DOMAINS`.
            TypeError: `request` is not that domain's request type (a caller bug).
        """
        checker = self._checkers.get(domain)
        if checker is None:
            raise ValueError(f"unknown permission domain {domain!r}")
        if type(request) is not _REQUEST_TYPES[domain]:
            raise TypeError(f"a {domain} check takes a {_REQUEST_TYPES[domain].__name__}, not {type(request).__name__}")
        return checker(request)

    def require_fs(self, op: FsOp, path: str, syscall: str | None = None) -> None:
        """Check an fs operation on a normalised path; raise the Node-shaped denial.

        Raises:
            KernelError: ``EACCES: permission denied, <syscall> '<path>'[: reason]``;
                the syscall defaults to `FS_SYSCALLS[op]`.
        """
        decision = self._checkers["fs"](FsRequest(op, path))
        if not decision.allow:
            raise KernelError("EACCES", syscall or FS_SYSCALLS[op], path, detail=decision.reason)

    def require_network(
        self,
        op: NetworkOp,
        *,
        url: str | None = None,
        method: str | None = None,
        hostname: str | None = None,
        port: int | None = None,
        syscall: str | None = None,
    ) -> None:
        """Check network access; raise ``EACCES: permission denied, connect '<url|hostname>'``.

        The syscall is ``listen`` for `op` ``"listen"`` and ``connect`` otherwise,
        unless given; the quoted target is the URL, else the host name.
        """
        request = NetworkRequest(op, url=url, method=method, hostname=hostname, port=port)
        decision = self._checkers["network"](request)
        if not decision.allow:
            default_syscall = "listen" if op == "listen" else "connect"
            target = url if url is not None else hostname
            raise KernelError("EACCES", syscall or default_syscall, target, detail=decision.reason)

    def require_child_process(
        self,
        command: str,
        args: Sequence[str] = (),
        *,
        cwd: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        """Check a spawn; raise ``EACCES: permission denied, spawn '<command>'``."""
        decision = self._checkers["child_process"](ChildProcessRequest(command, tuple(args), cwd, env))
        if not decision.allow:
            raise KernelError("EACCES", "spawn", command, detail=decision.reason)

    def require_env(self, key: str, op: EnvOp = "read", value: str | None = None) -> None:
        """Check an env access; raise ``EACCES: permission denied, access '<key>'``."""
        decision = self._checkers["env"](EnvRequest(op, key, value))
        if not decision.allow:
            raise KernelError("EACCES", "access", key, detail=decision.reason)

    def require_process(
        self,
        op: ProcessOp,
        *,
        path: str | None = None,
        pid: int | None = None,
        signal: str | None = None,
        syscall: str | None = None,
    ) -> None:
        """Check process control; raise ``EACCES: permission denied, <op>[ '<path>']``
        (the path is named for ``chdir`` only; the syscall defaults to `op`)."""
        decision = self._checkers["process"](ProcessRequest(op, path, pid, signal))
        if not decision.allow:
            raise KernelError("EACCES", syscall or op, path if op == "chdir" else None, detail=decision.reason)

    def require_tool(self, name: str, input: object = None, *, syscall: str = "spawn") -> None:
        """Check a tool call; raise ``EACCES: permission denied, spawn '<name>'``
        (tools are guest commands)."""
        decision = self._checkers["tools"](ToolRequest(name, input))
        if not decision.allow:
            raise KernelError("EACCES", syscall, name, detail=decision.reason)


def filter_env(env: Mapping[str, str], permissions: Permissions) -> dict[str, str]:
    """The entries of `env` the env policy allows to be read (``{}`` when env is denied).

    Each key is checked with ``EnvRequest("read", key, value)``; a key whose
    check fails for any reason is left out.
    """
    check = permissions._checkers["env"]
    if check is _deny:
        return {}
    if check is _allow:
        return dict(env)
    return {key: value for key, value in env.items() if check(EnvRequest("read", key, value)).allow}


# -- from_mapping helpers -------------------------------------------------------------

_RULESET_KEYS = ("default", "rules")
_RULE_KEYS = ("mode", "operations", "paths", "patterns", "reason")


def _policy_from_data(domain: str, value: object) -> object:
    if value is None:
        return None
    if isinstance(value, str):
        _check_mode(value, domain)
        return value
    if not isinstance(value, Mapping):
        raise ValueError(
            f"{domain}: expected 'allow', 'deny' or a rule set mapping "
            f"({{'default': ..., 'rules': [...]}}), got {type(value).__name__}"
        )
    _reject_unknown_keys(domain, value, _RULESET_KEYS)
    default = value.get("default", "deny")
    _check_mode(default, f"{domain}.default")
    raw_rules = value.get("rules", [])
    if not isinstance(raw_rules, list | tuple):
        raise ValueError(f"{domain}.rules: expected a list of rules, got {type(raw_rules).__name__}")
    rules: list[Rule] = []
    for index, raw in enumerate(cast(Sequence[object], raw_rules)):
        where = f"{domain}.rules[{index}]"
        if not isinstance(raw, Mapping):
            raise ValueError(f"{where}: expected a mapping, got {type(raw).__name__}")
        _reject_unknown_keys(where, raw, _RULE_KEYS)
        if "mode" not in raw:
            raise ValueError(f"{where}: missing 'mode' ('allow' or 'deny')")
        _check_mode(raw["mode"], f"{where}.mode")
        for key in ("operations", "paths", "patterns"):
            items = raw.get(key)
            if items is not None and not (
                isinstance(items, list | tuple) and all(isinstance(i, str) for i in cast(Sequence[object], items))
            ):
                raise ValueError(f"{where}.{key}: expected a list of strings, got {items!r}")
        reason = raw.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise ValueError(f"{where}.reason: expected a string, got {type(reason).__name__}")
        try:
            rules.append(Rule(**{k: raw[k] for k in _RULE_KEYS if k in raw}))
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{where}: {exc}") from None
    return RuleSet(default=cast(Mode, default), rules=rules)


def _reject_unknown_keys(where: str, value: Mapping[Any, object], known: tuple[str, ...]) -> None:
    for key in value:
        if key not in known:
            raise ValueError(f"{where}: unknown key {key!r} (expected: {', '.join(known)})")


# -- presets --------------------------------------------------------------------------

#: Every domain allowed.
allow_all = Permissions(fs="allow", network="allow", child_process="allow", env="allow", process="allow", tools="allow")
#: Only `fs` set (allow); combine with ``|``.
allow_all_fs = Permissions(fs="allow")
#: Only `network` set (allow).
allow_all_network = Permissions(network="allow")
#: Only `child_process` set (allow).
allow_all_child_process = Permissions(child_process="allow")
#: Only `env` set (allow).
allow_all_env = Permissions(env="allow")
#: Only `process` set (allow).
allow_all_process = Permissions(process="allow")
#: Only `tools` set (allow).
allow_all_tools = Permissions(tools="allow")
#: Every domain explicitly denied (so ``x | deny_all`` denies everything).
deny_all = Permissions(fs="deny", network="deny", child_process="deny", env="deny", process="deny", tools="deny")

#: What `NodeRuntime.create` merges the user's policy over: the virtual
#: filesystem, the environment the embedder passed, child processes inside the
#: kernel, process control and registered tools are allowed; network egress is
#: denied. (The low-level default, a bare `Permissions()`, denies everything.)
DEFAULT_RUNTIME_PERMISSIONS = Permissions(
    fs="allow", network="deny", child_process="allow", env="allow", process="allow", tools="allow"
)
