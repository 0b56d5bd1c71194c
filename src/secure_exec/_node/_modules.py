"""Node 22's module resolution, run in the host over the guest's filesystem.

The guest asks once per `require`/`import` specifier; `ModuleResolver.resolve`
answers with the canonical guest path (symlinks resolved, as Node does without
`--preserve-symlinks`) and the module's format, or raises `ResolveError` with
the code, message text and extra properties Node 22.20 gives the same failure.

The two algorithms are Node's own (`lib/internal/modules/cjs/loader.js` and
`lib/internal/modules/esm/resolve.js`):

- `require`: builtins, `#imports`, self-reference by package name, then the
  lookup paths (the referrer's `node_modules` ancestors, then `global_paths`,
  as Node appends `NODE_PATH`); in each, a package's `exports`, else the file,
  the file with `.js`/`.json`/`.node`, or the directory (`main`, then `index`).
- `import`: URL resolution against the referrer with no extension search and
  no directory index, `#imports`, self-reference, the `node_modules` walk with
  `exports` or the legacy `main`, then the realpath; the "Did you mean to
  import ...?" hints Node adds to a missing module.

Conditions are Node's defaults without `node-addons` (the sandbox loads no
native addons, so it resolves like `node --no-addons`): `require`, `node`,
`module-sync` for `require`; `import`, `node`, `module-sync` for `import`;
`default` always matches.

Deliberate differences, each where Node would fail or the sandbox cannot follow:
`import` also searches `global_paths` after the `node_modules` walk (Node's ESM
ignores `NODE_PATH`), so the read-only npm overlay works for both kinds; what
Node's ESM loader refuses only when it loads the module (an unknown file
extension, `node:unknown`, a `data:`/`http:` URL) is refused when resolved.

Package.json files and realpaths are cached per resolver (one per execution),
as Node caches them per process; a missing file is never cached, so a module
written by the guest later is found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Literal

from .._kernel import _paths
from .._kernel._errno import KernelError
from ._module_types import Format, Kind, Resolved, ResolveError
from ._module_urls import (
    ENCODED_SEP,
    ParsedURL,
    base_path,
    encode_uri_component,
    file_url_to_path,
    is_relative_specifier,
    parse_url,
    path_to_file_url,
    posix_normalize,
    posix_relative,
    should_be_treated_as_path,
)
from ._package_exports import Package, PackageTargets, parse_package

if TYPE_CHECKING:
    from .._kernel._filesystem import KernelFS

__all__ = ["Format", "Kind", "ModuleResolver", "ResolveError", "Resolved"]


#: Builtins Node loads only with the `node:` scheme (`BuiltinModule.canBeRequiredWithoutScheme`).
_SCHEME_ONLY = frozenset({"sea", "sqlite", "test", "test/reporters"})
#: Formats fixed by the extension alone (ESM's `extensionFormatMap` in Node 22.20).
_FIXED_FORMATS: dict[str, Format] = {
    ".mjs": "module",
    ".cjs": "commonjs",
    ".json": "json",
    ".wasm": "wasm",
    ".mts": "module-typescript",
    ".cts": "commonjs-typescript",
}
#: `Module._extensions`, in the order `require` tries them.
_EXTENSIONS = (".js", ".json", ".node")

_INVALID_PACKAGE_NAME = re.compile(r"^\.|%|\\")
#: `EXPORTS_PATTERN` of the CommonJS loader (JS `.` stops at line terminators).
_CJS_EXPORTS_PATTERN = re.compile(r"((?:@[^/\\%]+/)?[^./\\%][^/\\%]*)(/[^\n\r\u2028\u2029]*)?\Z")


class ModuleResolver(PackageTargets):
    """Resolves specifiers for one execution over `fs`.

    Args:
        fs: the guest's filesystem.
        builtins: Node's builtin ids the guest can load, without `node:`
            (`fs`, `fs/promises`, `test`, ...). `test`, `sea`, `sqlite` and
            `test/reporters` resolve only with the scheme, as in Node.
        global_paths: searched after the `node_modules` walk, for both kinds
            (like `NODE_PATH`; the npm overlay lives at `/app/node_modules`).
        conditions: extra export conditions (`node --conditions`).
    """

    def __init__(
        self,
        fs: KernelFS,
        *,
        builtins: Collection[str],
        global_paths: Sequence[str] = ("/app/node_modules",),
        conditions: Collection[str] = (),
    ) -> None:
        self._fs = fs
        self._builtins = frozenset(builtins)
        self._global_paths = [_paths.normalize(p) for p in global_paths]
        self._cjs_conditions = frozenset({"require", "node", "module-sync", *conditions})
        self._esm_conditions = frozenset({"import", "node", "module-sync", *conditions})
        self._packages: dict[str, Package] = {}
        self._realpaths: dict[str, str] = {}
        self._warnings: list[tuple[str, str]] = []

    # -- public -----------------------------------------------------------------------------

    def resolve(
        self,
        specifier: str,
        referrer: str | None,
        kind: Kind,
        *,
        paths: Sequence[str] | None = None,
        require_stack: Sequence[str] = (),
        cwd: str = "/",
        check_format: bool = True,
    ) -> Resolved:
        """Resolve `specifier` as `require` (or `require.resolve`) or `import` would.

        Args:
            specifier: the request, exactly as the guest wrote it.
            referrer: the requiring module: a guest path or `file:` URL; None for
                the main entry (relative requests then start at `cwd`; `createRequire`
                of a directory passes `<dir>/noop.js`, as Node does).
            kind: `"require"` or `"import"`.
            paths: `require.resolve`'s `paths` option.
            require_stack: the filenames for `MODULE_NOT_FOUND`'s "Require stack",
                innermost first (Node: the referrer, then its parents).
            cwd: the guest's working directory (relative `paths` entries, the main
                entry, and Node's cwd-relative "Did you mean" hints use it).
            check_format: False for `import.meta.resolve`, which Node answers
                without checking that the file can be loaded (a file `import`
                would refuse then reports `"commonjs"`).

        Raises:
            ResolveError: with Node's code and message.
        """
        self._warnings = []
        if kind == "require":
            resolved = self._require(specifier, referrer, paths, list(require_stack), cwd)
        else:
            resolved = self._import(specifier, referrer, cwd, check_format)
        if self._warnings:
            resolved = Resolved(resolved.path, resolved.format, resolved.suffix, tuple(self._warnings))
        return resolved

    def format_of(self, path: str, kind: Kind = "import") -> Format:
        """How Node 22.20 runs the file at canonical `path` when it is imported (or required).

        By extension: `.mjs` module, `.cjs` commonjs, `.json` json, `.wasm` wasm
        (imports only; Node 22.20 loads them unflagged), `.mts`/`.cts`/`.ts` the
        `-typescript` formats (Node 22.20 strips types by default, but not under
        `node_modules`); `.js`, `.ts` and extensionless files follow the nearest
        package.json `type`. An `import` of any other extension (`.node`
        included) raises `ERR_UNKNOWN_FILE_EXTENSION`; `require` runs it as
        CommonJS, except `.node`, an addon.
        """
        return self._cjs_format(path) if kind == "require" else self._esm_format(path)

    def load(self, path: str, kind: Kind = "import") -> tuple[str, Format]:
        """The source text of the module at canonical `path` and its format.

        Text is UTF-8 (invalid bytes become U+FFFD, as `readFileSync(f, 'utf8')`)
        without a leading BOM. The binary formats (`addon`, `wasm`) give `""`:
        their bytes are the caller's to read, if it runs them at all.

        Raises:
            ResolveError: an unknown extension for `import`; TypeScript under
                `node_modules` (`ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING`).
            KernelError: the file cannot be read.
        """
        fmt = self.format_of(path, kind)
        _check_loadable(path, fmt)
        if fmt in ("addon", "wasm"):
            return "", fmt
        data = self._fs.read_file(path)
        return data.decode("utf-8", "replace").removeprefix("\ufeff"), fmt

    def node_module_paths(self, directory: str, *, include_global: bool = True) -> list[str]:
        """`Module._nodeModulePaths(directory)`, then the global paths.

        That is `require.resolve.paths(bare)` of a module in `directory`; Node's
        `module.paths` is the same list without the global paths.
        """
        out = self._node_modules_of(_paths.normalize(directory))
        return out + self._global_paths if include_global else out

    # -- filesystem -----------------------------------------------------------------------------

    def _stat(self, path: str) -> int:
        """`internalModuleStat`: 1 directory, 0 anything else, -1 missing or unreadable
        (a path ending in `/` must be a directory: `ENOTDIR` otherwise)."""
        try:
            st = self._fs.stat(_paths.normalize(path))
        except (KernelError, ValueError):
            return -1
        if st.is_dir:
            return 1
        return -1 if path.endswith("/") else 0

    def _realpath(self, path: str) -> str:
        path = _paths.normalize(path)
        real = self._realpaths.get(path)
        if real is None:
            real = self._fs.realpath(path)
            self._realpaths[path] = real
        return real

    def _read_package(self, pjson_path: str, context: tuple[str, str] | None = None) -> Package | None:
        """The package.json at `pjson_path`, None if absent; `context` is (specifier, base path)
        for the "while importing" part of `ERR_INVALID_PACKAGE_CONFIG`."""
        cached = self._packages.get(pjson_path)
        if cached is not None:
            return cached
        try:
            data = self._fs.read_file(_paths.normalize(pjson_path))
        except (KernelError, ValueError):
            return None
        pkg = parse_package(pjson_path, data)
        if pkg is None:
            where = f' while importing "{context[0]}" from {context[1]}' if context else ""
            raise ResolveError("ERR_INVALID_PACKAGE_CONFIG", f"Invalid package config {pjson_path}{where}.")
        self._packages[pjson_path] = pkg
        return pkg

    def _nearest_package(self, file_path: str) -> Package | None:
        """The CommonJS loader's nearest package.json: never `/package.json`, never above a `node_modules`."""
        current = file_path
        while True:
            current = _paths.split(current)[0]
            if current == "/" or _paths.split(current)[1] == "node_modules":
                return None
            pkg = self._read_package(f"{current}/package.json")
            if pkg is not None:
                return pkg

    def _package_scope(self, path: str) -> Package | None:
        """The ESM package scope of `path` (a trailing `/` means a directory): up to `/package.json`,
        stopping at a `node_modules` directory."""
        directory = path[: path.rfind("/")] or "/"
        while True:
            if _paths.split(directory)[1] == "node_modules":
                return None
            pkg = self._read_package(f"{directory.rstrip('/')}/package.json")
            if pkg is not None:
                return pkg
            if directory == "/":
                return None
            directory = _paths.split(directory)[0]

    @staticmethod
    def _node_modules_of(directory: str) -> list[str]:
        if directory == "/":
            return ["/node_modules"]
        out: list[str] = []
        parts = directory.split("/")
        for i in range(len(parts), 1, -1):
            if parts[i - 1] != "node_modules":
                out.append("/".join(parts[:i]) + "/node_modules")
        out.append("/node_modules")
        return out

    def _is_builtin(self, request: str) -> bool:
        """`BuiltinModule.normalizeRequirableId`."""
        if request.startswith("node:"):
            return request[5:] in self._builtins
        return request in self._builtins and request not in _SCHEME_ONLY

    # -- formats ------------------------------------------------------------------------------

    def _type_of(self, path: str, kind: Kind) -> Literal["module", "commonjs", "none"]:
        pkg = self._nearest_package(path) if kind == "require" else self._package_scope(path)
        return pkg.type if pkg is not None else "none"

    def _cjs_format(self, path: str) -> Format:
        """`Module._extensions` by `findLongestRegisteredExtension`, then the `.js` loader's rules."""
        name = _paths.split(path)[1]
        start = 0
        while (index := name.find(".", start)) != -1:
            start = index + 1
            if index and name[index:] == ".json":
                return "json"
            if index and name[index:] == ".node":
                return "addon"
        for ext, fmt in _FIXED_FORMATS.items():
            if name.endswith(ext) and ext not in (".json", ".wasm"):
                return fmt
        if name.endswith((".js", ".ts")):
            return _by_type(self._type_of(path, "require"), typescript=name.endswith(".ts"))
        return "commonjs"

    def _esm_format(self, path: str) -> Format:
        """`getFileProtocolModuleFormat` (an ambiguous file is reported as CommonJS)."""
        ext = self._url_extname(path)
        if ext in _FIXED_FORMATS:
            return _FIXED_FORMATS[ext]
        if ext in (".js", ".ts"):
            return _by_type(self._type_of(path, "import"), typescript=ext == ".ts")
        if ext == "":
            package_type = self._type_of(path, "import")
            if package_type == "commonjs":
                return "commonjs"
            if self._has_wasm_magic(path):
                return "wasm"
            return "module" if package_type == "module" else "commonjs"
        raise ResolveError(
            "ERR_UNKNOWN_FILE_EXTENSION", f'Unknown file extension "{ext}" for {path}', error_class="TypeError"
        )

    def _has_wasm_magic(self, path: str) -> bool:
        try:
            return self._fs.read_file(path)[:4] == b"\0asm"
        except KernelError:
            return False

    @staticmethod
    def _url_extname(path: str) -> str:
        """The ESM loader's `extname` of a file URL's pathname (a leading-dot name has none)."""
        name_start = path.rfind("/") + 1
        dot = path.rfind(".")
        if dot <= name_start:
            return ""
        return path[dot:]

    # -- CommonJS -----------------------------------------------------------------------------

    def _require(
        self, request: str, referrer: str | None, paths: Sequence[str] | None, stack: list[str], cwd: str
    ) -> Resolved:
        parent: str | None = None
        if referrer is not None:
            parent = self._referrer_path(referrer)
        if self._is_builtin(request):
            return Resolved(request, "builtin")
        parent_paths = self._node_modules_of(_paths.split(parent)[0]) if parent else None
        filename = self._cjs_resolve_filename(request, parent, parent_paths, paths, cwd, stack)
        return Resolved(filename, self._cjs_format(filename))

    def _referrer_path(self, referrer: str) -> str:
        if referrer.startswith("file:"):
            url = parse_url(referrer, None)
            if url is None:
                raise ResolveError(
                    "ERR_INVALID_URL", "Invalid URL", error_class="TypeError", fields={"input": referrer}
                )
            return file_url_to_path(url)
        return _paths.normalize(referrer)

    def _lookup_paths(self, request: str, parent: str | None, parent_paths: list[str] | None) -> list[str]:
        """`Module._resolveLookupPaths` (builtins are handled before)."""
        if not request.startswith(".") or (len(request) > 1 and request[1] not in "./"):
            return (parent_paths or []) + self._global_paths
        if parent is None:
            return ["."]
        return [_paths.split(parent)[0]]

    def _cjs_resolve_filename(
        self,
        request: str,
        parent: str | None,
        parent_paths: list[str] | None,
        paths_option: Sequence[str] | None,
        cwd: str,
        stack: list[str],
    ) -> str:
        """`Module._resolveFilename` for a non-builtin request."""
        if "\0" in request:  # no file has such a name: every lookup fails
            raise self._require_not_found(request, stack)
        if paths_option is not None:
            if request.startswith(("./", "../")):
                lookup = list(paths_option)
            else:
                lookup = []
                for entry in paths_option:
                    fake_paths = self._node_modules_of(_paths.normalize(entry, cwd))
                    for item in self._lookup_paths(request, None, fake_paths):
                        if item not in lookup:
                            lookup.append(item)
        else:
            lookup = self._lookup_paths(request, parent, parent_paths)

        if request.startswith("#") and parent is not None:
            pkg = self._nearest_package(parent)
            if pkg is not None and pkg.imports is not None:
                try:
                    url = self._package_imports_resolve(request, path_to_file_url(parent), self._cjs_conditions)
                    return self._finalize_cjs_esm(url, parent, pkg.pjson_path)
                except ResolveError as exc:
                    if exc.code == "ERR_MODULE_NOT_FOUND":
                        raise self._cjs_not_found(request) from None
                    raise

        if parent is not None:
            found = self._try_self(parent, request)
            if found is not None:
                return found

        filename = self._find_path(request, lookup, cwd)
        if filename is not None:
            return filename
        raise self._require_not_found(request, stack)

    @staticmethod
    def _require_not_found(request: str, stack: list[str]) -> ResolveError:
        message = f"Cannot find module '{request}'"
        if stack:
            message += "\nRequire stack:\n- " + "\n- ".join(stack)
        return ResolveError("MODULE_NOT_FOUND", message, fields={"requireStack": list(stack)})

    @staticmethod
    def _cjs_not_found(request: str, path: str | None = None) -> ResolveError:
        """`createEsmNotFoundErr`."""
        return ResolveError(
            "MODULE_NOT_FOUND", f"Cannot find module '{request}'", fields={"path": path} if path else None
        )

    def _finalize_cjs_esm(self, url: ParsedURL, parent: str | None, pkg_path: str) -> str:
        """`finalizeEsmResolution`: an exports/imports answer turned into a file for `require`."""
        if ENCODED_SEP.search(url.href):
            where = f" imported from {parent}" if parent else ""
            raise ResolveError(
                "ERR_INVALID_MODULE_SPECIFIER",
                f'Invalid module "{url.href}" must not include encoded "/" or "\\" characters{where}',
                error_class="TypeError",
            )
        filename = file_url_to_path(url)
        actual = self._try_file(filename)
        if actual is not None:
            return actual
        raise self._cjs_not_found(filename, pkg_path)

    def _try_self(self, parent: str, request: str) -> str | None:
        pkg = self._nearest_package(parent)
        if pkg is None or pkg.exports is None or pkg.name is None:
            return None
        if request == pkg.name:
            expansion = "."
        elif request.startswith(pkg.name + "/"):
            expansion = "." + request[len(pkg.name) :]
        else:
            return None
        try:
            url = self._package_exports_resolve(
                path_to_file_url(pkg.pjson_path), expansion, pkg, path_to_file_url(parent), self._cjs_conditions
            )
            return self._finalize_cjs_esm(url, parent, pkg.pjson_path)
        except ResolveError as exc:
            if exc.code == "ERR_MODULE_NOT_FOUND":
                raise self._cjs_not_found(request, pkg.pjson_path) from None
            raise

    def _find_path(self, request: str, lookup: list[str], cwd: str) -> str | None:
        """`Module._findPath`."""
        absolute = request.startswith("/")
        if absolute:
            lookup = [""]
        elif not lookup:
            return None
        trailing_slash = request.endswith("/") or bool(re.search(r"(^|/)\.\.?\Z", request))
        inside = True
        if re.match(r"\.\.?(/|\Z)", request):
            inside = not posix_normalize(request).startswith("..")
        for cur in lookup:
            if inside and cur and self._stat(_paths.normalize(cur, cwd)) < 1:
                continue
            if not absolute:
                found = self._resolve_exports(cur, request, cwd)
                if found is not None:
                    return found
            base = _paths.normalize(f"{cur}/{request}" if cur else request, cwd)
            rc = self._stat(base)
            filename: str | None = None
            if not trailing_slash:
                if rc == 0:
                    filename = self._realpath(base)
                if filename is None:
                    filename = self._try_extensions(base)
            if filename is None and rc == 1:
                filename = self._try_package(base, request)
            if filename is not None:
                return filename
        return None

    def _try_file(self, path: str) -> str | None:
        return self._realpath(path) if self._stat(path) == 0 else None

    def _try_extensions(self, base: str) -> str | None:
        for ext in _EXTENSIONS:
            found = self._try_file(base + ext)
            if found is not None:
                return found
        return None

    def _try_package(self, request_path: str, original: str) -> str | None:
        pjson_path = _paths.join(request_path, "package.json")
        pkg = self._read_package(pjson_path)
        main = pkg.main if pkg is not None else None
        index = _paths.join(request_path, "index")
        if not main:
            return self._try_extensions(index)
        filename = _paths.join(request_path, main)
        actual = (
            self._try_file(filename)
            or self._try_extensions(filename)
            or self._try_extensions(_paths.join(filename, "index"))
        )
        if actual is None:
            actual = self._try_extensions(index)
            if actual is None:
                raise ResolveError(
                    "MODULE_NOT_FOUND",
                    f"Cannot find module '{filename}'. Please verify that the package.json has a valid \"main\" entry",
                    fields={"path": pjson_path, "requestPath": original},
                )
            self._warnings.append(
                (
                    "DEP0128",
                    f"Invalid 'main' field in '{pjson_path}' of '{main}'. "
                    "Please either fix that or report it to the module author",
                )
            )
        return actual

    def _resolve_exports(self, nm_path: str, request: str, cwd: str) -> str | None:
        match = _CJS_EXPORTS_PATTERN.match(request)
        if match is None:
            return None
        name, expansion = match.group(1), match.group(2) or ""
        pkg_path = _paths.normalize(f"{nm_path}/{name}", cwd)
        pkg = self._read_package(f"{pkg_path}/package.json")
        if pkg is None or pkg.exports is None:
            return None
        try:
            url = self._package_exports_resolve(
                path_to_file_url(f"{pkg_path}/package.json"), "." + expansion, pkg, None, self._cjs_conditions
            )
            return self._finalize_cjs_esm(url, None, pkg_path)
        except ResolveError as exc:
            if exc.code == "ERR_MODULE_NOT_FOUND":
                raise self._cjs_not_found(request, f"{pkg_path}/package.json") from None
            raise

    # -- ES modules -----------------------------------------------------------------------------

    def _import(self, specifier: str, referrer: str | None, cwd: str, check_format: bool) -> Resolved:
        if referrer is None:
            parent = path_to_file_url(_paths.normalize(cwd).rstrip("/") + "/")
        elif referrer.startswith("file:"):
            parsed = parse_url(referrer, None)
            if parsed is None:
                raise ResolveError(
                    "ERR_INVALID_URL", "Invalid URL", error_class="TypeError", fields={"input": referrer}
                )
            parent = parsed
        else:
            parent = path_to_file_url(_paths.normalize(referrer))

        if should_be_treated_as_path(specifier):
            parsed = parse_url(specifier, parent)
        else:
            parsed = parse_url(specifier, None)
        if parsed is not None and parsed.protocol == "node:":
            return self._builtin_import(specifier)
        if parsed is not None and parsed.protocol != "file:":
            supported = "file and data" if parsed.protocol in ("http:", "https:") else "file, data, and node"
            raise ResolveError(
                "ERR_UNSUPPORTED_ESM_URL_SCHEME",
                f"Only URLs with a scheme in: {supported} are supported by the default ESM loader. "
                f"Received protocol '{parsed.protocol}'",
            )
        try:
            url = self._module_resolve(specifier, parent)
        except ResolveError as exc:
            if exc.code in ("ERR_MODULE_NOT_FOUND", "ERR_UNSUPPORTED_DIR_IMPORT"):
                self._add_commonjs_hint(exc, specifier, parent, cwd)
            raise
        if url.protocol == "node:":
            return self._builtin_import(url.opaque)
        if url.protocol != "file:":
            raise ResolveError(
                "ERR_UNSUPPORTED_ESM_URL_SCHEME",
                "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. "
                f"Received protocol '{url.protocol}'",
            )
        path = file_url_to_path(url)
        try:
            fmt = self.format_of(path, "import")
            _check_loadable(path, fmt)
        except ResolveError:
            if check_format:
                raise
            fmt = "commonjs"
        return Resolved(path, fmt, url.search + url.hash)

    def _builtin_import(self, specifier: str) -> Resolved:
        name = specifier[5:] if specifier.startswith("node:") else specifier
        scheme_only = specifier.startswith("node:") and name in _SCHEME_ONLY
        if name not in self._builtins and not scheme_only:
            raise ResolveError("ERR_UNKNOWN_BUILTIN_MODULE", f"No such built-in module: {specifier}")
        return Resolved("node:" + name, "builtin")

    def _module_resolve(self, specifier: str, base: ParsedURL) -> ParsedURL:
        """`moduleResolve`: the URL, realpath'd when it is a file."""
        resolved: ParsedURL | None
        if should_be_treated_as_path(specifier):
            resolved = parse_url(specifier, base)
            if resolved is None:
                raise ResolveError(
                    "ERR_UNSUPPORTED_RESOLVE_REQUEST",
                    f'Failed to resolve module specifier "{specifier}" from "{base}": '
                    "Invalid relative URL or base scheme is not hierarchical.",
                    error_class="TypeError",
                )
        elif specifier.startswith("#"):
            resolved = self._package_imports_resolve(specifier, base, self._esm_conditions)
        else:
            resolved = parse_url(specifier, None)
            if resolved is None:
                resolved = self._package_resolve(specifier, base, self._esm_conditions)
        if resolved.protocol != "file:":
            return resolved
        return self._finalize_resolution(resolved, base)

    def _finalize_resolution(self, resolved: ParsedURL, base: ParsedURL) -> ParsedURL:
        if ENCODED_SEP.search(resolved.pathname):
            raise ResolveError(
                "ERR_INVALID_MODULE_SPECIFIER",
                f'Invalid module "{resolved.pathname}" must not include encoded "/" or "\\" characters '
                f"imported from {base_path(base)}",
                error_class="TypeError",
            )
        try:
            path = file_url_to_path(resolved)
        except ResolveError as exc:
            exc.fields.update(input=resolved.href, module=base.href)
            raise
        rc = self._stat(path)
        if rc == 1:
            raise ResolveError(
                "ERR_UNSUPPORTED_DIR_IMPORT",
                f"Directory import '{path}' is not supported resolving ES modules imported from {base_path(base)}",
                fields={"url": resolved.href},
            )
        if rc != 0:
            raise ResolveError(
                "ERR_MODULE_NOT_FOUND",
                f"Cannot find module '{path or resolved.pathname}' imported from {base_path(base)}",
                fields={"url": resolved.href},
            )
        real = self._realpath(path)
        url = path_to_file_url(real)
        # Node sets `search`/`hash` on the new URL: an empty "?" or "#" disappears.
        search = "" if resolved.search == "?" else resolved.search
        hash_ = "" if resolved.hash == "#" else resolved.hash
        return ParsedURL("file:", url.pathname, search, hash_)

    def _package_resolve(self, specifier: str, base: ParsedURL, conditions: frozenset[str]) -> ParsedURL:
        if specifier in self._builtins and specifier not in _SCHEME_ONLY:
            return ParsedURL("node:", opaque="node:" + specifier)
        referrer_path = base_path(base)
        name, subpath = _parse_package_name(specifier, referrer_path)

        scope = self._package_scope(file_url_to_path(base) if base.protocol == "file:" else "/")
        if scope is not None and scope.exports is not None and scope.name == name:
            return self._package_exports_resolve(path_to_file_url(scope.pjson_path), subpath, scope, base, conditions)

        start = referrer_path[: referrer_path.rfind("/")] or "/"
        candidates: list[str] = []
        directory = start
        while True:
            candidates.append(f"{directory.rstrip('/')}/node_modules/{name}")
            if directory == "/":
                break
            directory = _paths.split(directory)[0]
        candidates.extend(f"{g}/{name}" for g in self._global_paths)  # the sandbox's addition
        for package_dir in candidates:
            if self._stat(package_dir) != 1:
                continue
            pjson_path = f"{package_dir}/package.json"
            pjson_url = path_to_file_url(pjson_path)
            pkg = self._read_package(pjson_path, (specifier, referrer_path))
            if pkg is not None and pkg.exports is not None:
                return self._package_exports_resolve(pjson_url, subpath, pkg, base, conditions)
            if subpath == ".":
                return self._legacy_main_resolve(pjson_url, package_dir, pkg, base)
            resolved = parse_url(subpath, pjson_url)
            assert resolved is not None
            return resolved
        raise ResolveError("ERR_MODULE_NOT_FOUND", f"Cannot find package '{name}' imported from {referrer_path}")

    def _legacy_main_resolve(
        self, pjson_url: ParsedURL, package_dir: str, pkg: Package | None, base: ParsedURL
    ) -> ParsedURL:
        main = pkg.main if pkg is not None else None
        tried: list[tuple[str, str]] = []  # (file path, URL-relative text); Node's index 0 is main itself
        initial: str | None = None
        if main is not None:
            initial = _paths.join(package_dir, main)
            for ext in ("", ".js", ".json", ".node", "/index.js", "/index.json", "/index.node"):
                tried.append((initial + ext, (main or "./") + ext))
        else:
            tried.extend([("", "")] * 7)
        for ext in (".js", ".json", ".node"):
            tried.append((f"{package_dir}/index{ext}", f"./index{ext}"))
        for position, (file_path, relative) in enumerate(tried):
            if file_path and self._stat(file_path) == 0:
                url = parse_url(relative, pjson_url)
                assert url is not None
                if position:
                    self._legacy_index_warning(url, package_dir, base, main)
                return url
        if initial is None:
            initial = _paths.join(package_dir, "index.js")
        raise ResolveError("ERR_MODULE_NOT_FOUND", f"Cannot find package '{initial}' imported from {base_path(base)}")

    def _legacy_index_warning(self, url: ParsedURL, package_dir: str, base: ParsedURL, main: str | None) -> None:
        try:
            path = file_url_to_path(url)
            if self.format_of(path, "import") != "module":
                return
        except ResolveError:
            return
        pkg_path = package_dir + "/"
        rel = path[len(pkg_path) :]
        if not main:
            text = (
                f'No "main" or "exports" field defined in the package.json for {pkg_path} resolving the main '
                f'entry point "{rel}", imported from {base_path(base)}.\n'
                'Default "index" lookups for the main are deprecated for ES modules.'
            )
        else:
            text = (
                f'Package {pkg_path} has a "main" field set to "{main}", excluding the full filename and '
                f'extension to the resolved file at "{rel}", imported from {base_path(base)}.\n '
                'Automatic extension resolution of the "main" field is deprecated for ES modules.'
            )
        self._warnings.append(("DEP0151", text))

    # -- "Did you mean to import ...?" ---------------------------------------------------------

    def _add_commonjs_hint(self, exc: ResolveError, specifier: str, parent: ParsedURL, cwd: str) -> None:
        """`decorateErrorWithCommonJSHints`: what `require` would have found, resolved as Node does
        (from a parent module with no filename, so relative requests start at the cwd)."""
        request = specifier
        try:
            if request.startswith("file://"):
                url = parse_url(request, None)
                assert url is not None
                request = file_url_to_path(url)
            parent_path = file_url_to_path(parent)
            if self._is_builtin(request):
                return
            found = self._cjs_resolve_filename(request, None, self._node_modules_of(parent_path), None, cwd, [])
        except (ResolveError, KernelError, AssertionError):
            return
        if is_relative_specifier(request):
            parent_dir = parent.href[len("file://") : parent.href.rfind("/")]
            found = posix_relative(parent_dir, path_to_file_url(found).pathname)
            if not found.startswith("../"):
                found = "./" + found
        elif request and request[0] not in "/.":
            package = request.split("/", 1)[0]
            needle = f"/node_modules/{package}/"
            index = found.rfind(needle)
            if index != -1:
                rest = found[index + len(needle) :].split("/")
                found = package + "/" + "/".join(encode_uri_component(p) for p in rest)
            else:
                found = path_to_file_url(found).href
        if found == request:
            return
        exc.message += f"\nDid you mean to import {json.dumps(found, ensure_ascii=False)}?"
        exc.args = (exc.message,)


