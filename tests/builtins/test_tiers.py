"""The builtin tier table in docs/builtins.md is true of the sandbox.

The table is parsed, every claim in it is turned into JavaScript checks, and one
sandbox execution runs them all (require, dynamic import, every listed
unsupported API); each module's row is then a test of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from secure_exec import NodeRuntime

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "builtins.md"
MODULES_JS = ROOT / "js" / "src" / "modules.js"
TIERS = {"full", "partial", "unsupported", "later"}
CODE = "ERR_NOT_SUPPORTED_IN_SANDBOX"


@dataclass(frozen=True)
class Row:
    module: str
    tier: str
    apis: tuple[str, ...]
    backing: str


def _js_string_list(source: str, name: str) -> list[str]:
    match = re.search(rf"{name} = \[(.*?)\];", source, re.S)
    assert match, f"{name} not found in modules.js"
    return re.findall(r"'([^']+)'", match.group(1))


def code_builtins() -> set[str]:
    source = MODULES_JS.read_text(encoding="utf-8")
    return set(_js_string_list(source, "NODE_BUILTINS")) | set(_js_string_list(source, "SCHEME_ONLY"))


def parse_table(text: str) -> list[Row]:
    begin, end = text.index("<!-- tiers:begin -->"), text.index("<!-- tiers:end -->")
    lines = [line.strip() for line in text[begin:end].splitlines() if line.strip().startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header == ["module", "tier", "unsupported APIs", "backing"], header
    rows = []
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert len(cells) == 4, line
        module, tier, apis, backing = cells
        rows.append(Row(module, tier, tuple(a.strip() for a in apis.split(",") if a.strip()), backing))
    return rows


ROWS = parse_table(DOC.read_text(encoding="utf-8"))

# Runs every check and prints one JSON object: module -> results.
PROBE = r"""
const rows = ROWS;
function outcome(fn) {
  try {
    const value = fn();
    return { ok: true, type: typeof value };
  } catch (err) {
    return { ok: false, message: String(err && err.message), code: err && err.code, name: err && err.name };
  }
}
function resolveApi(mod, api) {
  // 'A#m' is method m of class A (called on its prototype); 'a.b' a nested property.
  const [path, method] = api.split('#');
  let parent = null;
  let target = mod;
  for (const part of path.split('.')) {
    parent = target;
    target = target == null ? undefined : target[part];
  }
  if (method !== undefined) {
    const proto = target && target.prototype;
    return { fn: proto && proto[method], self: proto, construct: false };
  }
  const isClass = typeof target === 'function' && /^class\b/.test(Function.prototype.toString.call(target));
  return { fn: target, self: parent, construct: isClass || /^[A-Z]/.test(path.split('.').pop()) };
}
(async () => {
  const out = {};
  for (const row of rows) {
    const name = row.module;
    const spec = ['test', 'test/reporters', 'sea', 'sqlite'].includes(name) ? `node:${name}` : name;
    const r = { require: outcome(() => require(spec)), requireNode: outcome(() => require(`node:${name}`)) };
    try {
      const ns = await import(spec);
      r.import = { ok: true, hasDefault: 'default' in ns };
    } catch (err) {
      r.import = { ok: false, message: String(err && err.message), code: err && err.code };
    }
    r.apis = {};
    if (r.require.ok) {
      const mod = require(spec);
      for (const api of row.apis) {
        const { fn, self, construct } = resolveApi(mod, api);
        if (typeof fn !== 'function') {
          r.apis[api] = { ok: true, missing: true, type: typeof fn };
          continue;
        }
        const first = outcome(() => (construct ? new fn() : Reflect.apply(fn, self, [])));
        const second = outcome(() => (construct ? new fn({}, {}) : Reflect.apply(fn, self, ['x', {}, {}])));
        r.apis[api] = { first, second };
      }
    }
    out[name] = r;
  }
  console.log(JSON.stringify(out));
})();
"""


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def probe() -> dict[str, Any]:
    runtime = await NodeRuntime.create()
    out = bytearray()
    err = bytearray()
    try:
        code = PROBE.replace("ROWS", json.dumps([{"module": r.module, "apis": list(r.apis)} for r in ROWS]))
        result = await runtime.exec(
            code, file_path="/root/tiers.js", timeout=120, on_stdout=out.extend, on_stderr=err.extend
        )
    finally:
        await runtime.aclose()
    assert result.exit_code == 0, err.decode()
    data: dict[str, Any] = json.loads(out.decode())
    return data


def test_table_is_well_formed() -> None:
    names = [row.module for row in ROWS]
    assert len(names) == len(set(names)), "a module is listed twice"
    for row in ROWS:
        assert row.tier in TIERS, row
        assert row.backing, f"{row.module}: backing is empty"
        if row.tier != "partial":
            assert not row.apis, f"{row.module}: only partial modules list unsupported APIs"


def test_table_names_every_builtin() -> None:
    assert {row.module for row in ROWS} == code_builtins()


def _unsupported(result: dict[str, Any], message: str) -> bool:
    return result.get("ok") is False and result.get("message") == message and result.get("code") == CODE


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("row", ROWS, ids=[row.module for row in ROWS])
async def test_tier_claim(row: Row, probe: dict[str, Any]) -> None:
    r = probe[row.module]
    if row.tier in ("full", "partial"):
        assert r["require"]["ok"], f"require('{row.module}') failed: {r['require']}"
        assert r["requireNode"]["ok"], f"require('node:{row.module}') failed: {r['requireNode']}"
        assert r["import"]["ok"], f"import('{row.module}') failed: {r['import']}"
        for api in row.apis:
            expected = f"{row.module}.{api} is not supported in sandbox"
            got = r["apis"][api]
            assert "missing" not in got, f"{row.module}.{api} does not exist ({got})"
            # Deterministic: the same error with and without arguments.
            assert _unsupported(got["first"], expected), f"{row.module}.{api}: {got['first']}"
            assert _unsupported(got["second"], expected), f"{row.module}.{api} (with arguments): {got['second']}"
    else:
        expected = f"{row.module} is not supported in sandbox"
        assert _unsupported(r["require"], expected), f"require('{row.module}'): {r['require']}"
        assert _unsupported(r["requireNode"], expected), f"require('node:{row.module}'): {r['requireNode']}"
        assert r["import"]["ok"] is False and r["import"]["message"] == expected, (
            f"import('{row.module}'): {r['import']}"
        )
        assert r["import"]["code"] == CODE, r["import"]
