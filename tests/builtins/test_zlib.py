"""node:zlib beyond the parity corpus: interchange with host Node, bombs, abuse.

* every format compressed in the sandbox decompresses under host Node, and the
  reverse (the two sides use different zlib builds);
* a 10 GB gzip bomb gives a clean ``ERR_BUFFER_TOO_LARGE`` in the sync forms and
  bounded chunks in the stream form, and the worker carries on;
* guest code cannot reach or forge the library handles behind the streams.
"""

from __future__ import annotations

import base64
import json
import subprocess
import zlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from conftest import host_node
from secure_exec import NodeRuntime
from secure_exec.permissions import Permissions

pytestmark = pytest.mark.asyncio(loop_scope="module")

FORMATS = {
    "gzip": ("gzipSync", "gunzipSync"),
    "deflate": ("deflateSync", "inflateSync"),
    "raw": ("deflateRawSync", "inflateRawSync"),
    "brotli": ("brotliCompressSync", "brotliDecompressSync"),
}
TEXT = "sandbox ↔ host zlib interchange, line after line\n" * 2000


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def rt() -> AsyncIterator[NodeRuntime]:
    runtime = await NodeRuntime.create(permissions=Permissions(fs="allow"))
    try:
        yield runtime
    finally:
        await runtime.aclose()


async def run(rt: NodeRuntime, code: str, timeout: float = 60) -> tuple[int, str, str]:
    out, err = bytearray(), bytearray()
    result = await rt.exec(code, timeout=timeout, on_stdout=out.extend, on_stderr=err.extend)
    return result.exit_code, out.decode(), err.decode()


def host(code: str, tmp_path: Path, stdin: bytes = b"") -> str:
    script = tmp_path / "host.js"
    script.write_text(code)
    proc = subprocess.run([host_node(), str(script)], input=stdin, capture_output=True, timeout=60, check=True)
    return proc.stdout.decode()


async def test_sandbox_output_decompresses_under_host_node(rt: NodeRuntime, tmp_path: Path) -> None:
    code = f"""
    const zlib = require('zlib');
    const text = {json.dumps(TEXT)};
    const out = {{}};
    for (const [name, [c]] of Object.entries({json.dumps(FORMATS)})) {{
      out[name] = [-1, 1, 9].map((level) => zlib[c](text, name === 'brotli'
        ? {{ params: {{ [zlib.constants.BROTLI_PARAM_QUALITY]: level + 2 }} }} : {{ level }}).toString('base64'));
    }}
    // A streamed gzip as well, written in pieces with a flush in the middle.
    const gz = zlib.createGzip();
    const parts = [];
    gz.on('data', (c) => parts.push(c));
    gz.on('end', () => {{
      out.streamed = [Buffer.concat(parts).toString('base64')];
      console.log(JSON.stringify(out));
    }});
    gz.write(text.slice(0, 1000));
    gz.flush(() => gz.end(text.slice(1000)));
    """
    code_, stdout, stderr = await run(rt, code)
    assert code_ == 0, stderr
    assert set(json.loads(stdout)) == {*FORMATS, "streamed"}
    check = f"""
    const zlib = require('zlib');
    const packed = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    const names = {json.dumps({k: v[1] for k, v in FORMATS.items()})};
    names.streamed = 'gunzipSync';
    const text = {json.dumps(TEXT)};
    for (const [name, list] of Object.entries(packed)) {{
      for (const b64 of list) {{
        if (zlib[names[name]](Buffer.from(b64, 'base64')).toString() !== text) throw new Error(name);
      }}
    }}
    console.log(Object.keys(packed).length);
    """
    assert host(check, tmp_path, stdout.encode()).strip() == "5"


