"""package.json as Node reads it, and the `exports`/`imports` target resolution both loaders share.

`PackageTargets` is Node's `packageExportsResolve`/`packageImportsResolve` with
`resolvePackageTarget` (conditions, `*` patterns, arrays of fallbacks, `null`
exclusions, target validation); the resolver subclasses it and supplies the
package scope lookup and the bare-specifier resolution an `imports` target may
need.
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Literal

from ._module_types import ResolveError
from ._module_urls import ParsedURL, base_path, file_url_to_path, parse_url, path_to_file_url, url_dir

__all__ = ["Package", "PackageTargets", "parse_package"]


@dataclass(frozen=True, slots=True)
class Package:
    """The fields of a package.json Node reads (its C++ reader's view)."""

    pjson_path: str
    name: str | None
    main: str | None
    type: Literal["module", "commonjs", "none"]
    exports: Any  # None when absent, null, or not an object/array/string
    imports: Any  # None when absent or not an object


def parse_package(pjson_path: str, data: bytes) -> Package | None:
    """The package, or None when Node would call the file invalid."""
    try:
        text = data.decode("utf-8")
        value = json.loads(text.removeprefix("\ufeff"), strict=False)
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(value, dict):
        return None
    name, main, type_ = value.get("name"), value.get("main"), value.get("type")
    exports, imports = value.get("exports"), value.get("imports")
    return Package(
        pjson_path,
        name if isinstance(name, str) else None,
        main if isinstance(main, str) else None,
        type_ if type_ in ("module", "commonjs") else "none",
        exports if isinstance(exports, dict | list | str) else None,
        imports if isinstance(imports, dict) else None,
    )


_INTEGER = re.compile(r"0|[1-9][0-9]*")
_NUMBER = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]*[1-9])?")


def _is_integer_index(key: str) -> bool:
    """A key V8 orders first in an object: a canonical integer below 2**32 - 1."""
    return _INTEGER.fullmatch(key) is not None and int(key) < 0xFFFFFFFF


def _is_array_index(key: str) -> bool:
    """Node's `isArrayIndex` (resolve.js): `${+key} === key` and 0 <= +key < 2**32 - 1, so "1.5" counts."""
    if _NUMBER.fullmatch(key) is None:
        return False
    value = float(key)
    return ("." not in key or repr(value) == key) and value < 0xFFFFFFFF


def _own_keys(obj: dict[str, Any]) -> list[str]:
    """`Object.getOwnPropertyNames` order: integer keys ascending, then insertion order."""
    indices = sorted((k for k in obj if _is_integer_index(k)), key=int)
    return indices + [k for k in obj if not _is_integer_index(k)]


def _pattern_key_compare(a: str, b: str) -> int:
    a_star, b_star = a.find("*"), b.find("*")
    base_a = len(a) if a_star == -1 else a_star + 1
    base_b = len(b) if b_star == -1 else b_star + 1
    if base_a != base_b:
        return -1 if base_a > base_b else 1
    if a_star == -1:
        return 1
    if b_star == -1:
        return -1
    if len(a) != len(b):
        return -1 if len(a) > len(b) else 1
    return 0


_INVALID_SEGMENT = re.compile(
    r"(^|\\|/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)"
    r"(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|/|$)",
    re.IGNORECASE,
)
_DEPRECATED_INVALID_SEGMENT = re.compile(
    r"(^|\\|/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)"
    r"(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|/|$)",
    re.IGNORECASE,
)


class _Undefined:
    """`resolvePackageTarget`'s `undefined`: no condition matched (unlike `null`, which excludes)."""


_UNDEFINED = _Undefined()