def _by_type(package_type: str, *, typescript: bool) -> Format:
    """The format of a `.js` (`.ts`) file in a package of `package_type` (ambiguous: CommonJS)."""
    if package_type == "module":
        return "module-typescript" if typescript else "module"
    return "commonjs-typescript" if typescript else "commonjs"


def _check_loadable(path: str, fmt: Format) -> None:
    """Node 22.20 strips TypeScript types, but not under `node_modules` (a load-time error)."""
    if fmt.endswith("-typescript") and "/node_modules/" in path:
        raise ResolveError(
            "ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING",
            f'Stripping types is currently unsupported for files under node_modules, for "{path}"',
        )


def _parse_package_name(specifier: str, base_path: str) -> tuple[str, str]:
    separator = specifier.find("/")
    valid = True
    if specifier.startswith("@"):
        if separator == -1:
            valid = False
        else:
            separator = specifier.find("/", separator + 1)
    name = specifier if separator == -1 else specifier[:separator]
    if _INVALID_PACKAGE_NAME.search(name):
        valid = False
    if not valid:
        raise ResolveError(
            "ERR_INVALID_MODULE_SPECIFIER",
            f'Invalid module "{specifier}" is not a valid package name imported from {base_path}',
            error_class="TypeError",
        )
    return name, "." + ("" if separator == -1 else specifier[separator:])
