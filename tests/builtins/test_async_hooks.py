"""async_hooks in the sandbox: AsyncLocalStorage across the bridge's event loop,
createHook's callbacks, and the limits of both (checks that are not parity)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from secure_exec import NodeRuntime


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def runtime() -> AsyncIterator[NodeRuntime]:
    rt = await NodeRuntime.create()
    try:
        await rt.write_file("/root/data.txt", "hello")
        yield rt
    finally:
        await rt.aclose()


async def run_json(rt: NodeRuntime, code: str) -> Any:
    out, err = bytearray(), bytearray()
    result = await rt.exec(
        code, file_path="/root/main.js", cwd="/root", timeout=60, on_stdout=out.extend, on_stderr=err.extend
    )
    assert result.exit_code == 0, err.decode()
    return json.loads(out.decode().strip().splitlines()[-1])


@pytest.mark.asyncio(loop_scope="module")
async def test_concurrent_requests_keep_their_stores(runtime: NodeRuntime) -> None:
    code = """
    const { AsyncLocalStorage } = require('async_hooks');
    const fs = require('fs');
    const als = new AsyncLocalStorage();
    const seen = [];
    const check = (id, where) => { const s = als.getStore(); if (!s || s.id !== id) seen.push(`${id}@${where}:${JSON.stringify(s)}`); };
    async function request(id) {
      await als.run({ id }, async () => {
        for (let i = 0; i < 5; i++) {
          await new Promise((r) => setTimeout(r, (id * 7 + i * 3) % 5));
          check(id, 'timer');
          await fs.promises.readFile('/root/data.txt', 'utf8');
          check(id, 'fs.promises');
          await new Promise((r) => fs.readFile('/root/data.txt', () => { check(id, 'fs cb'); r(); }));
          await new Promise((r) => setImmediate(() => { check(id, 'immediate'); r(); }));
          await new Promise((r) => process.nextTick(() => { check(id, 'tick'); r(); }));
          check(id, 'after tick');
        }
      });
    }
    Promise.all(Array.from({ length: 20 }, (_, i) => request(i + 1))).then(() => {
      console.log(JSON.stringify({ mismatches: seen, top: als.getStore() === undefined }));
    });
    """
    assert await run_json(runtime, code) == {"mismatches": [], "top": True}


@pytest.mark.asyncio(loop_scope="module")
async def test_store_does_not_leak_into_callbacks_scheduled_outside(runtime: NodeRuntime) -> None:
    code = """
    const { AsyncLocalStorage } = require('async_hooks');
    const fs = require('fs');
    const als = new AsyncLocalStorage();
    const out = {};
    const record = (k) => () => { out[k] = als.getStore() ?? null; };
    // Scheduled before any store exists, run while a store is active elsewhere.
    setTimeout(record('timer'), 5);
    setImmediate(record('immediate'));
    process.nextTick(record('tick'));
    fs.stat('/root/data.txt', record('fs'));
    Promise.resolve().then(record('promise'));
    als.enterWith('leaky');
    setTimeout(() => {
      out.entered = als.getStore();
      console.log(JSON.stringify(out));
    }, 20);
    """
    result = await run_json(runtime, code)
    assert result == {"timer": None, "immediate": None, "tick": None, "fs": None, "promise": None, "entered": "leaky"}


@pytest.mark.asyncio(loop_scope="module")
async def test_create_hook_reports_timers_ticks_and_promises(runtime: NodeRuntime) -> None:
    code = """
    const ah = require('async_hooks');
    const events = [];
    const types = new Map();
    const hook = ah.createHook({
      init(id, type, trigger) { types.set(id, type); events.push(['init', type]); },
      before(id) { events.push(['before', types.get(id)]); },
      after(id) { events.push(['after', types.get(id)]); },
      destroy(id) { events.push(['destroy', types.get(id)]); },
    }).enable();
    setTimeout(() => {
      let inner = ah.executionAsyncId();
      hook.disable();
      const kinds = (name) => events.filter((e) => e[0] === name).map((e) => e[1]);
      console.log(JSON.stringify({
        init: [...new Set(kinds('init'))].sort(),
        timeoutSeq: events.filter((e) => e[1] === 'Timeout').map((e) => e[0]),
        executionId: inner > 1,
        top: [ah.executionAsyncId(), ah.triggerAsyncId()],
      }));
    }, 1);
    process.nextTick(() => {});
    Promise.resolve(1).then(() => {});
    """
    result = await run_json(runtime, code)
    assert result["init"] == ["PROMISE", "TickObject", "Timeout"]
    # Disabled from inside the timer's callback: no 'after'/'destroy' after that.
    assert result["timeoutSeq"] == ["init", "before"]
    assert result["executionId"] is True


@pytest.mark.asyncio(loop_scope="module")
async def test_async_resource_scope_and_errors(runtime: NodeRuntime) -> None:
    code = """
    const { AsyncLocalStorage, AsyncResource, executionAsyncId, executionAsyncResource, createHook } = require('async_hooks');
    const als = new AsyncLocalStorage();
    const res = als.run('captured', () => new AsyncResource('X'));
    const out = {};
    out.inScope = res.runInAsyncScope(() => [als.getStore(), executionAsyncId() === res.asyncId(), executionAsyncResource() === res]);
    out.after = als.getStore() ?? null;
    try { res.runInAsyncScope(() => { throw new Error('inner'); }); } catch (e) { out.thrown = e.message; }
    out.restored = executionAsyncId();
    for (const [k, f] of Object.entries({
      type: () => new AsyncResource(1),
      trigger: () => new AsyncResource('X', { triggerAsyncId: -5 }),
      hook: () => createHook({ init: 1 }),
      bind: () => AsyncResource.bind(1),
    })) {
      try { f(); out[k] = 'no error'; } catch (e) { out[k] = e.code; }
    }
    console.log(JSON.stringify(out));
    """
    result = await run_json(runtime, code)
    assert result == {
        "inScope": ["captured", True, True],
        "after": None,
        "thrown": "inner",
        "restored": 1,
        "type": "ERR_INVALID_ARG_TYPE",
        "trigger": "ERR_INVALID_ASYNC_ID",
        "hook": "ERR_ASYNC_CALLBACK",
        "bind": "ERR_INVALID_ARG_TYPE",
    }


@pytest.mark.asyncio(loop_scope="module")
async def test_deep_nesting_is_bounded(runtime: NodeRuntime) -> None:
    # Thousands of nested runs and stores: no crash, the context unwinds fully.
    code = """
    const { AsyncLocalStorage } = require('async_hooks');
    const stores = Array.from({ length: 200 }, () => new AsyncLocalStorage());
    let depth = 0;
    function nest(i) {
      if (i === stores.length) { depth = stores.filter((s, j) => s.getStore() === j).length; return; }
      stores[i].run(i, () => nest(i + 1));
    }
    nest(0);
    let chain = Promise.resolve();
    for (let i = 0; i < 2000; i++) chain = chain.then(() => stores[i % 200].run(i, async () => { await null; return stores[i % 200].getStore(); }));
    chain.then((last) => console.log(JSON.stringify({ depth, last, after: stores.every((s) => s.getStore() === undefined) })));
    """
    assert await run_json(runtime, code) == {"depth": 200, "last": 1999, "after": True}