def _js_string(value: Any) -> str:
    """`${value}` for a JSON scalar."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class PackageTargets(ABC):
    """`exports` and `imports` resolution; a subclass supplies the package lookups."""

    @abstractmethod
    def _package_scope(self, path: str) -> Package | None:
        """The package.json whose scope holds `path` (ESM's `getPackageScopeConfig`)."""

    @abstractmethod
    def _package_resolve(self, specifier: str, base: ParsedURL, conditions: frozenset[str]) -> ParsedURL:
        """ESM's `packageResolve` (an `imports` target may name another package)."""

    def _package_exports_resolve(
        self, pjson_url: ParsedURL, subpath: str, pkg: Package, base: ParsedURL | None, conditions: frozenset[str]
    ) -> ParsedURL:
        exports = pkg.exports
        if self._is_conditional_sugar(exports, pjson_url, base):
            exports = {".": exports}
        assert isinstance(exports, dict)
        if subpath in exports and "*" not in subpath and not subpath.endswith("/"):
            result = self._resolve_target(
                pjson_url, exports[subpath], "", subpath, base, False, False, False, conditions
            )
            if not isinstance(result, ParsedURL):
                raise self._exports_not_found(subpath, pjson_url, base)
            return result
        best, best_sub = self._best_pattern(exports, subpath)
        if best:
            result = self._resolve_target(
                pjson_url, exports[best], best_sub, best, base, True, False, subpath.endswith("/"), conditions
            )
            if not isinstance(result, ParsedURL):
                raise self._exports_not_found(subpath, pjson_url, base)
            return result
        raise self._exports_not_found(subpath, pjson_url, base)

    @staticmethod
    def _best_pattern(mapping: dict[str, Any], request: str) -> tuple[str, str]:
        best, best_sub = "", ""
        for key in _own_keys(mapping):
            star = key.find("*")
            if star == -1 or not request.startswith(key[:star]):
                continue
            trailer = key[star + 1 :]
            if (
                len(request) >= len(key)
                and request.endswith(trailer)
                and _pattern_key_compare(best, key) == 1
                and key.rfind("*") == star
            ):
                best = key
                best_sub = request[star : len(request) - len(trailer)]
        return best, best_sub

    def _package_imports_resolve(self, name: str, base: ParsedURL, conditions: frozenset[str]) -> ParsedURL:
        referrer_path = base_path(base)
        if name == "#" or name.startswith("#/") or name.endswith("/"):
            raise ResolveError(
                "ERR_INVALID_MODULE_SPECIFIER",
                f'Invalid module "{name}" is not a valid internal imports specifier name imported from {referrer_path}',
                error_class="TypeError",
            )
        pjson_url: ParsedURL | None = None
        pkg = self._package_scope(referrer_path)
        if pkg is not None:
            pjson_url = path_to_file_url(pkg.pjson_path)
            imports = pkg.imports
            if imports:
                if name in imports and "*" not in name:
                    result = self._resolve_target(
                        pjson_url, imports[name], "", name, base, False, True, False, conditions
                    )
                    if isinstance(result, ParsedURL):
                        return result
                else:
                    best, best_sub = self._best_pattern(imports, name)
                    if best:
                        result = self._resolve_target(
                            pjson_url, imports[best], best_sub, best, base, True, True, False, conditions
                        )
                        if isinstance(result, ParsedURL):
                            return result
        where = f" in package {file_url_to_path(url_dir(pjson_url))}package.json" if pjson_url else ""
        raise ResolveError(
            "ERR_PACKAGE_IMPORT_NOT_DEFINED",
            f'Package import specifier "{name}" is not defined{where} imported from {referrer_path}',
            error_class="TypeError",
        )

    def _is_conditional_sugar(self, exports: Any, pjson_url: ParsedURL, base: ParsedURL | None) -> bool:
        if isinstance(exports, str | list):
            return True
        if not isinstance(exports, dict):
            return False
        sugar = False
        for i, key in enumerate(_own_keys(exports)):
            current = key == "" or key[0] != "."
            if i == 0:
                sugar = current
            elif sugar != current:
                raise self._invalid_config(
                    pjson_url,
                    base,
                    "\"exports\" cannot contain some keys starting with '.' and some not. The exports object must "
                    "either be an object of package subpath keys or an object of main entry condition name keys only.",
                )
        return sugar

    @staticmethod
    def _invalid_config(pjson_url: ParsedURL, base: ParsedURL | None, message: str) -> ResolveError:
        where = f" while importing {base.href}" if base is not None else ""
        return ResolveError(
            "ERR_INVALID_PACKAGE_CONFIG", f"Invalid package config {file_url_to_path(pjson_url)}{where}. {message}"
        )

    def _exports_not_found(self, subpath: str, pjson_url: ParsedURL, base: ParsedURL | None) -> ResolveError:
        pkg_path = file_url_to_path(url_dir(pjson_url))
        where = f" imported from {base_path(base)}" if base is not None else ""
        if subpath == ".":
            message = f'No "exports" main defined in {pkg_path}package.json{where}'
        else:
            message = f"Package subpath '{subpath}' is not defined by \"exports\" in {pkg_path}package.json{where}"
        return ResolveError("ERR_PACKAGE_PATH_NOT_EXPORTED", message)

    def _invalid_target(
        self, match: str, target: Any, pjson_url: ParsedURL, internal: bool, base: ParsedURL | None
    ) -> ResolveError:
        text = json.dumps(target, separators=(",", ":")) if isinstance(target, dict | list) else _js_string(target)
        pkg_path = file_url_to_path(url_dir(pjson_url))
        where = f" imported from {base_path(base)}" if base is not None else ""
        related = not internal and bool(text) and not text.startswith("./")
        hint = '; targets must start with "./"' if related else ""
        quoted = json.dumps(text, ensure_ascii=False)
        if match == ".":
            message = f'Invalid "exports" main target {quoted} defined in the package config {pkg_path}package.json{where}{hint}'
        else:
            field = "imports" if internal else "exports"
            message = (
                f"Invalid \"{field}\" target {quoted} defined for '{match}' in the package config "
                f"{pkg_path}package.json{where}{hint}"
            )
        return ResolveError("ERR_INVALID_PACKAGE_TARGET", message)

    def _resolve_target(
        self,
        pjson_url: ParsedURL,
        target: Any,
        subpath: str,
        match: str,
        base: ParsedURL | None,
        pattern: bool,
        internal: bool,
        is_path_map: bool,
        conditions: frozenset[str],
    ) -> ParsedURL | _Undefined | None:
        """`resolvePackageTarget`: a URL, None (a null target: excluded), or `_UNDEFINED` (no condition matched)."""
        if isinstance(target, str):
            return self._resolve_target_string(target, subpath, match, pjson_url, base, pattern, internal, conditions)
        if isinstance(target, list):
            if not target:
                return None
            last_error: ResolveError | _Undefined | None = _UNDEFINED
            for item in target:
                try:
                    result = self._resolve_target(
                        pjson_url, item, subpath, match, base, pattern, internal, is_path_map, conditions
                    )
                except ResolveError as exc:
                    last_error = exc
                    if exc.code == "ERR_INVALID_PACKAGE_TARGET":
                        continue
                    raise
                if result is _UNDEFINED:
                    continue
                if result is None:
                    last_error = None
                    continue
                return result
            if isinstance(last_error, ResolveError):
                raise last_error
            return last_error
        if isinstance(target, dict):
            keys = _own_keys(target)
            if any(_is_array_index(key) for key in keys):
                raise self._invalid_config(pjson_url, base, '"exports" cannot contain numeric property keys.')
            for key in keys:
                if key == "default" or key in conditions:
                    result = self._resolve_target(
                        pjson_url, target[key], subpath, match, base, pattern, internal, is_path_map, conditions
                    )
                    if result is _UNDEFINED:
                        continue
                    return result
            return _UNDEFINED
        if target is None:
            return None
        raise self._invalid_target(match, target, pjson_url, internal, base)

    def _resolve_target_string(
        self,
        target: str,
        subpath: str,
        match: str,
        pjson_url: ParsedURL,
        base: ParsedURL | None,
        pattern: bool,
        internal: bool,
        conditions: frozenset[str],
    ) -> ParsedURL:
        if subpath and not pattern and not target.endswith("/"):
            raise self._invalid_target(match, target, pjson_url, internal, base)
        if not target.startswith("./"):
            if internal and not target.startswith(("../", "/")) and parse_url(target, None) is None:
                export_target = target.replace("*", subpath) if pattern else target + subpath
                return self._package_resolve(export_target, pjson_url, conditions)
            raise self._invalid_target(match, target, pjson_url, internal, base)
        if _INVALID_SEGMENT.search(target[2:]) and _DEPRECATED_INVALID_SEGMENT.search(target[2:]):
            raise self._invalid_target(match, target, pjson_url, internal, base)
        resolved = parse_url(target, pjson_url)
        assert resolved is not None
        if not resolved.pathname.startswith(url_dir(pjson_url).pathname):
            raise self._invalid_target(match, target, pjson_url, internal, base)
        if not subpath:
            return resolved
        if _INVALID_SEGMENT.search(subpath) and _DEPRECATED_INVALID_SEGMENT.search(subpath):
            request = match.replace("*", subpath, 1) if pattern else match + subpath
            field = "imports" if internal else "exports"
            where = f" imported from {base_path(base)}" if base is not None else ""
            raise ResolveError(
                "ERR_INVALID_MODULE_SPECIFIER",
                f'Invalid module "{request}" request is not a valid match in pattern "{match}" for the "{field}" '
                f"resolution of {file_url_to_path(pjson_url)}{where}",
                error_class="TypeError",
            )
        if pattern:
            out = parse_url(resolved.href.replace("*", subpath), None)
        else:
            out = parse_url(subpath, resolved)
        assert out is not None
        return out
