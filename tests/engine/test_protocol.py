"""Frame encoding, the frame parser, and the refusal of oversized frames before decoding (plumbing)."""

from __future__ import annotations

import pytest

from secure_exec._engine._pool import payload_too_large
from secure_exec._engine._protocol import (
    HEADER_SIZE,
    Frame,
    FrameParser,
    FrameType,
    ProtocolError,
    Refused,
    encode_frame,
    encode_raw_frame,
    pack,
    unpack,
)


def test_frame_round_trip() -> None:
    payload = {"fd": 1, "data": b"\x00\xffbytes", "nested": [1, "two", None, 3.5]}
    frame = encode_frame(FrameType.POST, 7, 9, "stdio.write", payload)
    assert int.from_bytes(frame[:4], "big") == len(frame) - 4
    (parsed,) = FrameParser().feed(frame)
    assert isinstance(parsed, Frame)
    assert (parsed.kind, parsed.exec_id, parsed.seq, parsed.name) == (FrameType.POST, 7, 9, "stdio.write")
    assert parsed.body == frame[HEADER_SIZE + len("stdio.write") :]
    assert unpack(parsed.body) == payload


def test_name_is_readable_without_decoding_the_payload() -> None:
    frame = encode_frame(FrameType.CALL, 1, 1, "module.resolve", "x" * 100_000)
    split = HEADER_SIZE + len("module.resolve")
    parser = FrameParser(lambda exec_id: 1024)
    assert parser.feed(frame[:split]) == [] and parser.buffered == 0  # refused from the name alone
    (refused,) = parser.feed(frame[split:])
    assert isinstance(refused, Refused) and refused.name == "module.resolve"


def test_too_large_message_names_label_limit_and_size() -> None:
    err = payload_too_large("stdio.write", 1024, 5000)
    assert err["message"] == "ERR_SANDBOX_PAYLOAD_TOO_LARGE: stdio.write exceeds 1024 bytes (got 5000)"
    assert err["code"] == "ERR_SANDBOX_PAYLOAD_TOO_LARGE"


def test_pack_default_converts_what_msgpack_cannot() -> None:
    sentinel = object()
    body = pack({"a": [sentinel]}, lambda value: None if value is sentinel else value)
    assert unpack(body) == {"a": [None]}


# ---------------------------------------------------------------- FrameParser


def _frames(count: int) -> tuple[bytes, list[Frame]]:
    expected = [
        Frame(FrameType.CALL, 1 + i % 3, i, f"fn{i}", pack({"i": i, "data": "x" * (i * 37 % 500)}))
        for i in range(count)
    ]
    stream = b"".join(encode_raw_frame(f.kind, f.exec_id, f.seq, f.name, f.body) for f in expected)
    return stream, expected


def test_parser_splits_many_frames_from_one_read() -> None:
    stream, expected = _frames(50)
    parser = FrameParser()
    assert parser.feed(stream) == expected
    assert parser.buffered == 0


@pytest.mark.parametrize("step", [1, 2, 7, 15, 16, 100, 4096])
def test_parser_reassembles_frames_split_across_reads(step: int) -> None:
    stream, expected = _frames(20)
    parser = FrameParser()
    got: list[Frame | Refused] = []
    for i in range(0, len(stream), step):
        got.extend(parser.feed(memoryview(stream)[i : i + step]))
    assert got == expected
    assert parser.buffered == 0


def test_parser_keeps_a_partial_frame_until_it_completes() -> None:
    frame = encode_frame(FrameType.REPLY, 4, 2, "module.load", {"ok": "source"})
    parser = FrameParser()
    assert parser.feed(frame[:-1]) == []
    assert parser.buffered == len(frame) - 1
    [done] = parser.feed(frame[-1:])
    assert isinstance(done, Frame) and unpack(done.body) == {"ok": "source"}


def test_parser_accepts_empty_names_and_payloads() -> None:
    frame = encode_raw_frame(FrameType.SHUTDOWN, 0, 0, "", b"")
    assert FrameParser().feed(frame) == [Frame(FrameType.SHUTDOWN, 0, 0, "", b"")]


def test_oversized_frame_is_refused_mid_stream_without_decoding() -> None:
    garbage = b"\xc1" * 10_000  # 0xc1 is never valid msgpack: decoding it would fail
    before = encode_frame(FrameType.POST, 5, 0, "stdio.write", {"data": b"a"})
    big = encode_raw_frame(FrameType.CALL, 5, 3, "module.load", garbage)
    after = encode_frame(FrameType.CALL, 5, 4, "module.resolve", {"specifier": "x"})
    parser = FrameParser(lambda exec_id: 1024 if exec_id == 5 else 1 << 20)
    got = parser.feed(before + big + after)
    assert [type(item) for item in got] == [Frame, Refused, Frame]
    assert got[1] == Refused(FrameType.CALL, 5, 3, "module.load", len(garbage), 1024)
    assert unpack(got[2].body) == {"specifier": "x"}  # the stream stays in step


def test_oversized_frame_streamed_in_chunks_is_dropped_as_it_arrives() -> None:
    payload = b"\xc1" * (3 * 1024 * 1024 + 5)
    big = encode_raw_frame(FrameType.DONE, 9, 0, "done", payload)
    after = encode_frame(FrameType.HEARTBEAT, 0, 0, "beat", None)
    parser = FrameParser(lambda exec_id: 64 * 1024)
    stream = memoryview(big + after)
    got: list[Frame | Refused] = []
    chunk = 256 * 1024
    for i in range(0, len(stream), chunk):
        got.extend(parser.feed(stream[i : i + chunk]))
        assert parser.buffered <= chunk  # a refused payload is never accumulated
    assert got == [
        Refused(FrameType.DONE, 9, 0, "done", len(payload), 64 * 1024),
        Frame(FrameType.HEARTBEAT, 0, 0, "beat", pack(None)),
    ]


def test_refusal_waits_for_the_whole_name() -> None:
    big = encode_raw_frame(FrameType.ACALL, 2, 8, "a.rather.long.bridge.name", b"\xc1" * 5000)
    parser = FrameParser(lambda exec_id: 100)
    assert parser.feed(big[: HEADER_SIZE + 3]) == []
    assert parser.feed(big[HEADER_SIZE + 3 :]) == [
        Refused(FrameType.ACALL, 2, 8, "a.rather.long.bridge.name", 5000, 100)
    ]


def test_limit_applies_to_the_payload_only() -> None:
    body = b"y" * 100
    exact = encode_raw_frame(FrameType.CALL, 1, 1, "n" * 50, body)
    assert FrameParser(lambda exec_id: 100).feed(exact) == [Frame(FrameType.CALL, 1, 1, "n" * 50, body)]
    [refused] = FrameParser(lambda exec_id: 99).feed(exact)
    assert isinstance(refused, Refused) and refused.size == 100


@pytest.mark.parametrize(
    "header",
    [
        b"\x00\x00\x00\x0b" + bytes([0x7F]) + bytes(10),  # unknown frame type
        b"\x00\x00\x00\x0b" + bytes([0x82]) + bytes(8) + b"\x00\x10",  # name longer than the frame
    ],
)
def test_malformed_header_is_a_protocol_error(header: bytes) -> None:
    with pytest.raises(ProtocolError):
        FrameParser().feed(header)
