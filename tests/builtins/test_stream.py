"""The stream family, string_decoder and buffer extras: checks that are not parity.

Shapes Node's corpus cannot show (module identities, the unsupported
`_stream_wrap`, ESM named exports) and abuse: huge or hostile inputs get a
Node-shaped error or a bounded result, never a crashed worker.
"""

from __future__ import annotations

import json

from secure_exec import NodeRuntime


async def _run(code: str, file_path: str = "/root/main.js") -> tuple[int, str, str]:
    out: list[str] = []
    err: list[str] = []
    async with await NodeRuntime.create() as rt:
        r = await rt.exec(
            code,
            file_path=file_path,
            timeout=60,
            on_stdout=lambda b: out.append(b.decode()),
            on_stderr=lambda b: err.append(b.decode()),
        )
    return r.exit_code, "".join(out), "".join(err)


async def test_stream_shares_the_events_emitter_and_is_its_own_stream() -> None:
    code, out, err = await _run(
        """
const stream = require('stream');
const events = require('events');
console.log(JSON.stringify([
  stream === stream.Stream,
  Object.getPrototypeOf(stream.prototype) === events.prototype,
  new stream.Readable() instanceof events,
  require('node:stream') === stream,
  require('stream/promises') === stream.promises,
  typeof require('stream/web').ReadableStream,
  globalThis.ReadableStream === require('stream/web').ReadableStream,
  typeof Blob, typeof File, typeof atob, typeof btoa,
]));
"""
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == [
        True,
        True,
        True,
        True,
        True,
        "function",
        True,
        "function",
        "function",
        "function",
        "function",
    ]


async def test_stream_wrap_is_unsupported() -> None:
    code, out, _ = await _run("try { require('_stream_wrap'); } catch (e) { console.log(e.code, e.message); }")
    assert code == 0
    assert out == "ERR_NOT_SUPPORTED_IN_SANDBOX _stream_wrap is not supported in sandbox\n"


async def test_esm_named_exports() -> None:
    code, out, err = await _run(
        """
import { Readable, pipeline, duplexPair } from 'node:stream';
import { pipeline as p2 } from 'node:stream/promises';
import { text } from 'node:stream/consumers';
import { StringDecoder } from 'node:string_decoder';
import { Blob as B, atob as a, isUtf8 } from 'node:buffer';
import { ReadableStream as RS, TextDecoderStream as TDS } from 'node:stream/web';
console.log(typeof Readable, typeof pipeline, typeof duplexPair, typeof p2, typeof StringDecoder,
  B === Blob, a('YQ=='), isUtf8(Buffer.from('x')), RS === ReadableStream, typeof TDS);
console.log(await text(Readable.from(['o', 'k'])));
""",
        file_path="/root/main.mjs",
    )
    assert (code, err) == (0, "")
    assert out == "function function function function function true a true true function\nok\n"


async def test_string_decoder_on_a_large_input_is_linear_and_exact() -> None:
    code, out, err = await _run(
        """
const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf8');
const euro = Buffer.from('\\u20ac'.repeat(200000));
let s = '';
for (let i = 0; i < euro.length; i += 7) s += d.write(euro.subarray(i, i + 7));
s += d.end();
console.log(s.length, s === '\\u20ac'.repeat(200000));
"""
    )
    assert (code, err) == (0, "")
    assert out == "200000 true\n"


async def test_hostile_inputs_get_node_errors() -> None:
    code, out, err = await _run(
        """
const results = [];
const attempt = (f) => { try { f(); results.push('ok'); } catch (e) { results.push(e instanceof DOMException ? e.name : e.code ?? e.name); } };
attempt(() => Buffer.alloc(2 ** 53));
attempt(() => Buffer.alloc(-1));
attempt(() => new Blob({ [Symbol.iterator]: 5 }));
attempt(() => atob('='.repeat(1e6)));
attempt(() => btoa('\\u{1F600}'.repeat(10)));
attempt(() => new (require('string_decoder').StringDecoder)('utf-32'));
attempt(() => require('stream').Readable.fromWeb('nope'));
attempt(() => new ReadableStream({ type: 'nope' }));
console.log(results.join(' '));
"""
    )
    assert (code, err) == (0, "")
    assert out == (
        "ERR_OUT_OF_RANGE ERR_OUT_OF_RANGE ERR_INVALID_ARG_TYPE InvalidCharacterError InvalidCharacterError "
        "ERR_UNKNOWN_ENCODING ERR_INVALID_ARG_TYPE ERR_INVALID_ARG_VALUE\n"
    )


async def test_backpressure_bounds_buffered_data() -> None:
    # A fast producer into a slow consumer: the pipe pauses at highWaterMark
    # instead of buffering the whole input.
    code, out, err = await _run(
        """
const { Readable, Writable, pipeline } = require('stream');
let produced = 0, maxBuffered = 0;
const src = new Readable({ read() { if (produced >= 2000) return this.push(null); produced++; this.push(Buffer.alloc(1024)); } });
const dst = new Writable({ highWaterMark: 4096, write(c, e, cb) {
  maxBuffered = Math.max(maxBuffered, src.readableLength);
  setImmediate(cb);
} });
pipeline(src, dst, (err) => console.log(err ?? 'done', produced, maxBuffered <= 65536));
"""
    )
    assert (code, err) == (0, "")
    assert out == "done 2000 true\n"


async def test_blob_stream_and_web_adapters_round_trip_bytes() -> None:
    code, out, err = await _run(
        """
const { Readable } = require('stream');
(async () => {
  const data = Buffer.alloc(200000, 7);
  const blob = new Blob([data]);
  const parts = [];
  for await (const chunk of Readable.fromWeb(blob.stream())) parts.push(chunk);
  const back = Buffer.concat(parts);
  console.log(back.length, back.equals(data));
})();
"""
    )
    assert (code, err) == (0, "")
    assert out == "200000 true\n"
