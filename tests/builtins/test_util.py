"""util, events, assert, encoding and friends: limits, isolation and abuse.

Byte-for-byte behaviour is checked by the parity corpus
(tests/builtin_corpus/{util,events,assert,encoding,...}); these tests cover
what a parity program cannot: state that must not leak between executions,
huge or hostile inputs, and guests that cannot read their own files.
"""

from __future__ import annotations

import json

from secure_exec import NodeRuntime


async def test_warn_once_state_is_per_execution(rt: NodeRuntime) -> None:
    code = """
    const util = require('util');
    util.deprecate(() => {}, 'old thing', 'DEP_X1')();
    util.isArray([]);
    require('punycode');
    require('sys');
    """
    for _ in range(2):
        r = await rt.exec(code)
        assert r.exit_code == 0, r.stderr
        assert r.stderr.count("[DEP_X1] DeprecationWarning: old thing") == 1
        assert r.stderr.count("[DEP0044]") == 1
        assert r.stderr.count("[DEP0040] DeprecationWarning: The `punycode` module is deprecated") == 1
        assert r.stderr.count("[DEP0025] DeprecationWarning: sys is deprecated. Use util instead.") == 1


async def test_builtins_loaded_by_the_bridge_do_not_warn(rt: NodeRuntime) -> None:
    # ES module imports of every family compute export names; nothing may warn
    # unless the guest itself loads punycode or sys.
    r = await rt.exec(
        "import 'node:util'; import 'node:events'; import 'node:assert'; console.log('ok')", file_path="/root/a.mjs"
    )
    assert (r.exit_code, r.stdout, r.stderr) == (0, "ok\n", "")


async def test_inspect_default_options_do_not_leak_between_executions(rt: NodeRuntime) -> None:
    r = await rt.exec("require('util').inspect.defaultOptions.depth = 0; console.log({ a: { b: 1 } })")
    assert r.stdout == "{ a: [Object] }\n"
    r = await rt.exec("console.log({ a: { b: 1 } })")
    assert r.stdout == "{ a: { b: 1 } }\n"


async def test_assert_ok_quotes_source_without_filesystem_access() -> None:
    # The failing expression comes from the source the sandbox ran, not from
    # reading the file: a guest with no fs permission gets Node's message too.
    async with await NodeRuntime.create() as rt:
        code = "const assert = require('assert');\ntry { assert.ok(1 > 2); } catch (e) { console.log(JSON.stringify(e.message)); }"
        r = await rt.exec(code, file_path="/root/app/main.js")
        assert r.exit_code == 0, r.stderr
        assert json.loads(r.stdout) == "The expression evaluated to a falsy value:\n\n  assert.ok(1 > 2)\n"


async def test_assert_ok_in_code_without_a_file_falls_back(rt: NodeRuntime) -> None:
    r = await rt.exec(
        "const assert = require('assert'); try { new Function('a', 'a.ok(0)')(assert); } catch (e) { console.log(e.message); }"
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout in ("0 == true\n", "The expression evaluated to a falsy value:\n\n  a.ok(0)\n")


async def test_text_decoder_bounds_huge_hostile_input(rt: NodeRuntime) -> None:
    code = """
    const bad = new Uint8Array(8 * 1024 * 1024).fill(0xff);
    const text = new TextDecoder().decode(bad);
    console.log(text.length, text.charCodeAt(0).toString(16), text.charCodeAt(text.length - 1).toString(16));
    const dec = new TextDecoder();
    let out = 0;
    for (let i = 0; i < 100000; i++) out += dec.decode(Uint8Array.of(0xf0, 0x9f), { stream: true }).length;
    out += dec.decode().length;
    console.log(out);
    try { new TextDecoder('utf-8', { fatal: true }).decode(bad); } catch (e) { console.log(e.code); }
    const u16 = new TextDecoder('utf-16le').decode(new Uint8Array(4 * 1024 * 1024 + 1));
    console.log(u16.length, u16.charCodeAt(u16.length - 1).toString(16));
    """
    r = await rt.exec(code, timeout=60)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == [
        f"{8 * 1024 * 1024} fffd fffd",
        # Each two-byte prefix is cut off by the next lead byte: one U+FFFD each.
        "100000",
        "ERR_ENCODING_INVALID_ENCODED_DATA",
        f"{2 * 1024 * 1024 + 1} fffd",
    ]


async def test_text_encoder_round_trips_lone_surrogates_and_large_strings(rt: NodeRuntime) -> None:
    code = """
    const s = 'a\\ud800b\\udc00c'.repeat(200000);
    const bytes = new TextEncoder().encode(s);
    const back = new TextDecoder().decode(bytes);
    console.log(bytes.length, back === s.toWellFormed());
    const dest = new Uint8Array(10);
    console.log(JSON.stringify(new TextEncoder().encodeInto('\\u{1F600}'.repeat(10), dest)));
    """
    r = await rt.exec(code, timeout=60)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == [f"{200000 * 9} true", '{"read":4,"written":8}']


async def test_unsupported_text_encodings_fail_cleanly(rt: NodeRuntime) -> None:
    r = await rt.exec("try { new TextDecoder('shift_jis'); } catch (e) { console.log(e.name, e.code); }")
    assert r.stdout == "RangeError ERR_ENCODING_NOT_SUPPORTED\n"


async def test_parse_env_and_querystring_survive_big_inputs(rt: NodeRuntime) -> None:
    code = """
    const util = require('util');
    const env = util.parseEnv('K=v\\n'.repeat(100000) + 'A="' + 'x'.repeat(1000000));
    console.log(Object.keys(env).length, env.A.length);
    const qs = require('querystring');
    const parsed = qs.parse('a=1&'.repeat(200000));
    console.log(parsed.a.length);
    console.log(Object.keys(qs.parse('x'.repeat(10) + '=1&'.repeat(5000) , '&', '=', { maxKeys: 0 })).length);
    """
    r = await rt.exec(code, timeout=60)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == ["2 1000001", "1000", "2"]


async def test_deep_equal_of_hostile_structures_does_not_crash(rt: NodeRuntime) -> None:
    code = """
    const assert = require('assert');
    const { revocable } = Proxy;
    const r = revocable({}, {});
    r.revoke();
    try { assert.deepStrictEqual(r.proxy, {}); } catch (e) { console.log(e.name); }
    let a = {}, b = {};
    for (let i = 0; i < 5000; i++) { a = { a }; b = { a: b }; }
    try { console.log(require('util').isDeepStrictEqual(a, b)); } catch (e) { console.log(e.name); }
    const big = Array.from({ length: 100000 }, (_, i) => i);
    const big2 = big.slice(); big2[99999] = -1;
    try { assert.deepStrictEqual(big, big2); } catch (e) { console.log(e.code, e.message.length < 20000); }
    """
    r = await rt.exec(code, timeout=60)
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] in ("TypeError", "AssertionError")
    assert lines[1] in ("false", "RangeError")
    assert lines[2] == "ERR_ASSERTION true"


