"""The Python half of `node:zlib` and CompressionStream: real deflate, gzip and brotli.

The zlib formats use Python's `zlib` module (the system zlib); brotli uses the C API
of the brotli library that the `brotli` package's extension module exports, through
ctypes, so that the guest gets every encoder parameter and the decoder's own error
codes (``ERR__ERROR_FORMAT_PADDING_1`` ...) as under Node.

A stream keeps one engine in the execution's handle table. `zlib.write` feeds it
input and returns at most `limit` bytes of output with a flag saying whether more
output is pending (the guest then calls again with no input): a decompression bomb
is inflated one chunk at a time, never all at once. `zlib.oneshot` runs the
convenience forms (`inflateSync`, ...) in one call, failing with Node's
``ERR_BUFFER_TOO_LARGE`` as soon as the output would pass the guest's bound.
"""

from __future__ import annotations

import ctypes
import zlib as _zlib
from typing import Any

from . import LibError, LibState, register

# Node's zlib modes (zlib.constants).
DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE = range(1, 10)
Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK = range(6)
BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH = range(3)

#: Largest output one `zlib.write` call returns, whatever chunk size the guest asked for.
MAX_PIECE = 1 << 20
#: Input handed to the decompressor per step (bounds the copies a bomb's many steps make).
IN_PIECE = 1 << 16

_ZLIB_CODES = {
    1: "Z_STREAM_END",
    2: "Z_NEED_DICT",
    -1: "Z_ERRNO",
    -2: "Z_STREAM_ERROR",
    -3: "Z_DATA_ERROR",
    -4: "Z_MEM_ERROR",
    -5: "Z_BUF_ERROR",
    -6: "Z_VERSION_ERROR",
}


def _zerror(errno: int, message: str) -> LibError:
    return LibError(message, _ZLIB_CODES.get(errno, "Z_UNKNOWN"), "Error", errno=errno)


def _unexpected_end() -> LibError:
    return _zerror(-5, "unexpected end of file")


def _from_zlib_error(exc: _zlib.error) -> LibError:
    """'Error -3 while decompressing data: incorrect header check' -> Node's error."""
    text = str(exc)
    errno = -3
    message = text
    if text.startswith("Error "):
        head, _, rest = text.partition(" while ")
        try:
            errno = int(head[6:])
        except ValueError:
            errno = -3
        _, sep, detail = rest.partition(": ")
        message = detail if sep else ""
    if "setting zdict" in text:
        # inflateSetDictionary refused the guest's dictionary: Node reports Z_NEED_DICT.
        errno, message = 2, "Bad dictionary"
    elif errno == 2:
        message = "Missing dictionary"
    elif errno == -5 and not message:
        message = "unexpected end of file"
    elif not message:
        message = {-2: "stream error", -3: "data error", -4: "insufficient memory"}.get(errno, "zlib error")
    return _zerror(errno, message)


