"""`file:` URLs as the WHATWG URL parser and Node's `url` helpers treat them.

ESM resolution works on URLs: a relative specifier is joined to the referrer's URL
(percent-encoding, dot segments, `?`/`#`), the answer turned back into a path with
`fileURLToPath`, and Node's messages quote either form. Only what module
resolution needs is here: full parsing of `file:` URLs, the scheme of any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ._module_types import ResolveError

__all__ = [
    "ENCODED_SEP",
    "ParsedURL",
    "base_path",
    "encode_uri_component",
    "file_url_to_path",
    "is_relative_specifier",
    "parse_url",
    "path_to_file_url",
    "posix_normalize",
    "posix_relative",
    "should_be_treated_as_path",
    "url_dir",
]

_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_SPECIAL_NON_FILE = frozenset({"http", "https", "ws", "wss", "ftp"})
_SINGLE_DOT = frozenset({".", "%2e"})
_DOUBLE_DOT = frozenset({"..", ".%2e", "%2e.", "%2e%2e"})
_PATH_ESCAPES = frozenset(' "#<>?`{}')
_QUERY_ESCAPES = frozenset(" \"#<>'")
_HASH_ESCAPES = frozenset(' "<>`')
#: What `url.pathToFileURL` escapes besides controls and non-ASCII.
_FILE_PATH_ESCAPES = frozenset(' "#%<>?[\\]^`{|}~')
ENCODED_SEP = re.compile(r"%2f|%5c", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ParsedURL:
    """A parsed URL: `file:` ones in parts, anything else kept whole (`opaque`)."""

    protocol: str
    pathname: str = ""
    search: str = ""
    hash: str = ""
    host: str = ""
    opaque: str = ""

    @property
    def href(self) -> str:
        if self.protocol != "file:":
            return self.opaque
        return f"file://{self.host}{self.pathname}{self.search}{self.hash}"

    def __str__(self) -> str:
        return self.href


def _escape(text: str, keep: Callable[[str], bool]) -> str:
    out: list[str] = []
    for ch in text:
        if keep(ch):
            out.append(ch)
        else:
            if 0xD800 <= ord(ch) <= 0xDFFF:  # a lone surrogate becomes U+FFFD, as USVString does
                ch = "\ufffd"
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def _plain(ch: str, escapes: frozenset[str]) -> bool:
    return 0x20 < ord(ch) < 0x7F and ch not in escapes


def _parse_path(text: str, segments: list[str]) -> str:
    """The WHATWG path state: `text` (no leading `/`) appended to `segments`."""
    parts = text.split("/")
    for i, seg in enumerate(parts):
        last = i == len(parts) - 1
        low = seg.lower()
        if low in _DOUBLE_DOT:
            if segments:
                segments.pop()
            if last:
                segments.append("")
        elif low in _SINGLE_DOT:
            if last:
                segments.append("")
        else:
            segments.append(_escape(seg, lambda c: _plain(c, _PATH_ESCAPES)))
    return "/" + "/".join(segments)


def _parse_against_file(text: str, base: ParsedURL | None) -> ParsedURL:
    """`new URL(text, base)` for a `file:` base (or none), `text` holding no scheme."""
    frag: str | None = None
    query: str | None = None
    if (i := text.find("#")) >= 0:
        text, frag = text[:i], text[i + 1 :]
    if (i := text.find("?")) >= 0:
        text, query = text[:i], text[i + 1 :]
    text = text.replace("\\", "/")
    host = base.host if base is not None else ""
    if text.startswith("//"):
        rest = text[2:]
        slash = rest.find("/")
        host, path = (rest, "") if slash < 0 else (rest[:slash], rest[slash + 1 :])
        host = host.lower()
        if host == "localhost":
            host = ""
        pathname = _parse_path(path, [])
    elif text.startswith("/"):
        pathname = _parse_path(text[1:], [])
    elif text == "" and base is not None:
        pathname = base.pathname
        if query is None:
            query = base.search[1:] if base.search else None
    else:
        segments = base.pathname.split("/")[1:-1] if base is not None else []
        pathname = _parse_path(text, segments)
    search = "" if query is None else "?" + _escape(query, lambda c: _plain(c, _QUERY_ESCAPES))
    hash_ = "" if frag is None else "#" + _escape(frag, lambda c: _plain(c, _HASH_ESCAPES))
    return ParsedURL("file:", pathname, search, hash_, host)


def parse_url(text: str, base: ParsedURL | None) -> ParsedURL | None:
    """`new URL(text, base)`, or None where it throws."""
    text = text.strip("".join(map(chr, range(0x21)))).replace("\t", "").replace("\n", "").replace("\r", "")
    if match := _SCHEME_RE.match(text):
        scheme = match.group()[:-1].lower()
        rest = text[match.end() :]
        if scheme == "file":
            file_base = base if base is not None and base.protocol == "file:" else None
            if rest.startswith(("/", "\\")):
                return _parse_against_file(rest, file_base)
            return _parse_against_file(rest, file_base or ParsedURL("file:", "/"))
        if scheme in _SPECIAL_NON_FILE and not re.match(r"[/\\]*[^/\\?#]", rest):
            return None  # a special URL needs a host
        return ParsedURL(scheme + ":", opaque=scheme + ":" + rest)
    if base is None or base.protocol != "file:":
        return None
    return _parse_against_file(text, base)


def _decode_uri_component(text: str) -> str:
    if "%" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] != "%":
            out.append(text[i])
            i += 1
            continue
        raw = bytearray()
        while i < len(text) and text[i] == "%":
            pair = text[i + 1 : i + 3]
            if len(pair) != 2 or not all(c in "0123456789abcdefABCDEF" for c in pair):
                raise ResolveError("", "URI malformed", error_class="URIError")
            raw.append(int(pair, 16))
            i += 3
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise ResolveError("", "URI malformed", error_class="URIError") from None
    return "".join(out)


def file_url_to_path(url: ParsedURL) -> str:
    """`url.fileURLToPath` on Linux."""
    if url.protocol != "file:":
        raise ResolveError("ERR_INVALID_URL_SCHEME", "The URL must be of scheme file", error_class="TypeError")
    if url.host:
        raise ResolveError(
            "ERR_INVALID_FILE_URL_HOST", 'File URL host must be "localhost" or empty on linux', error_class="TypeError"
        )
    if re.search("%2f", url.pathname, re.IGNORECASE):
        raise ResolveError(
            "ERR_INVALID_FILE_URL_PATH", "File URL path must not include encoded / characters", error_class="TypeError"
        )
    return _decode_uri_component(url.pathname)


def path_to_file_url(path: str) -> ParsedURL:
    """`url.pathToFileURL` of an absolute, normalised guest path (a trailing `/` is kept)."""
    return ParsedURL("file:", _escape(path, lambda c: _plain(c, _FILE_PATH_ESCAPES)))


def url_dir(url: ParsedURL) -> ParsedURL:
    """`new URL('.', url)`."""
    return ParsedURL("file:", url.pathname[: url.pathname.rfind("/") + 1], host=url.host)


def base_path(base: ParsedURL) -> str:
    """`fileURLToPath(base)` for messages (the URL itself when it is not a file path)."""
    try:
        return file_url_to_path(base)
    except ResolveError:
        return base.href


def should_be_treated_as_path(specifier: str) -> bool:
    return specifier.startswith("/") or is_relative_specifier(specifier)


def is_relative_specifier(specifier: str) -> bool:
    return bool(re.match(r"\.\.?(/|\Z)", specifier))


def posix_normalize(path: str) -> str:
    """`path.posix.normalize` of a relative path."""
    out: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == ".." and out and out[-1] != "..":
            out.pop()
        else:
            out.append(part)
    return "/".join(out) or "."


def posix_relative(start: str, to: str) -> str:
    """`path.posix.relative` of two absolute paths."""
    a = [p for p in start.split("/") if p]
    b = [p for p in to.split("/") if p]
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return "/".join([".."] * (len(a) - common) + b[common:])


def encode_uri_component(text: str) -> str:
    return _escape(text, lambda c: c.isascii() and (c.isalnum() or c in "-_.!~*'()"))