async def test_host_node_output_decompresses_in_sandbox(rt: NodeRuntime, tmp_path: Path) -> None:
    make = f"""
    const zlib = require('zlib');
    const text = {json.dumps(TEXT)};
    const out = {{}};
    for (const [name, [c]] of Object.entries({json.dumps(FORMATS)})) {{
      out[name] = [1, 6, 9].map((level) => zlib[c](text, name === 'brotli'
        ? {{ params: {{ [zlib.constants.BROTLI_PARAM_QUALITY]: level }} }} : {{ level }}).toString('base64'));
    }}
    console.log(JSON.stringify(out));
    """
    packed = host(make, tmp_path)
    await rt.write_file("/root/packed.json", packed)
    check = f"""
    const zlib = require('zlib');
    const packed = JSON.parse(require('fs').readFileSync('/root/packed.json', 'utf8'));
    const names = {json.dumps({k: v[1] for k, v in FORMATS.items()})};
    const text = {json.dumps(TEXT)};
    let n = 0;
    for (const [name, list] of Object.entries(packed)) {{
      for (const b64 of list) {{
        const data = Buffer.from(b64, 'base64');
        if (zlib[names[name]](data).toString() !== text) throw new Error(name);
        if (name === 'gzip' && zlib.unzipSync(data).toString() !== text) throw new Error('unzip');
        n++;
      }}
    }}
    // And through a stream, one byte at a time.
    const g = zlib.createBrotliDecompress();
    const parts = [];
    g.on('data', (c) => parts.push(c));
    g.on('end', () => console.log(n, Buffer.concat(parts).toString() === text));
    for (const byte of Buffer.from(packed.brotli[0], 'base64')) g.write(Buffer.from([byte]));
    g.end();
    """
    code_, stdout, stderr = await run(rt, check)
    assert (code_, stdout.strip()) == (0, "12 true"), stderr


def _bomb(gigabytes: int) -> bytes:
    """``gigabytes`` GB of zeros as concatenated gzip members (gunzip reads them all)."""
    member = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(16 << 20)
    chunks = [member.compress(zeros) for _ in range(4)]  # 64 MiB
    chunks.append(member.flush())
    one = b"".join(chunks)
    return one * (gigabytes * 16)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _bomb(10)


async def test_gzip_bomb_sync_forms_fail_cleanly(rt: NodeRuntime, bomb: bytes) -> None:
    assert len(bomb) < 16 * 1024 * 1024
    await rt.write_file("/root/bomb.gz", bomb)
    code = """
    const zlib = require('zlib');
    const bomb = require('fs').readFileSync('/root/bomb.gz');
    for (const [name, fn] of [['gunzipSync', () => zlib.gunzipSync(bomb)], ['unzipSync', () => zlib.unzipSync(bomb)],
      ['limited', () => zlib.gunzipSync(bomb, { maxOutputLength: 1 << 20 })]]) {
      try {
        fn();
        console.log(name, 'no error');
      } catch (err) {
        console.log(name, err.name, err.code);
      }
    }
    zlib.gunzip(bomb, (err) => console.log('callback', err.name, err.code));
    """
    code_, stdout, stderr = await run(rt, code)
    assert code_ == 0, stderr
    assert stdout.splitlines() == [
        "gunzipSync RangeError ERR_BUFFER_TOO_LARGE",
        "unzipSync RangeError ERR_BUFFER_TOO_LARGE",
        "limited RangeError ERR_BUFFER_TOO_LARGE",
        "callback RangeError ERR_BUFFER_TOO_LARGE",
    ]
    # The worker is alive and well.
    assert await run(rt, "console.log(require('zlib').gunzipSync(require('zlib').gzipSync('ok')).toString())") == (
        0,
        "ok\n",
        "",
    )


async def test_gzip_bomb_stream_is_bounded(rt: NodeRuntime, bomb: bytes) -> None:
    await rt.write_file("/root/bomb.gz", bomb)
    # A slow reader: the stream must pause rather than inflate ahead of it.
    code = """
    const zlib = require('zlib');
    const bomb = require('fs').readFileSync('/root/bomb.gz');
    const g = zlib.createGunzip({ chunkSize: 65536 });
    const LIMIT = 128 * 1024 * 1024;
    let total = 0;
    let biggest = 0;
    let buffered = 0;
    g.end(bomb);
    function step() {
      let chunk;
      while (total < LIMIT && (chunk = g.read(65536)) !== null) {
        total += chunk.length;
        biggest = Math.max(biggest, chunk.length);
        buffered = Math.max(buffered, g.readableLength);
      }
      if (total >= LIMIT) {
        console.log('bounded', buffered <= 4 * 65536, biggest, total);
        g.destroy();
        return;
      }
      g.once('readable', step);
    }
    g.once('readable', step);
    g.on('close', () => console.log('closed'));
    """
    code_, stdout, stderr = await run(rt, code, timeout=120)
    assert code_ == 0, stderr
    assert stdout.splitlines() == ["bounded true 65536 134217728", "closed"]


