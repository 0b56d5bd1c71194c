"""Frames between the host and a V8 worker process.

A frame is ``[u32 length][u8 type][u32 exec][u32 seq][u16 name length][name][payload]``,
big-endian, where ``length`` counts every byte after itself. ``payload`` is msgpack.
The name travels outside the payload so that a reader can refuse an oversized frame,
and say which bridge function sent it, without decoding anything.

`FrameParser` splits a byte stream into frames. Both sides use it: the host on the
worker's socket (with payload limits), the worker on its sockets from the host.
"""

from __future__ import annotations

import enum
import struct
from collections.abc import Callable
from typing import Any, NamedTuple

import msgpack

PREFIX = struct.Struct(">I")
HEADER = struct.Struct(">BIIH")
HEADER_SIZE = PREFIX.size + HEADER.size
#: The length prefix and the fixed header in one read.
_FULL_HEADER = struct.Struct(">IBIIH")
#: The payload limit of frames that belong to no known execution (the largest
#: ``payload_limit_bytes``).
MAX_PAYLOAD_BYTES = 64 * 1024 * 1024


class FrameType(enum.IntEnum):
    # host -> worker
    START = 0x01  #: start an execution; payload is its config
    EVENT = 0x02  #: an event for a running execution's loop
    REPLY = 0x03  #: the answer to a CALL (same seq)
    KILL = 0x04  #: stop an execution; payload is the reason
    SHUTDOWN = 0x05  #: finish and exit
    # worker -> host
    READY = 0x81  #: the worker is up; payload describes it
    CALL = 0x82  #: synchronous bridge call: the guest waits for REPLY
    ACALL = 0x83  #: asynchronous bridge call: answered by an EVENT {type: reply}
    POST = 0x84  #: fire-and-forget bridge call
    DONE = 0x85  #: an execution ended; payload is its outcome
    STUCK = 0x86  #: an execution ignored termination; the worker must be killed
    OVERLIMIT = 0x87  #: the worker exceeded its memory budget; payload blames an execution
    HEARTBEAT = 0x88  #: the worker's watchdog is alive (sent while executions run)
    TERMINATING = 0x89  #: the worker is about to terminate an isolate; payload: the outcome if it wedges


_FRAME_TYPES = {int(kind): kind for kind in FrameType}


def pack(value: Any, default: Callable[[Any], Any] | None = None) -> bytes:
    """msgpack; ``default`` converts what msgpack cannot pack (or raises TypeError)."""
    data: bytes = msgpack.packb(value, use_bin_type=True, default=default)
    return data


def unpack(data: bytes) -> Any:
    return msgpack.unpackb(data, raw=False, strict_map_key=False)


def encode_frame(kind: FrameType, exec_id: int, seq: int, name: str, payload: Any) -> bytes:
    return encode_raw_frame(kind, exec_id, seq, name, pack(payload))


def encode_raw_frame(kind: FrameType, exec_id: int, seq: int, name: str, body: bytes) -> bytes:
    name_bytes = name.encode()
    length = HEADER.size + len(name_bytes) + len(body)
    return _FULL_HEADER.pack(length, kind, exec_id, seq, len(name_bytes)) + name_bytes + body


class ProtocolError(Exception):
    """The byte stream is not a sequence of frames (unknown type, impossible length)."""


class Frame(NamedTuple):
    kind: FrameType
    exec_id: int
    seq: int
    name: str
    body: bytes  #: the msgpack payload, not decoded


class Refused(NamedTuple):
    """A frame whose payload exceeded the limit: its bytes were dropped undecoded."""

    kind: FrameType
    exec_id: int
    seq: int
    name: str
    size: int  #: the payload's size in bytes
    limit: int


class FrameParser:
    """Splits a byte stream, fed in chunks of any size, into frames.

    ``limit_for(exec_id)`` gives the payload limit of an execution's frames (no
    limit without it). A frame over it is refused as soon as its header and name
    have arrived: its payload is skipped as it streams in (never buffered beyond
    the chunk at hand, never decoded) and a `Refused` takes its place in the
    output, after the frames before it and before the frames after it.
    """

    def __init__(self, limit_for: Callable[[int], int] | None = None) -> None:
        self._limit_for = limit_for
        self._buf = bytearray()
        self._skip = 0  # payload bytes of a refused frame still to drop
        self._refused: Refused | None = None

    @property
    def buffered(self) -> int:
        """Bytes held for a frame not yet complete."""
        return len(self._buf)

    def feed(self, data: bytes | bytearray | memoryview) -> list[Frame | Refused]:
        out: list[Frame | Refused] = []
        if self._skip:
            # Drop a refused payload straight from the chunk, without copying it.
            dropped = min(self._skip, len(data))
            self._skip -= dropped
            if self._skip:
                return out
            assert self._refused is not None
            out.append(self._refused)
            self._refused = None
            data = memoryview(data)[dropped:]
        buf = self._buf
        buf += data
        view = memoryview(buf)  # slices of a memoryview copy once, slices of a bytearray twice
        try:
            pos = self._split(view, out)
        finally:
            view.release()  # the buffer cannot shrink while it is exported
        del buf[:pos]
        return out

    def _split(self, view: memoryview, out: list[Frame | Refused]) -> int:
        """Append the whole frames at the start of ``view`` to ``out``; returns the bytes consumed."""
        pos, end = 0, len(view)
        while end - pos >= HEADER_SIZE:
            length, kind, exec_id, seq, name_len = _FULL_HEADER.unpack_from(view, pos)
            frame_type = _FRAME_TYPES.get(kind)
            size = length - HEADER.size - name_len
            if frame_type is None or size < 0:
                raise ProtocolError(f"malformed frame header (type {kind:#x}, length {length}, name {name_len})")
            body_start = pos + HEADER_SIZE + name_len
            if body_start > end:
                break  # a frame is refused by name: wait for the whole name
            name = bytes(view[pos + HEADER_SIZE : body_start]).decode(errors="replace")
            limit = self._limit_for(exec_id) if self._limit_for is not None else None
            if limit is not None and size > limit:
                refused = Refused(frame_type, exec_id, seq, name, size, limit)
                available = min(size, end - body_start)
                pos = body_start + available
                if available < size:
                    self._skip, self._refused = size - available, refused
                    break
                out.append(refused)
                continue
            frame_end = body_start + size
            if frame_end > end:
                break
            out.append(Frame(frame_type, exec_id, seq, name, bytes(view[body_start:frame_end])))
            pos = frame_end
        return pos
