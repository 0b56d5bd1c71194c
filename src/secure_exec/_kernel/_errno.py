"""Kernel errors: POSIX codes with Node's (libuv's) wording.

A backend raises `KernelError("ENOENT")`; the kernel layer that knows the
syscall and the guest's path adds them with `with_context`, so the guest gets
`ENOENT: no such file or directory, open '/x'` with `code`, `errno`,
`syscall` and `path` set, exactly as Node shapes its `SystemError`s.
"""

from __future__ import annotations

import errno as _errno

__all__ = ["DESCRIPTIONS", "KernelError"]

#: libuv's `uv_strerror` texts, which Node puts in its messages.
DESCRIPTIONS: dict[str, str] = {
    "E2BIG": "argument list too long",
    "EACCES": "permission denied",
    "EADDRINUSE": "address already in use",
    "EADDRNOTAVAIL": "address not available",
    "EAGAIN": "resource temporarily unavailable",
    "EBADF": "bad file descriptor",
    "EBUSY": "resource busy or locked",
    "ECONNREFUSED": "connection refused",
    "ECONNRESET": "connection reset by peer",
    "EEXIST": "file already exists",
    "EFBIG": "file too large",
    "EINTR": "interrupted system call",
    "EINVAL": "invalid argument",
    "EIO": "i/o error",
    "EISDIR": "illegal operation on a directory",
    "ELOOP": "too many symbolic links encountered",
    "EMFILE": "too many open files",
    "EMSGSIZE": "message too long",
    "ENAMETOOLONG": "name too long",
    "ENOENT": "no such file or directory",
    "ENOMEM": "not enough memory",
    "ENOSPC": "no space left on device",
    "ENOSYS": "function not implemented",
    "ENOTCONN": "socket is not connected",
    "ENOTDIR": "not a directory",
    "ENOTEMPTY": "directory not empty",
    "ENOTSUP": "operation not supported on socket",
    "EPERM": "operation not permitted",
    "EPIPE": "broken pipe",
    "EROFS": "read-only file system",
    "ESPIPE": "invalid seek",
    "ESRCH": "no such process",
    "ETIMEDOUT": "connection timed out",
    "EXDEV": "cross-device link not permitted",
}


class KernelError(Exception):
    """A POSIX error raised inside the kernel.

    `errno` is the positive Linux number (Node reports it negated); `detail`
    is appended to the message after a colon (a permission policy's reason,
    an overlay's explanation).
    """

    def __init__(
        self,
        code: str,
        syscall: str | None = None,
        path: str | None = None,
        dest: str | None = None,
        *,
        detail: str | None = None,
    ) -> None:
        if code not in DESCRIPTIONS:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.errno: int = getattr(_errno, code)
        self.syscall = syscall
        self.path = path
        self.dest = dest
        self.detail = detail
        super().__init__(self.message)

    @property
    def description(self) -> str:
        return DESCRIPTIONS[self.code]

    @property
    def message(self) -> str:
        text = f"{self.code}: {self.description}"
        if self.syscall:
            text += f", {self.syscall}"
            if self.path is not None:
                text += f" '{self.path}'"
            if self.dest is not None:
                text += f" -> '{self.dest}'"
        if self.detail:
            text += f": {self.detail}"
        return text

    def __str__(self) -> str:
        return self.message

    def with_context(self, syscall: str, path: str | None = None, dest: str | None = None) -> KernelError:
        """A copy that names the syscall and the guest's path(s); keeps `detail`."""
        return KernelError(self.code, syscall, path, dest, detail=self.detail)

    def to_payload(self) -> dict[str, object]:
        """The bridge shape of this error (the guest builds a Node `SystemError`-like Error)."""
        out: dict[str, object] = {
            "message": self.message,
            "code": self.code,
            "errno": -self.errno,
            "description": self.description,
        }
        for key in ("syscall", "path", "dest", "detail"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out
