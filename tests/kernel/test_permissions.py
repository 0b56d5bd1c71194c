"""The permission engine: policy forms, rule order, globs, presets, merging, env filtering, denials."""

from __future__ import annotations

import dataclasses
import errno
from typing import Any

import pytest

from secure_exec._kernel._errno import KernelError
from secure_exec._kernel._paths import normalize
from secure_exec._kernel._permissions import (
    DEFAULT_RUNTIME_PERMISSIONS,
    DOMAINS,
    FS_SYSCALLS,
    OPERATIONS,
    ChildProcessRequest,
    Decision,
    Domain,
    EnvRequest,
    FsRequest,
    NetworkRequest,
    Permissions,
    ProcessRequest,
    Request,
    Rule,
    RuleSet,
    ToolRequest,
    allow_all,
    allow_all_child_process,
    allow_all_env,
    allow_all_fs,
    allow_all_network,
    allow_all_process,
    allow_all_tools,
    deny_all,
    filter_env,
)

#: One request per domain, for checks that do not care about the details.
SAMPLE: dict[Domain, Request] = {
    "fs": FsRequest("read", "/etc/passwd"),
    "network": NetworkRequest("fetch", url="https://example.com/"),
    "child_process": ChildProcessRequest("node", ("-e", "1")),
    "env": EnvRequest("read", "HOME"),
    "process": ProcessRequest("chdir", path="/tmp"),
    "tools": ToolRequest("search", {"q": "x"}),
}


def fs_rules(*rules: Rule, default: Any = "deny") -> Permissions:
    return Permissions(fs=RuleSet(default=default, rules=list(rules)))


def allowed(perms: Permissions, domain: Domain, request: Request) -> bool:
    return perms.check(domain, request).allow


# -- the simple forms -----------------------------------------------------------------


def test_every_domain_is_denied_when_unset() -> None:
    perms = Permissions()
    for domain in DOMAINS:
        assert perms.check(domain, SAMPLE[domain]) == Decision(False)


def test_allow_and_deny_strings() -> None:
    perms = Permissions(fs="allow", network="deny", child_process="allow", env="deny", process="allow", tools="deny")
    assert [allowed(perms, d, SAMPLE[d]) for d in DOMAINS] == [True, False, True, False, True, False]


