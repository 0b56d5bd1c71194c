"""Guest path arithmetic: the one place paths are normalised.

Guest paths are POSIX strings. `normalize` turns whatever the guest passed
into an absolute path with no empty, `.` or `..` components and no trailing
slash; `..` never climbs above `/`, so a normalised path can be checked
against a prefix (permissions, mounts) without surprises. Symlinks are not
looked at here: the kernel's path walk resolves them.
"""

from __future__ import annotations

import urllib.parse

__all__ = ["file_url", "is_within", "join", "normalize", "relative_to", "split", "url_path"]


def _is_normal(path: str) -> bool:
    """Already absolute and normalised (the common case, checked cheaply)."""
    if path == "/":
        return True
    return (
        path.startswith("/")
        and not path.endswith("/")
        and "//" not in path
        and "/./" not in path
        and "/../" not in path
        and not path.endswith("/.")
        and not path.endswith("/..")
    )


def normalize(path: str, cwd: str = "/") -> str:
    """The absolute, normalised form of `path` (relative paths are joined to `cwd`).

    Raises `ValueError` for a path containing a NUL byte (Node refuses those
    before any syscall, with `ERR_INVALID_ARG_VALUE`).
    """
    if "\0" in path:
        raise ValueError("path must be a string without null bytes")
    if _is_normal(path):
        return path
    if not path.startswith("/"):
        if "\0" in cwd:
            raise ValueError("path must be a string without null bytes")
        path = f"{cwd}/{path}"
    parts: list[str] = []
    for part in path.split("/"):
        if part == "" or part == ".":
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return "/" + "/".join(parts)


def split(path: str) -> tuple[str, str]:
    """`(parent, name)` of a normalised path; `("/", "")` for the root."""
    if path == "/":
        return "/", ""
    parent, _, name = path.rpartition("/")
    return parent or "/", name


def join(*parts: str) -> str:
    """Join path pieces with `/` and normalise; a later absolute piece restarts at the root."""
    out = "/"
    for part in parts:
        if part.startswith("/"):
            out = part
        elif part:
            out = f"{out}/{part}"
    return normalize(out)


def is_within(path: str, root: str) -> bool:
    """Whether normalised `path` is `root` or below it."""
    if root == "/":
        return path.startswith("/")
    return path == root or path.startswith(root + "/")


def relative_to(path: str, root: str) -> str:
    """`path` as seen from inside `root` (absolute, `"/"` for the root itself).

    Raises `ValueError` when `path` is not within `root`.
    """
    if root == "/":
        return path
    if path == root:
        return "/"
    if not path.startswith(root + "/"):
        raise ValueError(f"{path!r} is not within {root!r}")
    return path[len(root) :]


def file_url(path: str) -> str:
    """Node's `url.pathToFileURL` for an absolute POSIX path: only what a URL path
    cannot hold is percent-encoded (`@` stays, as in pnpm's `.pnpm/pkg@1.0.0`)."""
    return "file://" + urllib.parse.quote(path, safe="/:@!$&'()*+,;=-._~[]|^")


def url_path(url: str) -> str:
    """The path of a `file://` URL (the inverse of `file_url`)."""
    return urllib.parse.unquote(url[7:] if url.startswith("file://") else url)
