"""Web platform builtins in the sandbox: limits, abuse and checks that are not byte parity.

Every test runs real JavaScript in a fresh runtime.
"""

from __future__ import annotations

import json

import pytest

from secure_exec import NodeRuntime


async def _run(code: str, **options: object) -> tuple[int, str, str]:
    runtime = await NodeRuntime.create(**options)  # type: ignore[arg-type]
    out, err = bytearray(), bytearray()
    try:
        result = await runtime.exec(
            code, file_path="/root/index.js", timeout=60, on_stdout=out.extend, on_stderr=err.extend
        )
    finally:
        await runtime.aclose()
    return result.exit_code, out.decode(), err.decode()


@pytest.mark.asyncio
async def test_huge_and_hostile_urls_fail_cleanly() -> None:
    code, out, _ = await _run(
        """
        const results = [];
        const long = 'http://h/' + 'a'.repeat(512 * 1024);
        results.push(new URL(long).pathname.length);
        results.push(URL.canParse('http://' + 'x.'.repeat(100000) + 'com'));
        try { new URL('http://[' + ':'.repeat(100000) + ']/'); } catch (e) { results.push(e.code); }
        const params = new URLSearchParams('a=1&'.repeat(200000));
        results.push(params.size);
        params.sort();
        results.push(params.toString().length);
        console.log(JSON.stringify(results));
        """
    )
    assert code == 0
    # Node (ada) accepts host names of any length; so does the sandbox.
    assert json.loads(out) == [512 * 1024 + 1, True, "ERR_INVALID_URL", 200000, 200000 * 4 - 1]


@pytest.mark.asyncio
async def test_url_too_big_for_the_heap_is_a_clean_memory_limit_error() -> None:
    # whatwg-url holds one array slot per code point while parsing, so a URL of
    # tens of MB exceeds a small heap: the execution ends with the memory
    # limit error, and the runtime stays usable.
    runtime = await NodeRuntime.create(memory_limit_mb=64)
    try:
        result = await runtime.exec("new URL('http://h/' + 'a'.repeat(32 * 1024 * 1024));", timeout=60)
        assert result.exit_code != 0
        assert result.error is not None and "Memory limit exceeded" in str(result.error)
        out = bytearray()
        again = await runtime.exec("console.log(new URL('http://ok/').host)", on_stdout=out.extend, timeout=60)
        assert again.exit_code == 0 and out == b"ok\n"
    finally:
        await runtime.aclose()


@pytest.mark.asyncio
async def test_listener_exception_is_fatal_at_nodes_throw_site() -> None:
    code, out, err = await _run(
        """
        const et = new EventTarget();
        et.addEventListener('x', () => { throw new TypeError('listener failed'); });
        et.dispatchEvent(new Event('x'));
        console.log('dispatch finished');
        """
    )
    assert code == 1
    assert out == "dispatch finished\n"
    assert err.startswith("node:internal/event_target:1101\n  process.nextTick(() => { throw err; });\n")
    assert "TypeError: listener failed" in err


@pytest.mark.asyncio
async def test_frozen_clocks_hold_performance_and_events_still() -> None:
    code, out, _ = await _run(
        """
        const t0 = performance.now();
        let x = 0;
        for (let i = 0; i < 1e6; i++) x += i;
        performance.mark('a');
        const m = performance.measure('m', 'a');
        const e = new Event('e');
        setTimeout(() => {
          console.log(JSON.stringify([t0, performance.now(), m.duration, e.timeStamp, performance.timeOrigin === Date.now()]));
        }, 5);
        """
    )
    assert code == 0
    assert json.loads(out) == [0, 0, 0, 0, True]


@pytest.mark.asyncio
async def test_timing_off_lets_performance_advance() -> None:
    code, out, _ = await _run(
        """
        const t0 = performance.now();
        setTimeout(() => console.log(JSON.stringify([t0 >= 0, performance.now() > t0])), 20);
        """,
        timing_mitigation="off",
    )
    assert code == 0
    assert json.loads(out) == [True, True]


@pytest.mark.asyncio
async def test_abort_signal_timeout_does_not_hold_the_loop() -> None:
    code, out, _ = await _run(
        """
        const s = AbortSignal.timeout(3_600_000);
        s.addEventListener('abort', () => console.log('never'));
        const ch = new MessageChannel();
        ch.port1.onmessage = () => console.log('never');
        ch.port1.unref();
        console.log('done');
        """
    )
    assert code == 0
    assert out == "done\n"


@pytest.mark.asyncio
async def test_message_flood_is_cloned_and_bounded() -> None:
    code, out, _ = await _run(
        """
        const { port1, port2 } = new MessageChannel();
        let n = 0;
        const payload = { big: 'x'.repeat(1024), nested: { arr: [1, 2, 3] } };
        port2.onmessage = (e) => {
          if (e.data === payload) throw new Error('not cloned');
          if (++n === 5000) { console.log('received', n); port2.close(); }
        };
        for (let i = 0; i < 5000; i++) port1.postMessage(payload);
        const buf = new ArrayBuffer(16);
        port1.postMessage(buf, [buf]);
        console.log('detached', buf.byteLength, buf.detached);
        """
    )
    assert code == 0
    assert out == "detached 0 true\nreceived 5000\n"


@pytest.mark.asyncio
async def test_legacy_url_api_fails_with_the_unsupported_error() -> None:
    code, out, _ = await _run(
        """
        const url = require('url');
        for (const fn of ['parse', 'format', 'resolve', 'resolveObject']) {
          try { url[fn]('http://a/'); } catch (e) { console.log(e.code, e.message); }
        }
        """
    )
    assert code == 0
    assert out.splitlines() == [
        f"ERR_NOT_SUPPORTED_IN_SANDBOX url.{fn} is not supported in sandbox"
        for fn in ("parse", "format", "resolve", "resolveObject")
    ]


@pytest.mark.asyncio
async def test_object_urls_register_blobs_when_blob_exists() -> None:
    code, out, _ = await _run(
        """
        try { URL.createObjectURL({}); } catch (e) { console.log(e.code); }
        if (typeof Blob === 'function') {
          const u = URL.createObjectURL(new Blob(['hi']));
          console.log(u.startsWith('blob:nodedata:'));
          URL.revokeObjectURL(u);
        } else {
          console.log(true);
        }
        """
    )
    assert code == 0
    assert out == "ERR_INVALID_ARG_TYPE\ntrue\n"