def test_unknown_policy_values_are_refused_at_construction() -> None:
    with pytest.raises(ValueError, match=r"fs: unknown policy 'yes'"):
        Permissions(fs="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"'ask' is not supported"):
        Permissions(network="ask")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"env: a policy is .* not int"):
        Permissions(env=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not list"):
        Permissions(fs=[Rule(mode="allow")])  # type: ignore[arg-type]


def test_decision_validates_its_fields() -> None:
    assert Decision(True).reason is None
    with pytest.raises(TypeError, match="allow must be a bool"):
        Decision(1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reason must be a str"):
        Decision(False, 3)  # type: ignore[arg-type]


def test_requests_are_frozen_and_slotted() -> None:
    request = FsRequest("read", "/a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.path = "/b"  # type: ignore[misc]
    assert not hasattr(request, "__dict__")
    assert ChildProcessRequest("ls").op == "spawn"
    assert ToolRequest("t").op == "call"


def test_check_refuses_unknown_domains_and_mismatched_requests() -> None:
    with pytest.raises(ValueError, match="unknown permission domain 'disk'"):
        allow_all.check("disk", SAMPLE["fs"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a network check takes a NetworkRequest, not FsRequest"):
        allow_all.check("network", SAMPLE["fs"])


# -- callables ------------------------------------------------------------------------


def test_callable_receives_the_request_and_its_answer_counts() -> None:
    seen: list[object] = []

    def policy(request: FsRequest) -> bool:
        seen.append(request)
        return request.path.startswith("/tmp/")

    perms = Permissions(fs=policy)
    assert allowed(perms, "fs", FsRequest("write", "/tmp/x"))
    assert perms.check("fs", FsRequest("write", "/etc/x")) == Decision(False)
    assert seen == [FsRequest("write", "/tmp/x"), FsRequest("write", "/etc/x")]


def test_callable_decision_carries_its_reason() -> None:
    perms = Permissions(env=lambda r: Decision(False, f"{r.key} is private"))
    assert perms.check("env", EnvRequest("read", "TOKEN")) == Decision(False, "TOKEN is private")
    perms = Permissions(env=lambda r: Decision(True, "fine"))
    assert allowed(perms, "env", EnvRequest("read", "TOKEN"))


def test_callable_that_raises_denies_with_the_exception_text() -> None:
    def policy(request: FsRequest) -> bool:
        raise RuntimeError("policy store unreachable")

    decision = Permissions(fs=policy).check("fs", FsRequest("read", "/a"))
    assert decision == Decision(False, "permission policy raised RuntimeError: policy store unreachable")
    with pytest.raises(KernelError) as info:
        Permissions(fs=policy).require_fs("read", "/a")
    assert str(info.value) == (
        "EACCES: permission denied, open '/a': permission policy raised RuntimeError: policy store unreachable"
    )


def test_callable_with_the_wrong_signature_denies() -> None:
    def no_arguments() -> bool:
        return True

    perms = Permissions(tools=no_arguments)  # type: ignore[arg-type]
    decision = perms.check("tools", ToolRequest("t"))
    assert not decision.allow
    assert decision.reason is not None and decision.reason.startswith("permission policy raised TypeError: ")


def test_callable_whose_exception_cannot_be_printed_still_denies() -> None:
    class Weird(Exception):
        def __str__(self) -> str:
            raise ValueError("no text")

    def policy(request: EnvRequest) -> bool:
        raise Weird

    assert Permissions(env=policy).check("env", EnvRequest("read", "K")) == Decision(
        False, "permission policy raised Weird"
    )


def test_base_exceptions_from_a_callable_propagate() -> None:
    class Stop(BaseException):
        pass

    def policy(request: EnvRequest) -> bool:
        raise Stop

    with pytest.raises(Stop):
        Permissions(env=policy).check("env", EnvRequest("read", "K"))


@pytest.mark.parametrize(
    ("answer", "type_name"),
    [(None, "NoneType"), (1, "int"), ((True, "ok"), "tuple"), ("allow", "str"), ({"allow": True}, "dict")],
)
def test_callable_returning_junk_denies(answer: object, type_name: str) -> None:
    perms = Permissions(network=lambda r: answer)  # type: ignore[arg-type, return-value]
    assert perms.check("network", SAMPLE["network"]) == Decision(
        False, f"permission policy returned {type_name}; expected bool or Decision"
    )


def test_async_callable_denies_without_leaving_a_coroutine_behind() -> None:
    # filterwarnings=error: an un-awaited coroutine would fail the test when collected.
    async def policy(request: FsRequest) -> bool:
        return True

    decision = Permissions(fs=policy).check("fs", FsRequest("read", "/a"))  # type: ignore[arg-type]
    assert decision == Decision(False, "permission policy returned an awaitable; policies are synchronous")


# -- rule sets ------------------------------------------------------------------------


def test_first_matching_rule_wins() -> None:
    deny_first = fs_rules(
        Rule(mode="deny", paths=["/data/secret/**"], reason="secret"),
        Rule(mode="allow", paths=["/data/**"]),
    )
    assert allowed(deny_first, "fs", FsRequest("read", "/data/public/a"))
    assert deny_first.check("fs", FsRequest("read", "/data/secret/a")) == Decision(False, "secret")

    allow_first = fs_rules(
        Rule(mode="allow", paths=["/data/**"]),
        Rule(mode="deny", paths=["/data/secret/**"], reason="secret"),
    )
    assert allowed(allow_first, "fs", FsRequest("read", "/data/secret/a"))


def test_default_decides_when_no_rule_matches() -> None:
    assert not allowed(fs_rules(Rule(mode="allow", paths=["/a/**"])), "fs", FsRequest("read", "/b"))
    perms = fs_rules(Rule(mode="deny", paths=["/etc/**"]), default="allow")
    assert allowed(perms, "fs", FsRequest("read", "/home/x"))
    assert not allowed(perms, "fs", FsRequest("read", "/etc/passwd"))
    assert Permissions(fs=RuleSet()).check("fs", FsRequest("read", "/")) == Decision(False)


def test_operations_narrow_a_rule() -> None:
    perms = fs_rules(
        Rule(mode="allow", operations=["read", "stat", "readdir", "exists"], paths=["/data/**"]),
        Rule(mode="deny", operations=["write"], reason="read-only"),
        default="allow",
    )
    assert allowed(perms, "fs", FsRequest("stat", "/data/x"))
    assert perms.check("fs", FsRequest("write", "/data/x")) == Decision(False, "read-only")
    assert allowed(perms, "fs", FsRequest("mkdir", "/data/x"))  # no rule matches: default


def test_rule_without_globs_matches_on_the_operation_alone() -> None:
    perms = Permissions(network=RuleSet(default="allow", rules=[Rule(mode="deny", operations=["listen"])]))
    assert not allowed(perms, "network", NetworkRequest("listen", hostname="0.0.0.0", port=8080))
    assert allowed(perms, "network", NetworkRequest("connect", hostname="example.com", port=80))


def test_rule_validation() -> None:
    with pytest.raises(ValueError, match=r"mode: expected 'allow' or 'deny', got 'maybe'"):
        Rule(mode="maybe")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'ask' is not supported"):
        Rule(mode="ask")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="operations is empty and would match nothing"):
        Rule(mode="allow", operations=[])
    with pytest.raises(TypeError, match="operations must be a list of strings, got str"):
        Rule(mode="allow", operations="read")
    with pytest.raises(TypeError, match="got an item of type int"):
        Rule(mode="allow", patterns=["a", 1])  # type: ignore[list-item]
    with pytest.raises(ValueError, match=r"either paths .* or patterns"):
        Rule(mode="allow", paths=["/a"], patterns=["a"])
    with pytest.raises(ValueError, match="must be absolute"):
        Rule(mode="allow", paths=["data/**"])
    with pytest.raises(ValueError, match=r"contains '\.' or '\.\.'"):
        Rule(mode="allow", paths=["/data/../etc/**"])
    with pytest.raises(TypeError, match="reason must be a str"):
        Rule(mode="deny", reason=5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"default: expected 'allow' or 'deny'"):
        RuleSet(default="nope")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="rules must be a list of Rule"):
        RuleSet(rules=[{"mode": "allow"}])  # type: ignore[list-item]


def test_rule_paths_are_stored_normalised() -> None:
    rule = Rule(mode="allow", operations=["read"], paths=["/data//x/", "**/*.key", "/"])
    assert rule.paths == ("/data/x", "/**/*.key", "/")
    assert rule.operations == ("read",)
    assert Rule(mode="allow", paths=["**"]).paths == ("/**",)
    with pytest.raises(ValueError, match="must be absolute"):
        Rule(mode="allow", paths=["**.key"])  # "**" inside a segment is a plain "*": still relative
    perms = fs_rules(rule)
    assert allowed(perms, "fs", FsRequest("read", "/data/x"))
    assert allowed(perms, "fs", FsRequest("read", "/home/u/id.key"))
    assert allowed(perms, "fs", FsRequest("read", "/id.key"))
    assert allowed(perms, "fs", FsRequest("read", "/"))


def test_rules_are_validated_for_their_domain() -> None:
    with pytest.raises(ValueError, match=r"fs\.rules\[1\]: unknown fs operation 'open' \(expected one of: chmod, "):
        fs_rules(Rule(mode="allow"), Rule(mode="allow", operations=["open"]))
    with pytest.raises(ValueError, match=r"fs\.rules\[0\]: fs rules match paths; use 'paths'"):
        fs_rules(Rule(mode="allow", patterns=["/a"]))
    with pytest.raises(ValueError, match=r"env\.rules\[0\]: env rules match patterns; use 'patterns'"):
        Permissions(env=RuleSet(rules=[Rule(mode="allow", paths=["/a"])]))
    with pytest.raises(ValueError, match=r"child_process\.rules\[0\]: unknown child_process operation 'exec'"):
        Permissions(child_process=RuleSet(rules=[Rule(mode="allow", operations=["exec"])]))
    with pytest.raises(ValueError, match=r"tools\.rules\[0\]: invalid glob pattern"):
        Permissions(tools=RuleSet(rules=[Rule(mode="allow", patterns=["[z-a]"])]))


def test_globs_are_compiled_once_per_rule_set() -> None:
    rules = RuleSet(rules=[Rule(mode="allow", paths=["/a/**"])])
    first = Permissions(fs=rules)
    compiled = rules._compile("fs")
    second = Permissions(fs=rules) | allow_all_env
    assert rules._compile("fs") is compiled
    assert allowed(first, "fs", FsRequest("read", "/a/b")) and allowed(second, "fs", FsRequest("read", "/a/b"))


# -- glob semantics -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("/data/**", "/data", True),
        ("/data/**", "/data/a", True),
        ("/data/**", "/data/a/b/c.txt", True),
        ("/data/**", "/database", False),
        ("/data/**", "/", False),
        ("/data/*", "/data/a", True),
        ("/data/*", "/data/.hidden", True),  # dotfiles are not special
        ("/data/*", "/data/a/b", False),
        ("/data/*", "/data", False),
        ("/data", "/data", True),
        ("/data", "/data/a", False),
        ("/a/**/b", "/a/b", True),
        ("/a/**/b", "/a/x/b", True),
        ("/a/**/b", "/a/x/y/b", True),
        ("/a/**/b", "/a/xb", False),
        ("/a/**/**/b", "/a/b", True),
        ("/**", "/", True),
        ("/**", "/anything/at/all", True),
        ("**", "/x/y", True),
        ("**/node_modules/**", "/app/node_modules/lodash/index.js", True),
        ("**/node_modules/**", "/node_modules", True),
        ("/src/*.js", "/src/a.js", True),
        ("/src/*.js", "/src/a.jsx", False),
        ("/src/*.js", "/src/lib/a.js", False),
        ("/a**b", "/axyb", True),  # ** inside a segment is a plain *
        ("/a**b", "/ax/yb", False),
        ("/f?o", "/foo", True),
        ("/f?o", "/fo", False),
        ("/f?o", "/f/o", False),
        ("/file[0-9].txt", "/file7.txt", True),
        ("/file[0-9].txt", "/filex.txt", False),
        ("/file[!0-9].txt", "/filex.txt", True),
        ("/file[^0-9].txt", "/file7.txt", False),
        ("/a[!x]b", "/a/b", False),  # a negated class never matches "/"
        ("/a[+-0]b", "/a/b", False),  # nor does a range that spans "/"
        ("/a[+-0]b", "/a.b", True),
        ("/x[]]", "/x]", True),
        ("/x[*]", "/x*", True),
        ("/x[*]", "/xy", False),
        ("/x[", "/x[", True),  # an unclosed bracket is literal
        ("/a.b", "/aXb", False),  # regex metacharacters are literal
        ("/(a)+", "/(a)+", True),
        ("/data/**", "/data/line\nbreak", True),  # newlines in names are still matched
        ("/data/*", "/data/line\nbreak", True),
        ("/Data/**", "/data/x", False),  # paths are case-sensitive
    ],
)
def test_path_globs(pattern: str, path: str, expected: bool) -> None:
    perms = fs_rules(Rule(mode="allow", paths=[pattern]))
    assert allowed(perms, "fs", FsRequest("read", path)) is expected
    # and the same pattern denies exactly what it allowed
    inverse = fs_rules(Rule(mode="deny", paths=[pattern]), default="allow")
    assert allowed(inverse, "fs", FsRequest("read", path)) is not expected


@pytest.mark.parametrize(
    "raw", ["/data/../etc/passwd", "/data/./x", "/data//x", "/data/", "data/x", "/data/x/..", "/data/\0x"]
)
def test_paths_that_are_not_normalised_are_denied(raw: str) -> None:
    called: list[FsRequest] = []

    def policy(request: FsRequest) -> bool:
        called.append(request)
        return True

    by_rules = fs_rules(Rule(mode="allow", paths=["/data/**"]), default="allow")
    decision = by_rules.check("fs", FsRequest("read", raw))
    assert decision == Decision(False, f"path {raw!r} is not normalised")
    assert not allowed(Permissions(fs=policy), "fs", FsRequest("read", raw))
    assert called == []
    if "\0" not in raw:
        # what the caller must do instead: normalise once, then check
        assert allowed(by_rules, "fs", FsRequest("read", normalize(raw)))


def test_traversal_out_of_an_allowed_prefix_is_caught_after_normalising() -> None:
    perms = fs_rules(Rule(mode="allow", paths=["/data/**"]))
    path = normalize("/data/../etc/passwd")
    assert path == "/etc/passwd"
    with pytest.raises(KernelError, match=r"^EACCES: permission denied, open '/etc/passwd'$"):
        perms.require_fs("read", path)


# -- subjects of the other domains ------------------------------------------------------


def network_rules(*patterns: str) -> Permissions:
    return Permissions(network=RuleSet(rules=[Rule(mode="allow", patterns=list(patterns))]))


@pytest.mark.parametrize(
    ("patterns", "request_", "expected"),
    [
        (["example.com"], NetworkRequest("fetch", url="https://example.com/a"), True),
        (["example.com"], NetworkRequest("fetch", url="https://EXAMPLE.com./a"), True),
        (["Example.COM"], NetworkRequest("connect", hostname="example.com", port=80), True),
        (["example.com"], NetworkRequest("fetch", url="https://example.com.evil.net/"), False),
        (["*.example.com"], NetworkRequest("fetch", url="https://api.example.com/"), True),
        (["*.example.com"], NetworkRequest("fetch", url="https://example.com/"), False),
        (["example.com:443"], NetworkRequest("fetch", url="https://example.com/"), True),  # default port
        (["example.com:443"], NetworkRequest("fetch", url="http://example.com/"), False),
        (["example.com:8443"], NetworkRequest("fetch", url="https://example.com:8443/"), True),
        (["example.com:443"], NetworkRequest("connect", hostname="example.com"), False),  # port unknown
        (["::1"], NetworkRequest("fetch", url="http://[::1]:3000/"), True),
        (["::1:3000"], NetworkRequest("fetch", url="http://[::1]:3000/"), True),
        (["10.0.0.*"], NetworkRequest("connect", hostname="10.0.0.7", port=5432), True),
        (["*"], NetworkRequest("fetch", url="data:text/plain,hi"), False),  # no host: patterns never match
    ],
)
def test_network_patterns(patterns: list[str], request_: NetworkRequest, expected: bool) -> None:
    assert allowed(network_rules(*patterns), "network", request_) is expected


def test_network_requests_that_disagree_with_their_url_are_denied() -> None:
    perms = Permissions(network=RuleSet(default="allow", rules=[Rule(mode="deny", patterns=["evil.net"])]))
    decision = perms.check("network", NetworkRequest("fetch", url="https://evil.net/", hostname="good.org"))
    assert decision == Decision(False, "hostname 'good.org' does not match the URL's host 'evil.net'")
    decision = perms.check("network", NetworkRequest("fetch", url="https://good.org/", port=80))
    assert decision == Decision(False, "port 80 does not match the URL's port 443")
    decision = perms.check("network", NetworkRequest("fetch", url="http://good.org:99999/"))
    assert not decision.allow and decision.reason is not None and decision.reason.startswith("unparseable URL")
    assert allowed(perms, "network", NetworkRequest("fetch", url="https://good.org/", hostname="GOOD.org", port=443))


def test_child_process_env_tools_and_process_patterns() -> None:
    perms = Permissions(
        child_process=RuleSet(rules=[Rule(mode="allow", patterns=["**/node", "ls"])]),
        env=RuleSet(rules=[Rule(mode="allow", operations=["read"], patterns=["APP_*", "HOME"])]),
        tools=RuleSet(default="allow", rules=[Rule(mode="deny", patterns=["shell.*"], reason="no shell")]),
        process=RuleSet(
            default="allow",
            rules=[
                Rule(mode="allow", operations=["chdir"], patterns=["/workspace/**"]),
                Rule(mode="deny", operations=["chdir", "kill"]),
            ],
        ),
    )
    assert allowed(perms, "child_process", ChildProcessRequest("node"))
    assert allowed(perms, "child_process", ChildProcessRequest("/usr/bin/node", ("x.js",)))
    assert not allowed(perms, "child_process", ChildProcessRequest("nodejs"))
    assert allowed(perms, "child_process", ChildProcessRequest("ls"))
    assert not allowed(perms, "child_process", ChildProcessRequest("/bin/ls"))
    assert allowed(perms, "env", EnvRequest("read", "APP_MODE"))
    assert not allowed(perms, "env", EnvRequest("write", "APP_MODE", "x"))
    assert not allowed(perms, "env", EnvRequest("read", "app_mode"))  # env names are case-sensitive
    assert perms.check("tools", ToolRequest("shell.run")) == Decision(False, "no shell")
    assert allowed(perms, "tools", ToolRequest("search"))
    assert allowed(perms, "process", ProcessRequest("chdir", path="/workspace/src"))
    assert not allowed(perms, "process", ProcessRequest("chdir", path="/etc"))
    assert not allowed(perms, "process", ProcessRequest("kill", pid=1, signal="SIGKILL"))
    assert allowed(perms, "process", ProcessRequest("exit"))


# -- presets, |, merging ----------------------------------------------------------------


def test_presets() -> None:
    partial = {
        "fs": allow_all_fs,
        "network": allow_all_network,
        "child_process": allow_all_child_process,
        "env": allow_all_env,
        "process": allow_all_process,
        "tools": allow_all_tools,
    }
    for domain, preset in partial.items():
        assert [allowed(preset, d, SAMPLE[d]) for d in DOMAINS] == [d == domain for d in DOMAINS]
        assert [getattr(preset, d) for d in DOMAINS] == ["allow" if d == domain else None for d in DOMAINS]
    assert all(allowed(allow_all, d, SAMPLE[d]) for d in DOMAINS)
    assert not any(allowed(deny_all, d, SAMPLE[d]) for d in DOMAINS)
    assert all(getattr(deny_all, d) == "deny" for d in DOMAINS)


def test_or_combines_with_the_right_side_winning() -> None:
    both = allow_all_fs | allow_all_env
    assert (both.fs, both.env, both.network) == ("allow", "allow", None)
    assert (allow_all | Permissions(network="deny")).network == "deny"
    assert (allow_all | Permissions(network="deny")).fs == "allow"
    assert (allow_all | deny_all) == deny_all
    assert (deny_all | allow_all_fs) == Permissions(
        fs="allow", network="deny", child_process="deny", env="deny", process="deny", tools="deny"
    )
    assert (allow_all_fs | Permissions()) == allow_all_fs  # unset never overrides
    with pytest.raises(TypeError):
        allow_all_fs | {"env": "allow"}  # type: ignore[operator]


def test_runtime_default_and_merging_a_user_policy_over_it() -> None:
    default = DEFAULT_RUNTIME_PERMISSIONS
    assert [allowed(default, d, SAMPLE[d]) for d in DOMAINS] == [d != "network" for d in DOMAINS]

    rules = RuleSet(rules=[Rule(mode="allow", operations=["read"], paths=["/app/**"])])
    user = Permissions(fs=rules, network="allow")
    merged = user.merged_over(default)
    assert merged.fs is rules  # the user's policy replaces the base's, it is not combined with it
    assert allowed(merged, "network", SAMPLE["network"])
    assert not allowed(merged, "fs", FsRequest("write", "/app/x"))
    assert allowed(merged, "fs", FsRequest("read", "/app/x"))
    assert allowed(merged, "env", SAMPLE["env"]) and allowed(merged, "tools", SAMPLE["tools"])
    assert Permissions().merged_over(default) == default
    assert default | user == merged


def test_permissions_compare_and_hash_by_policy() -> None:
    assert Permissions(fs="allow") == allow_all_fs
    assert hash(Permissions(fs="allow")) == hash(allow_all_fs)
    rules = RuleSet(rules=[Rule(mode="allow", paths=["/a"])])
    assert Permissions(fs=rules) == Permissions(fs=RuleSet(rules=[Rule(mode="allow", paths=["/a/"])]))
    assert "fs='allow'" in repr(allow_all_fs) and "_checkers" not in repr(allow_all_fs)


# -- filter_env -----------------------------------------------------------------------

HOST_ENV = {"HOME": "/home/u", "APP_MODE": "dev", "AWS_SECRET_ACCESS_KEY": "hunter2", "PATH": "/usr/bin"}


def test_filter_env_is_empty_when_env_is_denied_or_unset() -> None:
    assert filter_env(HOST_ENV, Permissions()) == {}
    assert filter_env(HOST_ENV, deny_all) == {}
    assert filter_env(HOST_ENV, allow_all_fs) == {}


def test_filter_env_keeps_everything_when_allowed() -> None:
    assert filter_env(HOST_ENV, allow_all_env) == HOST_ENV
    assert filter_env(HOST_ENV, allow_all_env) is not HOST_ENV


def test_filter_env_keeps_only_allowed_keys() -> None:
    perms = Permissions(env=RuleSet(rules=[Rule(mode="allow", operations=["read"], patterns=["APP_*", "HOME"])]))
    assert filter_env(HOST_ENV, perms) == {"HOME": "/home/u", "APP_MODE": "dev"}
    write_only = Permissions(env=RuleSet(rules=[Rule(mode="allow", operations=["write"])]))
    assert filter_env(HOST_ENV, write_only) == {}


def test_filter_env_asks_a_callable_per_key_with_the_value() -> None:
    seen: list[EnvRequest] = []

    def policy(request: EnvRequest) -> bool | Decision:
        seen.append(request)
        if request.key == "PATH":
            raise KeyError(request.key)
        if request.value == "hunter2":
            return Decision(False, "looks like a secret")
        return request.key != "HOME"

    assert filter_env(HOST_ENV, Permissions(env=policy)) == {"APP_MODE": "dev"}
    assert [r.key for r in seen] == list(HOST_ENV)
    assert all(r.op == "read" and r.value == HOST_ENV[r.key] for r in seen)


def test_a_host_secret_never_passes_unless_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setenv("SECURE_EXEC_TEST_SECRET", "s3cr3t")
    host_env = dict(os.environ)
    for perms in (
        Permissions(),
        deny_all,
        Permissions(env=RuleSet(default="allow", rules=[Rule(mode="deny", patterns=["SECURE_EXEC_*"])])),
        Permissions(env=lambda r: None),  # type: ignore[arg-type, return-value]
        Permissions(env=lambda r: r.key.startswith("NOTHING_")),
    ):
        assert "SECURE_EXEC_TEST_SECRET" not in filter_env(host_env, perms)
        assert "s3cr3t" not in filter_env(host_env, perms).values()
    assert filter_env(host_env, allow_all_env)["SECURE_EXEC_TEST_SECRET"] == "s3cr3t"


# -- denial errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "syscall"),
    [
        ("read", "open"),
        ("write", "write"),
        ("mkdir", "mkdir"),
        ("readdir", "scandir"),
        ("stat", "stat"),
        ("rm", "unlink"),
        ("rename", "rename"),
        ("exists", "access"),
        ("symlink", "symlink"),
        ("readlink", "readlink"),
        ("link", "link"),
        ("chmod", "chmod"),
        ("chown", "chown"),
        ("utimes", "utimes"),
        ("truncate", "open"),
    ],
)
def test_fs_denials_name_the_syscall(op: Any, syscall: str) -> None:
    assert FS_SYSCALLS[op] == syscall
    with pytest.raises(KernelError) as info:
        Permissions().require_fs(op, "/etc/passwd")
    err = info.value
    assert str(err) == f"EACCES: permission denied, {syscall} '/etc/passwd'"
    assert (err.code, err.errno, err.syscall, err.path, err.detail) == (
        "EACCES",
        errno.EACCES,
        syscall,
        "/etc/passwd",
        None,
    )