class _ZlibEngine:
    """deflate/inflate/gzip/gunzip/raw/unzip over Python's zlib objects."""

    def __init__(
        self, mode: int, level: int, window_bits: int, mem_level: int, strategy: int, dictionary: bytes | None
    ) -> None:
        self.mode = mode
        self.level = level
        self.window_bits = window_bits
        self.mem_level = mem_level
        self.strategy = strategy
        self.dictionary = dictionary
        self.bytes_in = 0
        self.reset()

    @property
    def compressing(self) -> bool:
        return self.mode in (DEFLATE, GZIP, DEFLATERAW)

    def _wbits(self) -> int:
        wb = self.window_bits
        if self.compressing:
            wb = max(wb, 9)  # zlib turns 8 into 9 for deflate, as in Node
            return {DEFLATE: wb, GZIP: 16 + wb, DEFLATERAW: -wb}[self.mode]
        if self.mode == INFLATERAW:
            return -(wb or 15)
        if self.mode == GUNZIP:
            return 16 + (wb or 15)
        if self.mode == UNZIP:
            return 32 + (wb or 15)
        return wb

    def reset(self) -> None:
        try:
            if self.compressing:
                if self.dictionary is not None:
                    self.obj: Any = _zlib.compressobj(
                        self.level, _zlib.DEFLATED, self._wbits(), self.mem_level, self.strategy, self.dictionary
                    )
                else:
                    self.obj = _zlib.compressobj(
                        self.level, _zlib.DEFLATED, self._wbits(), self.mem_level, self.strategy
                    )
            elif self.dictionary is not None:
                self.obj = _zlib.decompressobj(self._wbits(), self.dictionary)
            else:
                self.obj = _zlib.decompressobj(self._wbits())
        except (_zlib.error, ValueError) as exc:
            raise LibError("Init error", "ERR_ZLIB_INITIALIZATION_FAILED") from exc
        self.tail = b""
        self.pos = 0
        self.ended = False
        self.finished = False
        self.gzip_member = self.mode == GUNZIP
        self.member_done = False
        self.head = b""

    def write(self, data: bytes, flush: int, limit: int) -> tuple[bytes, bool]:
        self.bytes_in += len(data)
        if self.compressing:
            return self._compress(data, flush), False
        return self._decompress(data, flush, limit)

    def _compress(self, data: bytes, flush: int) -> bytes:
        if self.finished:
            return b""
        try:
            out = self.obj.compress(data)
            if flush != Z_NO_FLUSH:
                out += self.obj.flush(flush)
                if flush == Z_FINISH:
                    self.finished = True
        except _zlib.error as exc:
            raise _from_zlib_error(exc) from exc
        return bytes(out)

    def _decompress(self, data: bytes, flush: int, limit: int) -> tuple[bytes, bool]:
        if self.ended:
            return b"", False
        if self.member_done:
            # A gzip member ended exactly at the end of the last input: what follows decides.
            if not data:
                return b"", False
            if data[0] == 0:
                self.ended = True
                return b"", False
            self.member_done = False
            self.obj = _zlib.decompressobj(16 + (self.window_bits or 15))
        if self.mode == UNZIP and len(self.head) < 2:
            self.head += data[: 2 - len(self.head)]
            if self.head[:1] == b"\x1f" and (len(self.head) < 2 or self.head == b"\x1f\x8b"):
                self.gzip_member = True
            else:
                self.gzip_member = False
        self._feed(data)
        out = bytearray()
        while len(out) < limit:
            view = memoryview(self.tail)[self.pos : self.pos + IN_PIECE]
            try:
                piece = self.obj.decompress(view, limit - len(out))
            except _zlib.error as exc:
                raise _from_zlib_error(exc) from exc
            out += piece
            # At the end of a stream the leftover is in unused_data (unconsumed_tail may be stale).
            left = self.obj.unused_data if self.obj.eof else self.obj.unconsumed_tail
            self.pos += len(view) - len(left)
            if self.obj.eof:
                rest = memoryview(self.tail)[self.pos :]
                # Node's gunzip reads on after a member's end unless the next byte is a zero (padding).
                if self.gzip_member and len(rest) and rest[0] != 0:
                    self.obj = _zlib.decompressobj(16 + (self.window_bits or 15))
                    continue
                if self.gzip_member and not len(rest):
                    self.member_done = True
                else:
                    self.ended = True
                self._feed(b"", drop=True)
                return bytes(out), False
            if not piece and not len(view):
                break
        if len(out) >= limit or self.pos < len(self.tail):
            return bytes(out), True
        if flush == Z_FINISH:
            raise _unexpected_end()
        return bytes(out), False

    def _feed(self, data: bytes, drop: bool = False) -> None:
        """Append input after what is left; `drop` forgets all of it."""
        if drop:
            self.tail, self.pos = b"", 0
        elif data:
            self.tail = bytes(memoryview(self.tail)[self.pos :]) + data if self.pos < len(self.tail) else data
            self.pos = 0

    def params(self, level: int, strategy: int) -> None:
        if not self.compressing:
            return
        if (level, strategy) == (self.level, self.strategy):
            return
        raise LibError("zlib.params is not supported in sandbox", "ERR_NOT_SUPPORTED_IN_SANDBOX")


# ---------------------------------------------------------------- brotli, through its C API

_u8p = ctypes.POINTER(ctypes.c_uint8)
_size_p = ctypes.POINTER(ctypes.c_size_t)


