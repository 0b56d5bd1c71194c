"""Frames between the host and a V8 worker process.

A frame is ``[u32 length][u8 type][u32 exec][u32 seq][u16 name length][name][payload]``,
big-endian, where ``length`` counts every byte after itself. ``payload`` is msgpack.
The name travels outside the payload so that a reader can refuse an oversized frame,
and say which bridge function sent it, without decoding anything.
"""

from __future__ import annotations

import enum
import struct
from typing import Any

import msgpack

PREFIX = struct.Struct(">I")
HEADER = struct.Struct(">BIIH")
HEADER_SIZE = PREFIX.size + HEADER.size
#: No frame may exceed this, whatever the configured payload limits (64 MiB + slack).
MAX_FRAME_BYTES = 64 * 1024 * 1024 + 64 * 1024


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


def pack(value: Any) -> bytes:
    data: bytes = msgpack.packb(value, use_bin_type=True)
    return data


def unpack(data: bytes) -> Any:
    return msgpack.unpackb(data, raw=False, strict_map_key=False)


def encode_frame(kind: FrameType, exec_id: int, seq: int, name: str, payload: Any) -> bytes:
    return encode_raw_frame(kind, exec_id, seq, name, pack(payload))


def encode_raw_frame(kind: FrameType, exec_id: int, seq: int, name: str, body: bytes) -> bytes:
    name_bytes = name.encode()
    length = HEADER.size + len(name_bytes) + len(body)
    return PREFIX.pack(length) + HEADER.pack(kind, exec_id, seq, len(name_bytes)) + name_bytes + body


def parse_header(data: bytes) -> tuple[int, FrameType, int, int, int]:
    """Split the fixed header; returns (length, type, exec, seq, name length)."""
    (length,) = PREFIX.unpack_from(data)
    kind, exec_id, seq, name_len = HEADER.unpack_from(data, PREFIX.size)
    return length, FrameType(kind), exec_id, seq, name_len


def payload_size(length: int, name_len: int) -> int:
    return length - HEADER.size - name_len