def test_fs_operations_cover_the_documented_list() -> None:
    assert set(FS_SYSCALLS) == OPERATIONS["fs"]
    assert OPERATIONS["fs"] == set(
        "read write mkdir readdir stat rm rename exists symlink readlink link chmod chown utimes truncate".split()
    )


def test_fs_denial_with_a_syscall_override_and_a_reason() -> None:
    perms = fs_rules(Rule(mode="deny", paths=["/etc/**"], reason="host config"), default="allow")
    with pytest.raises(KernelError) as info:
        perms.require_fs("stat", "/etc/hosts", syscall="lstat")
    assert str(info.value) == "EACCES: permission denied, lstat '/etc/hosts': host config"
    assert info.value.to_payload()["detail"] == "host config"
    perms.require_fs("write", "/tmp/x")  # allowed: returns quietly


def test_network_denials() -> None:
    perms = Permissions(network=RuleSet(rules=[Rule(mode="deny", patterns=["evil.net"], reason="blocked host")]))
    with pytest.raises(KernelError) as info:
        Permissions().require_network("fetch", url="https://example.com/x", method="GET")
    assert str(info.value) == "EACCES: permission denied, connect 'https://example.com/x'"
    with pytest.raises(KernelError) as info:
        perms.require_network("connect", hostname="evil.net", port=443)
    assert str(info.value) == "EACCES: permission denied, connect 'evil.net': blocked host"
    with pytest.raises(KernelError) as info:
        Permissions().require_network("listen", hostname="0.0.0.0", port=80)
    assert str(info.value) == "EACCES: permission denied, listen '0.0.0.0'"
    with pytest.raises(KernelError) as info:
        Permissions().require_network("dns", hostname="example.com", syscall="getaddrinfo")
    assert str(info.value) == "EACCES: permission denied, getaddrinfo 'example.com'"
    allow_all_network.require_network("fetch", url="https://example.com/")