def _load_brotli() -> ctypes.CDLL | None:
    try:
        import _brotli  # type: ignore[import-not-found]

        lib = ctypes.CDLL(_brotli.__file__)
    except (ImportError, OSError):  # pragma: no cover - brotli is a dependency
        return None
    lib.BrotliEncoderCreateInstance.restype = ctypes.c_void_p
    lib.BrotliEncoderCreateInstance.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    lib.BrotliEncoderDestroyInstance.argtypes = [ctypes.c_void_p]
    lib.BrotliEncoderSetParameter.restype = ctypes.c_int
    lib.BrotliEncoderSetParameter.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32]
    lib.BrotliEncoderCompressStream.restype = ctypes.c_int
    lib.BrotliEncoderCompressStream.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        _size_p,
        ctypes.POINTER(_u8p),
        _size_p,
        ctypes.POINTER(_u8p),
        ctypes.c_void_p,
    ]
    lib.BrotliEncoderHasMoreOutput.restype = ctypes.c_int
    lib.BrotliEncoderHasMoreOutput.argtypes = [ctypes.c_void_p]
    lib.BrotliDecoderCreateInstance.restype = ctypes.c_void_p
    lib.BrotliDecoderCreateInstance.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    lib.BrotliDecoderDestroyInstance.argtypes = [ctypes.c_void_p]
    lib.BrotliDecoderSetParameter.restype = ctypes.c_int
    lib.BrotliDecoderSetParameter.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32]
    lib.BrotliDecoderDecompressStream.restype = ctypes.c_int
    lib.BrotliDecoderDecompressStream.argtypes = [
        ctypes.c_void_p,
        _size_p,
        ctypes.POINTER(_u8p),
        _size_p,
        ctypes.POINTER(_u8p),
        ctypes.c_void_p,
    ]
    lib.BrotliDecoderHasMoreOutput.restype = ctypes.c_int
    lib.BrotliDecoderHasMoreOutput.argtypes = [ctypes.c_void_p]
    lib.BrotliDecoderGetErrorCode.restype = ctypes.c_int
    lib.BrotliDecoderGetErrorCode.argtypes = [ctypes.c_void_p]
    lib.BrotliDecoderErrorString.restype = ctypes.c_char_p
    lib.BrotliDecoderErrorString.argtypes = [ctypes.c_int]
    return lib


_BROTLI: ctypes.CDLL | None = None
_BROTLI_LOADED = False


def _brotli() -> ctypes.CDLL:
    global _BROTLI, _BROTLI_LOADED
    if not _BROTLI_LOADED:
        _BROTLI_LOADED = True
        _BROTLI = _load_brotli()
    if _BROTLI is None:
        raise LibError("brotli is not supported in sandbox", "ERR_NOT_SUPPORTED_IN_SANDBOX")
    return _BROTLI


# BrotliDecoderResult
_DEC_ERROR, _DEC_SUCCESS, _DEC_NEEDS_INPUT, _DEC_NEEDS_OUTPUT = range(4)