async def test_events_has_one_emitter_class_for_bundled_streams(rt: NodeRuntime) -> None:
    r = await rt.exec(
        "const { EventEmitter } = require('events');"
        "console.log(require('events') === EventEmitter, EventEmitter.name, new EventEmitter() instanceof require('events'));"
    )
    assert r.stdout == "true EventEmitter true\n"


async def test_get_call_sites_hides_the_bridge(rt: NodeRuntime) -> None:
    code = "function f() { return require('util').getCallSites(5); } console.log(JSON.stringify(f().map((s) => [s.functionName, s.scriptName, s.lineNumber])))"
    r = await rt.exec(code, file_path="/root/cs.js")
    assert r.exit_code == 0, r.stderr
    sites = json.loads(r.stdout)
    assert sites[0] == ["f", "/root/cs.js", 1]
    assert all(not name.startswith(("secure-exec:", "ext:")) for _, name, _ in sites)


async def test_lazily_compiled_node_modules_resist_a_tampered_realm(rt: NodeRuntime) -> None:
    # util, assert, querystring... are compiled on first require, after guest
    # code ran: what the guest did to the globals must not reach them.
    code = """
    globalThis.Function = function () { throw new Error('hijacked Function'); };
    globalThis.eval = () => { throw new Error('hijacked eval'); };
    Object.defineProperty(Object.prototype, 'exports', { set() { throw new Error('setter hit'); }, configurable: true });
    String.prototype.includes = () => { throw new Error('includes hijacked'); };
    JSON.parse = () => { throw new Error('JSON hijacked'); };
    const util = require('util');
    const assert = require('assert');
    const qs = require('querystring');
    console.log(util.format('%s=%d', 'x', 1), qs.stringify({ a: [1, 2] }), require('constants').O_RDONLY);
    try { assert.deepStrictEqual({ a: 1 }, { a: 2 }); } catch (e) { console.log(e.code); }
    const big = new TextEncoder().encode('\\ufeffé'.repeat(20));
    console.log(util.getSystemErrorName(-2), new TextDecoder('koi8-r').decode(Uint8Array.of(0xc1)), new TextDecoder().decode(big).length);
    """
    r = await rt.exec(code)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == ["x=1 a=1&a=2 0", "ERR_ASSERTION", "ENOENT а 39"]


async def test_punycode_warns_only_outside_node_modules(rt: NodeRuntime) -> None:
    await rt.write_file(
        "/root/app/node_modules/uses-punycode/index.js", "module.exports = require('punycode').encode('ü');"
    )
    r = await rt.exec("console.log(require('uses-punycode'))", file_path="/root/app/main.js")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "tda\n", "")
    r = await rt.exec("require('uses-punycode'); require('punycode')", file_path="/root/app/main.js")
    assert r.stderr.count("[DEP0040]") == 0  # Node warns on the module's first load only