def test_child_process_env_process_and_tool_denials() -> None:
    with pytest.raises(KernelError) as info:
        Permissions(child_process=lambda r: Decision(False, "no shells")).require_child_process("sh", ["-c", "ls"])
    assert str(info.value) == "EACCES: permission denied, spawn 'sh': no shells"
    with pytest.raises(KernelError) as info:
        Permissions().require_env("AWS_SECRET_ACCESS_KEY")
    assert str(info.value) == "EACCES: permission denied, access 'AWS_SECRET_ACCESS_KEY'"
    with pytest.raises(KernelError) as info:
        Permissions(env=lambda r: r.op == "read").require_env("X", "write", "1")
    assert str(info.value) == "EACCES: permission denied, access 'X'"
    with pytest.raises(KernelError) as info:
        Permissions().require_process("chdir", path="/etc")
    assert str(info.value) == "EACCES: permission denied, chdir '/etc'"
    with pytest.raises(KernelError) as info:
        Permissions().require_process("kill", pid=7, signal="SIGTERM")
    assert str(info.value) == "EACCES: permission denied, kill"
    with pytest.raises(KernelError) as info:
        Permissions().require_tool("search", {"q": 1})
    assert str(info.value) == "EACCES: permission denied, spawn 'search'"
    allow_all.require_child_process("sh")
    allow_all.require_env("X", "write", "1")
    allow_all.require_process("exit")
    allow_all.require_tool("search")