class _BrotliEngine:
    """One BrotliEncoderState or BrotliDecoderState, freed with the engine."""

    def __init__(self, mode: int, params: dict[int, int]) -> None:
        self.mode = mode
        self.params = params
        self.bytes_in = 0
        self.state: int | None = None
        self.reset()

    @property
    def compressing(self) -> bool:
        return self.mode == BROTLI_ENCODE

    def _free(self) -> None:
        if self.state is not None:
            lib = _brotli()
            if self.compressing:
                lib.BrotliEncoderDestroyInstance(self.state)
            else:
                lib.BrotliDecoderDestroyInstance(self.state)
            self.state = None

    def __del__(self) -> None:
        try:
            self._free()
        except LibError:  # pragma: no cover
            pass

    def reset(self) -> None:
        self._free()
        lib = _brotli()
        if self.compressing:
            state = lib.BrotliEncoderCreateInstance(None, None, None)
            setter = lib.BrotliEncoderSetParameter
        else:
            state = lib.BrotliDecoderCreateInstance(None, None, None)
            setter = lib.BrotliDecoderSetParameter
        if not state:
            raise LibError("Initialization failed", "ERR_ZLIB_INITIALIZATION_FAILED")
        self.state = state
        for key, value in self.params.items():
            if not setter(state, key, value):
                self._free()
                raise LibError("Initialization failed", "ERR_ZLIB_INITIALIZATION_FAILED")
        self.tail = b""
        self.pos = 0
        self.ended = False
        self.failed = False

    def _feed(self, data: bytes, drop: bool = False) -> None:
        if drop:
            self.tail, self.pos = b"", 0
        elif data:
            self.tail = bytes(memoryview(self.tail)[self.pos :]) + data if self.pos < len(self.tail) else data
            self.pos = 0

    def _step(self, op: int | None, room: int) -> tuple[bytes, int]:
        """One encoder/decoder call on the next slice of input; returns (output, result)."""
        lib = _brotli()
        piece = self.tail[self.pos : self.pos + IN_PIECE]
        src = ctypes.create_string_buffer(piece, len(piece)) if piece else ctypes.create_string_buffer(1)
        buf = ctypes.create_string_buffer(room)
        avail_in = ctypes.c_size_t(len(piece))
        next_in = ctypes.cast(src, _u8p)
        avail_out = ctypes.c_size_t(room)
        next_out = ctypes.cast(buf, _u8p)
        if op is None:
            result = lib.BrotliDecoderDecompressStream(
                self.state,
                ctypes.byref(avail_in),
                ctypes.byref(next_in),
                ctypes.byref(avail_out),
                ctypes.byref(next_out),
                None,
            )
        else:
            result = lib.BrotliEncoderCompressStream(
                self.state,
                op,
                ctypes.byref(avail_in),
                ctypes.byref(next_in),
                ctypes.byref(avail_out),
                ctypes.byref(next_out),
                None,
            )
        self.pos += len(piece) - avail_in.value
        return buf.raw[: room - avail_out.value], result

    def write(self, data: bytes, flush: int, limit: int) -> tuple[bytes, bool]:
        self.bytes_in += len(data)
        if self.state is None or self.failed:
            raise LibError("zlib binding closed", "ERR_ZLIB_BINDING_CLOSED")
        limit = max(1, min(limit, MAX_PIECE))
        lib = _brotli()
        out = bytearray()
        if self.compressing:
            self._feed(data)
            op = flush if flush in (BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH) else 0
            while len(out) < limit:
                # Flush and finish apply to the last slice of input; the slices before it are processed.
                last = len(self.tail) - self.pos <= IN_PIECE
                piece, ok = self._step(op if last else BROTLI_OPERATION_PROCESS, limit - len(out))
                if not ok:
                    self.failed = True
                    raise LibError("Compression failed", "ERR_BROTLI_COMPRESSION_FAILED")
                out += piece
                if self.pos >= len(self.tail) and not lib.BrotliEncoderHasMoreOutput(self.state):
                    self._feed(b"", drop=True)
                    return bytes(out), False
            return bytes(out), True
        if self.ended:
            return b"", False
        self._feed(data)
        while True:
            piece, result = self._step(None, limit - len(out))
            out += piece
            if result == _DEC_ERROR:
                self.failed = True
                code = lib.BrotliDecoderGetErrorCode(self.state)
                name = (lib.BrotliDecoderErrorString(code) or b"_ERROR_UNREACHABLE").decode("ascii", "replace")
                raise LibError("Decompression failed", f"ERR_{name}", "Error", errno=code)
            if result == _DEC_SUCCESS:
                self.ended = True
                self._feed(b"", drop=True)
                return bytes(out), False
            if result == _DEC_NEEDS_OUTPUT:
                if len(out) >= limit:
                    return bytes(out), True
                continue
            if self.pos < len(self.tail):
                continue
            # Needs more input than there is.
            if flush == BROTLI_OPERATION_FINISH:
                raise _unexpected_end()
            return bytes(out), False