async def test_decompression_stream_bomb_is_bounded(rt: NodeRuntime, bomb: bytes) -> None:
    await rt.write_file("/root/bomb.gz", bomb[: len(bomb) // 10])
    code = """
    const bomb = require('fs').readFileSync('/root/bomb.gz');
    const ds = new DecompressionStream('gzip');
    const writer = ds.writable.getWriter();
    writer.write(bomb).catch(() => {});
    const reader = ds.readable.getReader();
    (async () => {
      let total = 0;
      for (let i = 0; i < 2000; i++) {
        const { value } = await reader.read();
        total += value.length;
      }
      console.log('read', total);
      await reader.cancel();
      console.log('cancelled');
    })();
    """
    code_, stdout, stderr = await run(rt, code, timeout=120)
    assert code_ == 0, stderr
    assert stdout.splitlines() == [f"read {2000 * 16384}", "cancelled"]


async def test_handles_are_not_reachable_or_forgeable(rt: NodeRuntime) -> None:
    code = """
    const zlib = require('zlib');
    const g = zlib.createGzip();
    g.write('x');
    const names = Object.getOwnPropertyNames(g).concat(Object.getOwnPropertySymbols(g).map(String));
    console.log(names.some((n) => /handle/i.test(n) && typeof g[n] === 'number'));
    // Forging: a fake stream object calling the prototype methods with its own handle.
    const fake = Object.create(zlib.Gzip.prototype);
    for (const sym of Object.getOwnPropertySymbols(g)) fake[sym] = 12345;
    try {
      zlib.Gzip.prototype._process.call(fake, new Uint8Array(3), 0, () => {});
      console.log('forged call returned');
    } catch (err) {
      console.log('forged', err.code || err.name);
    }
    for (const sym of Object.getOwnPropertySymbols(g)) if (typeof g[sym] === 'number') g[sym] = 1;
    g.on('error', (err) => console.log('stream error', err.code));
    g.end('more');
    """
    code_, stdout, stderr = await run(rt, code)
    assert code_ == 0, stderr
    lines = stdout.splitlines()
    assert lines[0] == "false"
    # Whatever the guest sets, the worker answers with a Node-shaped error, never a crash.
    assert all("INTERNAL" not in line for line in lines)
    assert await run(rt, "console.log(1)") == (0, "1\n", "")


async def test_zstd_and_params_are_honestly_unsupported(rt: NodeRuntime) -> None:
    code = """
    const zlib = require('zlib');
    for (const fn of [() => zlib.zstdCompressSync('x'), () => new zlib.ZstdDecompress(), () => zlib.createZstdCompress()]) {
      try { fn(); } catch (err) { console.log(err.code, err.message); }
    }
    const d = zlib.createDeflate();
    d.on('error', (err) => console.log(err.code, err.message));
    d.params(9, 0, () => console.log('params done'));
    """
    code_, stdout, stderr = await run(rt, code)
    assert code_ == 0, stderr
    assert stdout.splitlines() == [
        "ERR_NOT_SUPPORTED_IN_SANDBOX zlib.zstdCompressSync is not supported in sandbox",
        "ERR_NOT_SUPPORTED_IN_SANDBOX zlib.ZstdDecompress is not supported in sandbox",
        "ERR_NOT_SUPPORTED_IN_SANDBOX zlib.createZstdCompress is not supported in sandbox",
        "ERR_NOT_SUPPORTED_IN_SANDBOX zlib.params is not supported in sandbox",
    ]


async def test_bad_library_arguments_are_node_errors(rt: NodeRuntime) -> None:
    # The Python side checks what it is given even when the JS glue is bypassed.
    from secure_exec._engine._lib import LibState, call_lib

    state = LibState()
    assert call_lib(state, "zlib.write", [999, b"x", 0, 10])["err"]["code"] == "ERR_INVALID_STATE"
    assert call_lib(state, "zlib.open", ["x", {}])["err"]["name"] == "TypeError"
    assert call_lib(state, "zlib.open", [42, {}])["err"]["name"] == "TypeError"
    handle = call_lib(state, "zlib.open", [8, {"params": {1: 2}}])["ok"]
    assert call_lib(state, "zlib.write", [handle, "text", 0, 10])["err"]["code"] == "ERR_INVALID_ARG_TYPE"
    reply = call_lib(state, "zlib.write", [handle, b"\xff" * 50, 2, 1 << 30])
    assert reply["err"]["message"] == "Decompression failed"
    assert call_lib(state, "zlib.oneshot", [2, {}, b"x", 4, 0])["err"]["code"] == "ERR_OUT_OF_RANGE"
    out = call_lib(state, "zlib.oneshot", [4, {}, zlib.compress(b"a" * 100, wbits=31), 4, 1 << 62])["ok"]
    assert out == b"a" * 100
    assert base64.b64encode(out)
    state.close()