# -- from_mapping ---------------------------------------------------------------------


def test_from_mapping_builds_every_form() -> None:
    perms = Permissions.from_mapping(
        {
            "fs": {
                "default": "deny",
                "rules": [
                    {"mode": "deny", "paths": ["/data/private/**"], "reason": "private"},
                    {"mode": "allow", "operations": ["read", "stat"], "paths": ["/data/**"]},
                ],
            },
            "network": {"rules": [{"mode": "allow", "patterns": ["*.example.com"]}]},
            "env": "allow",
            "process": "deny",
            "tools": None,
        }
    )
    assert perms == Permissions(
        fs=RuleSet(
            rules=[
                Rule(mode="deny", paths=["/data/private/**"], reason="private"),
                Rule(mode="allow", operations=["read", "stat"], paths=["/data/**"]),
            ]
        ),
        network=RuleSet(rules=[Rule(mode="allow", patterns=["*.example.com"])]),
        env="allow",
        process="deny",
    )
    assert perms.check("fs", FsRequest("read", "/data/private/k")) == Decision(False, "private")
    assert allowed(perms, "fs", FsRequest("stat", "/data/x"))
    assert allowed(perms, "network", NetworkRequest("fetch", url="https://api.example.com/"))
    assert Permissions.from_mapping({}) == Permissions()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"disk": "allow"}, "unknown permission domain 'disk' (expected one of: fs, network, child_process, env, "),
        ({"childProcess": "allow"}, "did you mean 'child_process'?"),
        ({"tool": "allow"}, "did you mean 'tools'?"),
        ({"fs": "ask"}, "fs: expected 'allow' or 'deny', got 'ask' ('ask' is not supported)"),
        ({"fs": True}, "fs: expected 'allow', 'deny' or a rule set mapping"),
        ({"fs": [{"mode": "allow"}]}, "fs: expected 'allow', 'deny' or a rule set mapping"),
        ({"fs": {"default": "allow", "rule": []}}, "fs: unknown key 'rule' (expected: default, rules)"),
        ({"fs": {"default": "open"}}, "fs.default: expected 'allow' or 'deny', got 'open'"),
        ({"fs": {"rules": {"mode": "allow"}}}, "fs.rules: expected a list of rules, got dict"),
        ({"fs": {"rules": ["allow"]}}, "fs.rules[0]: expected a mapping, got str"),
        ({"fs": {"rules": [{"paths": ["/a"]}]}}, "fs.rules[0]: missing 'mode'"),
        ({"fs": {"rules": [{"mode": "ask"}]}}, "fs.rules[0].mode: expected 'allow' or 'deny', got 'ask'"),
        ({"fs": {"rules": [{"mode": "allow", "path": ["/a"]}]}}, "fs.rules[0]: unknown key 'path'"),
        ({"fs": {"rules": [{"mode": "allow", "operations": "read"}]}}, "fs.rules[0].operations: expected a list"),
        ({"fs": {"rules": [{"mode": "allow", "operations": ["open"]}]}}, "fs.rules[0]: unknown fs operation 'open'"),
        ({"fs": {"rules": [{"mode": "allow", "paths": ["a/b"]}]}}, "fs.rules[0]: path pattern 'a/b' must be absolute"),
        ({"fs": {"rules": [{"mode": "allow", "paths": []}]}}, "fs.rules[0]: paths is empty"),
        ({"fs": {"rules": [{"mode": "allow", "patterns": ["/a"]}]}}, "fs.rules[0]: fs rules match paths"),
        ({"network": {"rules": [{"mode": "allow", "paths": ["/a"]}]}}, "network.rules[0]: network rules match"),
        ({"env": {"rules": [{"mode": "deny", "reason": 1}]}}, "env.rules[0].reason: expected a string, got int"),
        ({"env": {"rules": [{"mode": "allow"}, {"mode": "x"}]}}, "env.rules[1].mode: expected 'allow' or 'deny'"),
    ],
)
def test_from_mapping_rejects_anything_unknown(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as info:
        Permissions.from_mapping(data)
    assert message in str(info.value)


def test_from_mapping_refuses_a_non_mapping() -> None:
    with pytest.raises(ValueError, match="permissions must be a mapping of domain to policy, got list"):
        Permissions.from_mapping([("fs", "allow")])  # type: ignore[arg-type]


# -- the public module ------------------------------------------------------------------


def test_public_module_reexports_with_a_sorted_all() -> None:
    import secure_exec.permissions as public

    assert public.__all__ == sorted(public.__all__)
    assert {n for n in dir(public) if not n.startswith("_")} - {"annotations"} == set(public.__all__)
    assert public.Permissions is Permissions
    for name in public.__all__:
        obj = getattr(public, name)
        if isinstance(obj, type):
            assert obj.__module__ == "secure_exec.permissions", name


def test_public_module_docstring_example() -> None:
    from secure_exec.permissions import Decision, Permissions, Rule, RuleSet, allow_all_env

    def no_secrets(req: FsRequest) -> bool | Decision:
        if req.path.startswith("/secrets"):
            return Decision(False, "secrets are off-limits")
        return True

    perms = (
        Permissions(
            fs=no_secrets,
            network=RuleSet(
                default="deny",
                rules=[
                    Rule(
                        mode="allow",
                        operations=["fetch", "http"],
                        patterns=["api.example.com", "*.cdn.example.com:443"],
                    ),
                ],
            ),
        )
        | allow_all_env
    )
    with pytest.raises(KernelError, match=r"^EACCES: permission denied, open '/secrets/key': secrets are off-limits$"):
        perms.require_fs("read", "/secrets/key")
    assert allowed(perms, "network", NetworkRequest("fetch", url="https://img.cdn.example.com/a.png"))
    assert not allowed(perms, "network", NetworkRequest("fetch", url="http://img.cdn.example.com/a.png"))
    assert allowed(perms, "env", EnvRequest("read", "X"))
    from_data = Permissions.from_mapping(
        {
            "network": {
                "default": "deny",
                "rules": [{"mode": "allow", "operations": ["fetch"], "patterns": ["api.example.com"]}],
            }
        }
    )
    assert allowed(from_data, "network", NetworkRequest("fetch", url="https://api.example.com/v1"))
