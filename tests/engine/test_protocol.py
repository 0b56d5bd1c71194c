"""Frame encoding and the host's refusal of oversized frames before decoding (plumbing)."""

from __future__ import annotations

import asyncio

from secure_exec._engine._pool import _discard, payload_too_large
from secure_exec._engine._protocol import (
    HEADER_SIZE,
    FrameType,
    encode_frame,
    pack,
    parse_header,
    payload_size,
    unpack,
)


def test_frame_round_trip() -> None:
    payload = {"fd": 1, "data": b"\x00\xffbytes", "nested": [1, "two", None, 3.5]}
    frame = encode_frame(FrameType.POST, 7, 9, "stdio.write", payload)
    length, kind, exec_id, seq, name_len = parse_header(frame[:HEADER_SIZE])
    assert (kind, exec_id, seq) == (FrameType.POST, 7, 9)
    assert length == len(frame) - 4
    assert frame[HEADER_SIZE : HEADER_SIZE + name_len] == b"stdio.write"
    body = frame[HEADER_SIZE + name_len :]
    assert len(body) == payload_size(length, name_len)
    assert unpack(body) == payload


def test_name_is_readable_without_decoding_the_payload() -> None:
    frame = encode_frame(FrameType.CALL, 1, 1, "module.resolve", "x" * 100_000)
    _, _, _, _, name_len = parse_header(frame[:HEADER_SIZE])
    assert frame[HEADER_SIZE : HEADER_SIZE + name_len].decode() == "module.resolve"


def test_too_large_message_names_label_limit_and_size() -> None:
    err = payload_too_large("stdio.write", 1024, 5000)
    assert err["message"] == "ERR_SANDBOX_PAYLOAD_TOO_LARGE: stdio.write exceeds 1024 bytes (got 5000)"
    assert err["code"] == "ERR_SANDBOX_PAYLOAD_TOO_LARGE"


async def test_discard_reads_in_bounded_chunks_and_keeps_the_stream_in_step() -> None:
    reader = asyncio.StreamReader()
    big = b"z" * (3 * 1024 * 1024 + 5)
    reader.feed_data(big + pack("next"))
    reader.feed_eof()
    await _discard(reader, len(big))
    assert unpack(await reader.read()) == "next"
