"""The answers of module resolution: `Resolved` and `ResolveError` (see `_modules`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["Format", "Kind", "ResolveError", "Resolved"]

Format = Literal["builtin", "commonjs", "module", "json", "wasm", "addon", "commonjs-typescript", "module-typescript"]
Kind = Literal["require", "import"]


@dataclass(frozen=True, slots=True)
class Resolved:
    """Where a specifier leads.

    - `path`: the canonical guest path; for a builtin, the id Node reports
      (`require.resolve` returns the request as written, `'fs'` or `'node:fs'`;
      `import` gives the `node:` URL).
    - `format`: how Node 22.20 runs the file. An ambiguous `.js`, `.ts` or
      extensionless file (no package `type`) is reported as CommonJS; Node then
      runs it as ESM if its syntax says so, which is the loader's call. Node
      22.20 strips TypeScript types by default (the `-typescript` formats) and
      imports `.wasm` unflagged.
    - `suffix`: an `import`'s URL `?search#hash` as Node's final URL keeps it
      (part of the module's identity for ESM; an empty `?` or `#` is dropped),
      else `""`.
    - `warnings`: `(code, message)` deprecation warnings Node emits while
      resolving (`DEP0128` for a bad `main`, `DEP0151` for ESM `main` guessing).
    """

    path: str
    format: Format
    suffix: str = ""
    warnings: tuple[tuple[str, str], ...] = ()


class ResolveError(Exception):
    """A resolution failure, shaped as Node throws it.

    `code` is Node's `err.code` (`""` for the one error Node gives no code,
    a `URIError` from a malformed percent-encoding); `message` is Node's exact
    text; `error_class` the JS constructor (`Error`, `TypeError`, `URIError`);
    `fields` the other own properties Node sets (`requireStack`, `path`,
    `requestPath`, `url`, ...).
    """

    def __init__(
        self, code: str, message: str, *, error_class: str = "Error", fields: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.error_class = error_class
        self.fields: dict[str, Any] = dict(fields or {})

    def __str__(self) -> str:
        return self.message

    def to_payload(self) -> dict[str, Any]:
        """The bridge shape: `name`, `message`, `code` (when Node sets one) and the extra properties."""
        out: dict[str, Any] = {"name": self.error_class, "message": self.message}
        if self.code:
            out["code"] = self.code
        out.update(self.fields)
        return out