_Engine = _ZlibEngine | _BrotliEngine


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _make_engine(mode: Any, opts: Any) -> _Engine:
    if not isinstance(mode, int) or not isinstance(opts, dict):
        raise LibError("invalid zlib arguments", "ERR_INVALID_ARG_VALUE", "TypeError")
    if mode in (BROTLI_DECODE, BROTLI_ENCODE):
        raw = opts.get("params") or {}
        params: dict[int, int] = {}
        if isinstance(raw, dict):
            for key, value in raw.items():
                params[int(key)] = int(value) & 0xFFFFFFFF
        return _BrotliEngine(mode, params)
    if mode not in (DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP):
        raise LibError("Bad argument", "ERR_INVALID_ARG_VALUE", "TypeError")
    dictionary = opts.get("dictionary")
    return _ZlibEngine(
        mode,
        _int(opts.get("level"), -1),
        _int(opts.get("windowBits"), 15),
        _int(opts.get("memLevel"), 8),
        _int(opts.get("strategy"), 0),
        bytes(dictionary) if isinstance(dictionary, (bytes, bytearray)) else None,
    )


def _limit(value: Any) -> int:
    return max(1, min(_int(value, 16384), MAX_PIECE))


@register("zlib.open")
def zlib_open(state: LibState, mode: Any, opts: Any) -> int:
    """A streaming engine for one `Deflate`/`Gunzip`/`BrotliCompress`... object."""
    return state.add(_make_engine(mode, opts))


@register("zlib.write")
def zlib_write(state: LibState, handle: Any, data: Any, flush: Any, limit: Any) -> list[Any]:
    """Feed `data` (b'' to drain) with a flush flag; returns [output, more_pending, bytes_in]."""
    engine = state.get(handle, (_ZlibEngine, _BrotliEngine))
    if not isinstance(data, bytes):
        raise LibError("invalid zlib input", "ERR_INVALID_ARG_TYPE", "TypeError")
    out, more = engine.write(data, _int(flush, 0), _limit(limit))
    return [out, more]


@register("zlib.reset")
def zlib_reset(state: LibState, handle: Any) -> None:
    state.get(handle, (_ZlibEngine, _BrotliEngine)).reset()


@register("zlib.params")
def zlib_params(state: LibState, handle: Any, level: Any, strategy: Any) -> None:
    engine = state.get(handle, (_ZlibEngine, _BrotliEngine))
    if isinstance(engine, _ZlibEngine):
        engine.params(_int(level, -1), _int(strategy, 0))


@register("zlib.close")
def zlib_close(state: LibState, handle: Any) -> None:
    obj = state.get(handle, (_ZlibEngine, _BrotliEngine))
    if isinstance(obj, _BrotliEngine):
        obj._free()
    state.release(handle)


@register("zlib.oneshot")
def zlib_oneshot(state: LibState, mode: Any, opts: Any, data: Any, flush: Any, max_output: Any) -> bytes:
    """A whole `inflateSync(...)`: output bounded by `max_output` (Node's maxOutputLength)."""
    if not isinstance(data, bytes):
        raise LibError("invalid zlib input", "ERR_INVALID_ARG_TYPE", "TypeError")
    cap = _int(max_output, 0)
    if cap < 1:
        raise LibError("invalid maxOutputLength", "ERR_OUT_OF_RANGE", "RangeError")
    engine = _make_engine(mode, opts)
    fl = _int(flush, Z_FINISH)
    out = bytearray()
    try:
        chunk, more = engine.write(data, fl, min(cap + 1, MAX_PIECE))
        out += chunk
        while more and len(out) <= cap:
            chunk, more = engine.write(b"", fl, min(cap + 1 - len(out), MAX_PIECE))
            out += chunk
        if len(out) > cap:
            raise LibError(f"Cannot create a Buffer larger than {cap} bytes", "ERR_BUFFER_TOO_LARGE", "RangeError")
    finally:
        if isinstance(engine, _BrotliEngine):
            engine._free()
    return bytes(out)


@register("zlib.crc32")
def zlib_crc32(state: LibState, data: Any, value: Any) -> int:
    if not isinstance(data, bytes):
        raise LibError("invalid crc32 input", "ERR_INVALID_ARG_TYPE", "TypeError")
    return _zlib.crc32(data, _int(value, 0) & 0xFFFFFFFF)
