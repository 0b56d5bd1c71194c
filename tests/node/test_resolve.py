"""Module resolution against host Node 22.20.

One tree is built twice: in a MemoryFileSystem behind KernelFS (guest paths) and
on the host under a temporary root. One host Node process resolves every case
(`require.resolve` through `createRequire`, `import` through the `registerHooks`
resolve chain, which is Node's `defaultResolve`) and reports paths, formats
(from Node's own loaders), warnings and errors; each case then checks that the
resolver gives exactly that, after mapping the host root to `/`.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import host_node
from secure_exec._kernel._filesystem import KernelFS
from secure_exec._node._modules import ModuleResolver, Resolved, ResolveError
from secure_exec._vfs._memory import MemoryFileSystem

CWD = "/proj/src"
MAIN_JS = "/proj/src/main.js"
MAIN_MJS = "/proj/src/main.mjs"
WASM = b"\0asm\x01\0\0\0"


@dataclass(frozen=True)
class Link:
    target: str


def _pkg(**fields: Any) -> str:
    return json.dumps(fields)


TREE: dict[str, str | bytes | Link] = {
    # the read-only npm overlay: a global path, like NODE_PATH
    "/app/node_modules/globalpkg/package.json": _pkg(name="globalpkg", main="main.js"),
    "/app/node_modules/globalpkg/main.js": "",
    # a package with a name, exports and imports
    "/proj/package.json": _pkg(
        name="proj",
        type="commonjs",
        exports={
            ".": "./lib/index.js",
            "./feature": {"import": "./lib/f.mjs", "require": "./lib/f.cjs"},
            "./missing": "./lib/missing.js",
            "./lib/*": "./lib/*",
        },
        imports={
            "#internal": "./lib/internal.js",
            "#dep": "dep",
            "#dep/*": "dep/*",
            "#star/*": "./lib/star/*.js",
            "#cond": {"import": "./lib/f.mjs", "require": "./lib/f.cjs"},
            "#null": None,
            "#missing": "./lib/missing.js",
            "#bad": "lib/bad.js",
            "#builtin": "fs",
            "#outside": "./../x.js",
        },
    ),
    "/proj/lib/index.js": "",
    "/proj/lib/f.mjs": "",
    "/proj/lib/f.cjs": "",
    "/proj/lib/internal.js": "",
    "/proj/lib/star/a.js": "",
    "/proj/lib/star/b/c.js": "",
    "/proj/src/main.js": "",
    "/proj/src/main.mjs": "",
    "/proj/src/rel.js": "",
    "/proj/src/data.json": "{}",
    "/proj/src/noext": "",
    "/proj/src/file.txt": "",
    "/proj/src/addon.node": "",
    "/proj/src/mod.wasm": WASM,
    "/proj/src/types.ts": "",
    "/proj/src/only.mjs": "",
    "/proj/src/only.cjs": "",
    "/proj/src/a b.mjs": "",
    "/proj/src/x%41.mjs": "",
    "/proj/src/\u00e9t\u00e9.mjs": "",
    "/proj/src/h#q?.mjs": "",
    "/proj/src/dir/index.js": "",
    "/proj/src/dirjson/index.json": "{}",
    "/proj/src/dirmain/package.json": _pkg(main="lib/entry"),
    "/proj/src/dirmain/lib/entry.js": "",
    "/proj/src/dirmaindir/package.json": _pkg(main="lib"),
    "/proj/src/dirmaindir/lib/index.js": "",
    "/proj/src/dirfallback/package.json": _pkg(main="missing.js"),
    "/proj/src/dirfallback/index.js": "",
    "/proj/src/dirbroken/package.json": _pkg(main="missing.js"),
    "/proj/src/dirbadjson/package.json": "{oops",
    "/proj/src/dirbadjson/index.js": "",
    "/proj/src/esm/package.json": _pkg(type="module"),
    "/proj/src/esm/x.js": "",
    "/proj/src/esm/noext": "",
    "/proj/src/esm/t.ts": "",
    "/proj/src/link.js": Link("rel.js"),
    "/proj/src/linkdir": Link("/shared"),
    "/proj/src/dangling.js": Link("nowhere.js"),
    "/proj/src/loop1": Link("loop2"),
    "/proj/src/loop2": Link("loop1"),
    "/shared/thing.js": "",
    # the project's dependencies
    "/proj/node_modules/dep/package.json": _pkg(name="dep", main="./dist/dep"),
    "/proj/node_modules/dep/dist/dep.js": "",
    "/proj/node_modules/dep/extra.js": "",
    "/proj/node_modules/dep/sub/index.js": "",
    "/proj/node_modules/cond/package.json": _pkg(
        exports={".": {"import": "./imp.mjs", "require": "./req.cjs", "default": "./def.js"}, "./pkg": "./package.json"}
    ),
    "/proj/node_modules/cond/imp.mjs": "",
    "/proj/node_modules/cond/req.cjs": "",
    "/proj/node_modules/cond/def.js": "",
    "/proj/node_modules/msync/package.json": _pkg(
        exports={"module-sync": "./sync.mjs", "import": "./imp.mjs", "default": "./def.cjs"}
    ),
    "/proj/node_modules/msync/sync.mjs": "",
    "/proj/node_modules/msync/imp.mjs": "",
    "/proj/node_modules/msync/def.cjs": "",
    "/proj/node_modules/addons/package.json": _pkg(exports={"node-addons": "./native.js", "default": "./js.js"}),
    "/proj/node_modules/addons/native.js": "",
    "/proj/node_modules/addons/js.js": "",
    "/proj/node_modules/pat/package.json": _pkg(
        exports={
            "./*": "./src/*.js",
            "./*.js": "./src/*.js",
            "./internal/*": None,
            "./arr": ["lib/invalid", "./arr.js"],
            "./arrnull": [None],
            "./arrbad": ["lib/a", "lib/b"],
            "./empty": [],
            "./numkey": {"0": "./x.js"},
            "./fraction-key": {"default": "./arr.js", "1.5": "./x.js"},
            "./key-order": {"default": "./arr.js", "7": "./x.js"},
            "./unicode-digit-key": {"\u0663": "./x.js", "default": "./arr.js"},
            "./dots": "./../outside.js",
            "./nm": "./node_modules/x.js",
            "./deep/*": "./deep/*",
            "./star/*/end": "./s/*/e.js",
            "./cfg": {"browser": "./b.js"},
            "./num": 5,
        }
    ),
    "/proj/node_modules/pat/src/a.js": "",
    "/proj/node_modules/pat/src/b/c.js": "",
    "/proj/node_modules/pat/arr.js": "",
    "/proj/node_modules/pat/deep/x.js": "",
    "/proj/node_modules/pat/s/q/e.js": "",
    "/proj/node_modules/sugar/package.json": _pkg(exports={"import": "./i.mjs", "require": "./r.cjs"}),
    "/proj/node_modules/sugar/i.mjs": "",
    "/proj/node_modules/sugar/r.cjs": "",
    "/proj/node_modules/strexp/package.json": _pkg(exports="./s.js"),
    "/proj/node_modules/strexp/s.js": "",
    "/proj/node_modules/mixed/package.json": _pkg(exports={".": "./a.js", "import": "./b.js"}),
    "/proj/node_modules/legacy/index.js": "",
    "/proj/node_modules/legacy/sub.js": "",
    "/proj/node_modules/legacy/folder/index.js": "",
    "/proj/node_modules/esmidx/package.json": _pkg(type="module"),
    "/proj/node_modules/esmidx/index.js": "",
    "/proj/node_modules/esmmain/package.json": _pkg(type="module", main="lib/main"),
    "/proj/node_modules/esmmain/lib/main.js": "",
    "/proj/node_modules/@scope/pkg/package.json": _pkg(name="@scope/pkg", exports={"./x": "./x.js"}),
    "/proj/node_modules/@scope/pkg/x.js": "",
    "/proj/node_modules/badjson/package.json": "{nope",
    "/proj/node_modules/badjson/index.js": "",
    "/proj/node_modules/linked": Link("/shared/linkedpkg"),
    "/shared/linkedpkg/package.json": _pkg(name="linkedpkg", main="main.js"),
    "/shared/linkedpkg/main.js": "",
    "/proj/node_modules/nested/index.js": "",
    "/proj/node_modules/nested/lib/user.js": "",
    "/proj/node_modules/nested/node_modules/inner/index.js": "",
    "/proj/node_modules/tspkg/i.ts": "",
    "/proj/node_modules/pjdir/package.json/index.js": "",
    "/proj/node_modules/pjdir/index.js": "",
    "/proj/node_modules/pathy/package.json": _pkg(exports={"./enc": "./a%2Fb.js"}),
    # no package.json anywhere above
    "/other/r.js": "",
    "/other/r.mjs": "",
    "/other/node_modules/dep/index.js": "",
}


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    specifier: str
    referrer: str | None
    paths: tuple[str, ...] | None = None
    referrer_as_path: bool = False  # an import referrer given as a path instead of a file: URL


def req(id: str, specifier: str, referrer: str | None = MAIN_JS, paths: tuple[str, ...] | None = None) -> Case:
    return Case("r-" + id, "require", specifier, referrer, paths)


def imp(id: str, specifier: str, referrer: str | None = MAIN_MJS, *, as_path: bool = False) -> Case:
    return Case("i-" + id, "import", specifier, referrer, referrer_as_path=as_path)


CASES: list[Case] = [
    # -- require: builtins
    req("builtin", "fs"),
    req("builtin-scheme", "node:fs"),
    req("builtin-subpath", "fs/promises"),
    req("scheme-only", "node:test"),
    req("scheme-only-bare", "test"),
    req("unknown-builtin", "node:unknown"),
    # -- require: files and extensions
    req("rel-ext", "./rel"),
    req("rel-exact", "./rel.js"),
    req("json-ext", "./data"),
    req("json-exact", "./data.json"),
    req("addon-ext", "./addon"),
    req("extensionless", "./noext"),
    req("unknown-ext", "./file.txt"),
    req("mjs-exact", "./only.mjs"),
    req("mjs-not-searched", "./only"),
    req("cjs-exact", "./only.cjs"),
    req("ts", "./types.ts"),
    req("wasm-as-js", "./mod.wasm"),
    req("absolute", "{root}/proj/src/rel"),
    req("dotdot", "../src/rel", "/proj/src/dir/index.js"),
    req("dot", ".", "/proj/src/dir/index.js"),
    req("file-trailing-slash", "./rel.js/"),
    req("missing-relative", "./nope"),
    req("missing-bare", "nopkg"),
    req("type-module-js", "./esm/x.js"),
    req("type-module-extensionless", "./esm/noext"),
    req("type-module-ts", "./esm/t.ts"),
    # -- require: directories
    req("dir-index", "./dir"),
    req("dir-trailing-slash", "./dir/"),
    req("dir-index-json", "./dirjson"),
    req("dir-main-ext", "./dirmain"),
    req("dir-main-dir", "./dirmaindir"),
    req("dir-main-fallback", "./dirfallback"),
    req("dir-main-broken", "./dirbroken"),
    req("dir-bad-json", "./dirbadjson"),
    # -- require: symlinks
    req("symlink-file", "./link"),
    req("symlink-dir", "./linkdir/thing"),
    req("symlink-package", "linked"),
    req("dangling-symlink", "./dangling"),
    req("symlink-loop", "./loop1"),
    # -- require: odd requests
    req("nul", "./a\0b"),
    req("empty", ""),
    req("dot-segments-after-file", "./dir/index.js/.."),
    req("case-sensitive", "./DIR/index.js"),
    req("query-is-a-name", "./rel.js?x"),
    req("hash-and-query-in-name", "./h#q?.mjs"),
    req("non-ascii", "./\u00e9t\u00e9.mjs"),
    # -- require: packages
    req("main-ext", "dep"),
    req("main-trailing-slash", "dep/"),
    req("package-file", "dep/extra"),
    req("package-dir", "dep/sub"),
    req("exports-conditions", "cond"),
    req("exports-package-json", "cond/pkg"),
    req("exports-not-exported", "cond/def.js"),
    req("exports-module-sync", "msync"),
    req("exports-no-addons", "addons"),
    req("pattern", "pat/a"),
    req("pattern-nested", "pat/b/c"),
    req("pattern-longer-key", "pat/a.js"),
    req("pattern-null", "pat/internal/x"),
    req("array-skips-invalid", "pat/arr"),
    req("array-null", "pat/arrnull"),
    req("array-all-invalid", "pat/arrbad"),
    req("array-empty", "pat/empty"),
    req("numeric-condition", "pat/numkey"),
    req("fraction-condition", "pat/fraction-key"),
    req("integer-keys-come-first", "pat/key-order"),
    req("unicode-digit-condition", "pat/unicode-digit-key"),
    req("target-escapes", "pat/dots"),
    req("target-node-modules", "pat/nm"),
    req("pattern-invalid-subpath", "pat/deep/../x"),
    req("pattern-middle", "pat/star/q/end"),
    req("no-matching-condition", "pat/cfg"),
    req("number-target", "pat/num"),
    req("conditional-sugar", "sugar"),
    req("string-exports", "strexp"),
    req("string-exports-subpath", "strexp/s.js"),
    req("mixed-exports", "mixed"),
    req("legacy-index", "legacy"),
    req("legacy-sub", "legacy/sub"),
    req("legacy-folder", "legacy/folder"),
    req("scoped-subpath", "@scope/pkg/x"),
    req("scoped-no-main-export", "@scope/pkg"),
    req("bad-package-json", "badjson"),
    req("package-json-is-a-directory", "pjdir"),
    req("global-path", "globalpkg"),
    req("encoded-separator", "pathy/enc"),
    req("typescript-in-node-modules", "tspkg/i.ts"),
    req("nested-node-modules", "inner", "/proj/node_modules/nested/lib/user.js"),
    req("nested-not-visible", "inner"),
    req("shadowed", "dep", "/other/r.js"),
    # -- require: self-reference and imports
    req("self", "proj"),
    req("self-conditions", "proj/feature"),
    req("self-missing-target", "proj/missing"),
    req("self-not-exported", "proj/nope"),
    req("self-pattern", "proj/lib/internal.js"),
    req("self-not-from-outside", "proj", "/other/r.js"),
    req("imports", "#internal"),
    req("imports-package", "#dep"),
    req("imports-package-pattern", "#dep/extra.js"),
    req("imports-pattern", "#star/a"),
    req("imports-pattern-nested", "#star/b/c"),
    req("imports-conditions", "#cond"),
    req("imports-null", "#null"),
    req("imports-missing-file", "#missing"),
    req("imports-invalid-target", "#bad"),
    req("imports-undefined", "#nothing"),
    req("imports-bare-hash", "#"),
    req("imports-hash-slash", "#/x"),
    req("imports-builtin", "#builtin"),
    req("imports-outside", "#outside"),
    req("hash-without-imports", "#x", "/other/r.js"),
    # -- require.resolve's paths, the main entry
    req("paths-bare", "dep", "/other/r.js", ("{root}/proj/src",)),
    req("paths-relative", "./rel", "/other/r.js", ("{root}/proj/src",)),
    req("paths-cwd-relative", "./rel", "/other/r.js", (".",)),
    req("paths-missing", "nopkg", "/other/r.js", ("{root}/proj/src",)),
    req("main-relative", "./rel", None),
    req("main-bare", "dep", None),
    # -- import: builtins and schemes
    imp("builtin", "fs"),
    imp("builtin-scheme", "node:fs"),
    imp("scheme-only", "node:test"),
    imp("scheme-only-bare", "test"),
    imp("unknown-builtin", "node:unknown"),
    imp("builtin-trailing-slash", "fs/"),
    imp("https", "https://example.com/x.js"),
    imp("other-scheme", "foo:bar"),
    # -- import: files
    imp("rel-exact", "./rel.js"),
    imp("rel-no-ext", "./rel"),
    imp("dir", "./dir"),
    imp("dir-trailing-slash", "./dir/"),
    imp("file-trailing-slash", "./rel.js/"),
    imp("json", "./data.json"),
    imp("mjs", "./only.mjs"),
    imp("cjs", "./only.cjs"),
    imp("extensionless", "./noext"),
    imp("type-module-extensionless", "./esm/noext"),
    imp("type-module-js", "./esm/x.js"),
    imp("ts", "./types.ts"),
    imp("type-module-ts", "./esm/t.ts"),
    imp("unknown-ext", "./file.txt"),
    imp("addon", "./addon.node"),
    imp("wasm", "./mod.wasm"),
    imp("space", "./a b.mjs"),
    imp("space-encoded", "./a%20b.mjs"),
    imp("percent-in-name", "./x%2541.mjs"),
    imp("percent-decoded", "./x%41.mjs"),
    imp("malformed-percent", "./x%zz.mjs"),
    imp("non-ascii", "./\u00e9t\u00e9.mjs"),
    imp("non-ascii-encoded", "./%C3%A9t%C3%A9.mjs"),
    imp("invalid-utf8-escape", "./%C3.mjs"),
    imp("hash-and-query-in-name", "./h%23q%3F.mjs"),
    imp("hash-in-name-unencoded", "./h#q?.mjs"),
    imp("encoded-slash", "./a%2fb.mjs"),
    imp("query-hash", "./rel.js?x=1#frag"),
    imp("dot-segments", "./dir/../rel.js"),
    imp("backslash", "./dir\\index.js"),
    imp("absolute-path", "{root}/proj/src/rel.js"),
    imp("file-url", "file://{root}/proj/src/rel.js"),
    imp("file-url-missing", "file://{root}/proj/src/rel"),
    imp("file-url-host", "//host/x.js"),
    imp("symlink", "./link.js"),
    imp("symlink-dir", "./linkdir/thing.js"),
    imp("dangling-symlink", "./dangling.js"),
    imp("symlink-loop", "./loop1"),
    imp("nul", "./a\0b"),
    imp("empty", ""),
    imp("dot-segments-after-file", "./dir/index.js/.."),
    imp("file-scheme-without-slashes", "file:./dir/index.js"),
    imp("empty-query", "./rel.js?"),
    imp("empty-fragment", "./rel.js?#"),
    imp("encoded-dot-segments", "./dir/%2e%2E/rel.js"),
    imp("tab-and-newline", "./r\tel\n.js"),
    imp("missing-parent-dir-hint", "./src/rel", "/proj/main.mjs"),
    # -- import: packages
    imp("legacy-main-ext", "dep"),
    imp("package-file-no-ext", "dep/extra"),
    imp("package-file", "dep/extra.js"),
    imp("package-dir", "dep/sub"),
    imp("exports-conditions", "cond"),
    imp("exports-module-sync", "msync"),
    imp("exports-no-addons", "addons"),
    imp("pattern", "pat/a"),
    imp("pattern-null", "pat/internal/x"),
    imp("array-skips-invalid", "pat/arr"),
    imp("array-all-invalid", "pat/arrbad"),
    imp("numeric-condition", "pat/numkey"),
    imp("pattern-invalid-subpath", "pat/deep/../x"),
    imp("target-escapes", "pat/dots"),
    imp("number-target", "pat/num"),
    imp("conditional-sugar", "sugar"),
    imp("string-exports-subpath", "strexp/s.js"),
    imp("mixed-exports", "mixed"),
    imp("legacy-index", "legacy"),
    imp("legacy-sub-no-ext", "legacy/sub"),
    imp("legacy-index-type-module", "esmidx"),
    imp("legacy-main-type-module", "esmmain"),
    imp("scoped-subpath", "@scope/pkg/x"),
    imp("scope-alone", "@scope"),
    imp("dot-name", ".hidden"),
    imp("percent-name", "a%b"),
    imp("bad-package-json", "badjson"),
    imp("package-json-is-a-directory", "pjdir"),
    imp("symlink-package", "linked"),
    imp("encoded-separator", "pathy/enc"),
    imp("typescript-in-node-modules", "tspkg/i.ts"),
    imp("missing-package", "nopkg"),
    imp("shadowed", "dep", "/other/r.mjs"),
    # -- import: self-reference and imports
    imp("self", "proj"),
    imp("self-conditions", "proj/feature"),
    imp("self-not-exported", "proj/nope"),
    imp("imports", "#internal"),
    imp("imports-package", "#dep"),
    imp("imports-pattern-nested", "#star/b/c"),
    imp("imports-conditions", "#cond"),
    imp("imports-null", "#null"),
    imp("imports-undefined", "#nothing"),
    imp("imports-bare-hash", "#"),
    imp("imports-invalid-target", "#bad"),
    imp("imports-builtin", "#builtin"),
    imp("imports-missing-file", "#missing"),
    imp("imports-without-package", "#x", "/other/r.mjs"),
    # -- import: the referrer's forms
    imp("main-relative", "./rel.js", None),
    imp("main-missing", "./rel", None),
]

#: Where the sandbox means to differ from host Node: case id -> (part of Node's answer, the resolver's).
DEVIATIONS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    # ESM ignores NODE_PATH in Node; the sandbox's npm overlay must work for `import` too.
    "i-global-path": (
        {"code": "ERR_MODULE_NOT_FOUND"},
        {"path": "/app/node_modules/globalpkg/main.js", "format": "commonjs", "suffix": "", "warnings": []},
    ),
    # Node resolves it and fails when the import loads it; the resolver fails at once.
    "i-unknown-builtin": (
        {"path": "node:unknown", "format": "builtin"},
        {
            "code": "ERR_UNKNOWN_BUILTIN_MODULE",
            "name": "Error",
            "message": "No such built-in module: node:unknown",
            "props": {},
        },
    ),
}
CASES.append(imp("global-path", "globalpkg"))

#: Directories whose `Module._nodeModulePaths` is compared.
DIRS = ["/", "/proj", "/proj/src", "/proj/node_modules/nested/lib", "/a/node_modules/node_modules/b"]

DRIVER = r"""
'use strict';
const Module = require('module');
const { pathToFileURL, fileURLToPath } = require('url');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const results = {};

let warnings = null;  // the current case's warnings, captured synchronously
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, type, code) {
  if (warnings === null) return emitWarning.apply(this, arguments);
  if (type && typeof type === 'object') code = type.code;
  warnings.push([code, String(warning)]);
};

function failure(e) {
  const props = {};
  for (const key of Object.keys(e)) if (key !== 'code') props[key] = e[key];
  return { code: e.code ?? '', name: e.constructor.name, message: e.message, props };
}

const loaded = new Map();  // url -> the format Node's loaders chose
function requireFormat(filename) {
  const url = pathToFileURL(filename).href;
  if (!loaded.has(url)) {
    try { require(filename); } catch (e) {
      if (!loaded.has(url)) loaded.set(url, e.code === 'ERR_DLOPEN_DISABLED' ? 'addon' : 'error:' + e.code);
    }
  }
  const format = loaded.get(url);
  return format == null ? 'commonjs' : format === 'typescript' ? 'commonjs-typescript' : format;
}

const imports = input.cases.filter((c) => c.kind === 'import');
const PROBE = 'data:text/javascript,probe';
Module.registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier !== 'probe:imports') return nextResolve(specifier, context);
    for (const c of imports) {
      warnings = [];
      try {
        const parentURL = c.parent === null ? undefined : c.parent;
        results[c.id] = { url: nextResolve(c.s, { ...context, parentURL }).url, warnings };
      } catch (e) { results[c.id] = failure(e); }
      warnings = null;
    }
    return { url: PROBE, shortCircuit: true };
  },
  load(url, context, nextLoad) {
    if (url !== PROBE) {
      const result = nextLoad(url, context);
      loaded.set(url, result.format);
      return result;
    }
    for (const c of imports) {
      const out = results[c.id];
      if (out.url === undefined) continue;
      let format;
      try {
        format = nextLoad(out.url, { ...context, format: undefined, importAttributes: {} }).format;
      } catch (e) {
        if (e.code !== 'ERR_IMPORT_ATTRIBUTE_MISSING') { results[c.id] = failure(e); continue; }
        format = 'json';
      }
      const u = new URL(out.url);
      const suffix = u.href.slice(`file://${u.host}${u.pathname}`.length);  // '?' of an empty query too
      results[c.id] = u.protocol === 'file:'
        ? { path: fileURLToPath(u), format: format ?? 'commonjs', suffix, warnings: out.warnings }
        : { path: out.url, format, suffix: '', warnings: out.warnings };
    }
    return { format: 'module', source: '', shortCircuit: true };
  },
});

for (const c of input.cases) {
  if (c.kind !== 'require') continue;
  warnings = [];
  let out;
  try {
    const filename = c.parent === null
      ? Module._resolveFilename(c.s, null, true)
      : Module.createRequire(c.parent).resolve(c.s, c.paths ? { paths: c.paths } : undefined);
    out = { path: filename, warnings };
  } catch (e) { out = failure(e); }
  warnings = null;
  if (out.path !== undefined) out.format = out.path.startsWith('/') ? requireFormat(out.path) : 'builtin';
  results[c.id] = out;
}
results['#nodeModulePaths'] = input.dirs.map((d) => Module._nodeModulePaths(d));
results['#builtins'] = Module.builtinModules;
import('probe:imports').then(() => process.stdout.write(JSON.stringify(results)));
"""


def _build_guest(fs: KernelFS) -> None:
    for path, content in TREE.items():
        if isinstance(content, Link):
            fs.mkdir(path.rsplit("/", 1)[0] or "/", recursive=True)
            fs.symlink(content.target, path)
        else:
            data = content.encode() if isinstance(content, str) else content
            fs.write_file(path, data, make_parents=True)


def _build_host(root: Path) -> None:
    for path, content in TREE.items():
        host = root / path.lstrip("/")
        host.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            target = str(root) + content.target if content.target.startswith("/") else content.target
            host.symlink_to(target)
        else:
            host.write_bytes(content.encode() if isinstance(content, str) else content)


def _to_guest(value: Any, root: str) -> Any:
    if isinstance(value, str):
        return value.replace(root, "")
    if isinstance(value, list):
        return [_to_guest(v, root) for v in value]
    if isinstance(value, dict):
        return {k: _to_guest(v, root) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def host_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root_path = tmp_path_factory.mktemp("resolve").resolve()
    root = str(root_path)
    _build_host(root_path / "tree")
    root = str(root_path / "tree")
    (root_path / "driver.cjs").write_text(DRIVER)
    cases = []
    for case in CASES:
        parent: str | None = None
        if case.referrer is not None:
            parent = root + case.referrer
            if case.kind == "import" and not case.referrer_as_path:
                parent = "file://" + parent
        cases.append(
            {
                "id": case.id,
                "kind": case.kind,
                "s": case.specifier.replace("{root}", root),
                "parent": parent,
                "paths": [p.replace("{root}", root) for p in case.paths] if case.paths is not None else None,
            }
        )
    proc = subprocess.run(
        [host_node(), "--no-addons", str(root_path / "driver.cjs")],
        input=json.dumps({"cases": cases, "dirs": [root + d if d != "/" else root for d in DIRS]}).encode(),
        cwd=root + CWD,
        capture_output=True,
        env={
            "PATH": os.environ.get("PATH", ""),
            "NODE_PATH": root + "/app/node_modules",
            "HOME": str(root_path / "nohome"),
        },
        timeout=60,
        check=True,
    )
    results: dict[str, Any] = json.loads(proc.stdout)
    results["#nodeModulePaths"] = [
        [p[len(root) :] for p in paths if p.startswith(root + "/")] for paths in results["#nodeModulePaths"]
    ]
    return {key: _to_guest(value, root) for key, value in results.items()}


@pytest.fixture(scope="module")
def guest_fs() -> Iterator[KernelFS]:
    fs = KernelFS(MemoryFileSystem())
    _build_guest(fs)
    yield fs
    fs.close()


@pytest.fixture(scope="module")
def builtins(host_results: dict[str, Any]) -> frozenset[str]:
    return frozenset(host_results["#builtins"]) | {"test", "test/reporters", "sea", "sqlite"}


def _guest_outcome(resolver: ModuleResolver, case: Case) -> dict[str, Any]:
    referrer = case.referrer
    if referrer is not None and case.kind == "import" and not case.referrer_as_path:
        referrer = "file://" + referrer
    specifier = case.specifier.replace("{root}", "")
    paths = [p.replace("{root}", "") for p in case.paths] if case.paths is not None else None
    stack = [case.referrer] if case.kind == "require" and case.referrer is not None else []
    try:
        resolved = resolver.resolve(
            specifier, referrer, "require" if case.kind == "require" else "import",
            paths=paths, require_stack=stack, cwd=CWD,
        )  # fmt: skip
    except ResolveError as exc:
        return {"code": exc.code, "name": exc.error_class, "message": exc.message, "props": exc.fields}
    out: dict[str, Any] = {"path": resolved.path, "format": resolved.format}
    if case.kind == "require" and resolved.format != "builtin":
        try:
            assert resolver.format_of(resolved.path, "require") == resolved.format
        except ResolveError as exc:  # Node fails when it loads the file
            out["format"] = "error:" + exc.code
    if case.kind == "import":
        out["suffix"] = resolved.suffix
    out["warnings"] = [list(w) for w in resolved.warnings]
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matches_node(case: Case, host_results: dict[str, Any], guest_fs: KernelFS, builtins: frozenset[str]) -> None:
    resolver = ModuleResolver(guest_fs, builtins=builtins)
    got = _guest_outcome(resolver, case)
    if case.id in DEVIATIONS:
        node_part, expected = DEVIATIONS[case.id]
        assert node_part.items() <= host_results[case.id].items()
        assert got == expected
    else:
        assert got == host_results[case.id]


def test_node_module_paths(host_results: dict[str, Any], guest_fs: KernelFS) -> None:
    resolver = ModuleResolver(guest_fs, builtins=())
    for directory, expected in zip(DIRS, host_results["#nodeModulePaths"], strict=True):
        assert resolver.node_module_paths(directory, include_global=False) == expected
        assert resolver.node_module_paths(directory) == [*expected, "/app/node_modules"]


def test_case_table_is_big_and_unique() -> None:
    assert len({c.id for c in CASES}) == len(CASES) >= 60


# -- behaviour beyond the parity table ---------------------------------------------------------


@pytest.fixture
def fs() -> Iterator[KernelFS]:
    kernel_fs = KernelFS(MemoryFileSystem())
    yield kernel_fs
    kernel_fs.close()


def test_load_strips_bom_and_replaces_bad_utf8(fs: KernelFS) -> None:
    fs.write_file("/p/a.json", b'\xef\xbb\xbf{"a": 1}', make_parents=True)
    fs.write_file("/p/b.mjs", b"\xef\xbb\xbfexport default '\xff'", make_parents=True)
    fs.write_file("/p/c.node", b"\x7fELF", make_parents=True)
    resolver = ModuleResolver(fs, builtins=())
    assert resolver.load("/p/a.json") == ('{"a": 1}', "json")
    assert resolver.load("/p/b.mjs") == ("export default '\ufffd'", "module")
    assert resolver.load("/p/c.node", "require") == ("", "addon")
    with pytest.raises(ResolveError) as info:
        resolver.load("/p/c.node")
    assert info.value.code == "ERR_UNKNOWN_FILE_EXTENSION"


def test_missing_files_are_not_cached(fs: KernelFS) -> None:
    fs.write_file("/p/main.js", b"", make_parents=True)
    resolver = ModuleResolver(fs, builtins=())
    with pytest.raises(ResolveError):
        resolver.resolve("./late", "/p/main.js", "require")
    fs.write_file("/p/late.js", b"")
    assert resolver.resolve("./late", "/p/main.js", "require") == Resolved("/p/late.js", "commonjs")


def test_package_json_is_read_once(fs: KernelFS) -> None:
    fs.write_file("/p/node_modules/x/package.json", b'{"main": "a.js"}', make_parents=True)
    fs.write_file("/p/node_modules/x/a.js", b"")
    fs.write_file("/p/node_modules/x/b.js", b"")
    resolver = ModuleResolver(fs, builtins=())
    assert resolver.resolve("x", "/p/m.js", "require").path == "/p/node_modules/x/a.js"
    fs.write_file("/p/node_modules/x/package.json", b'{"main": "b.js"}')
    assert resolver.resolve("x", "/p/m.js", "require").path == "/p/node_modules/x/a.js"
    assert ModuleResolver(fs, builtins=()).resolve("x", "/p/m.js", "require").path == "/p/node_modules/x/b.js"


def test_import_meta_resolve_skips_the_format_check(fs: KernelFS) -> None:
    fs.write_file("/p/asset.txt", b"", make_parents=True)
    resolver = ModuleResolver(fs, builtins=())
    resolved = resolver.resolve("./asset.txt?v=2", "file:///p/m.mjs", "import", check_format=False)
    assert (resolved.path, resolved.suffix) == ("/p/asset.txt", "?v=2")
    with pytest.raises(ResolveError):
        resolver.resolve("./asset.txt", "file:///p/m.mjs", "import")


def test_global_paths_and_conditions_are_options(fs: KernelFS) -> None:
    fs.write_file(
        "/lib/node_modules/g/package.json",
        b'{"exports": {"custom": "./c.js", "default": "./d.js"}}',
        make_parents=True,
    )
    fs.write_file("/lib/node_modules/g/c.js", b"")
    fs.write_file("/lib/node_modules/g/d.js", b"")
    plain = ModuleResolver(fs, builtins=(), global_paths=("/lib/node_modules",))
    custom = ModuleResolver(fs, builtins=(), global_paths=("/lib/node_modules",), conditions=("custom",))
    assert plain.resolve("g", "/x/m.js", "require").path == "/lib/node_modules/g/d.js"
    assert custom.resolve("g", "/x/m.mjs", "import").path == "/lib/node_modules/g/c.js"
    with pytest.raises(ResolveError) as info:
        ModuleResolver(fs, builtins=()).resolve("g", "/x/m.js", "require", require_stack=["/x/m.js", "/x/a.js"])
    assert info.value.message == "Cannot find module 'g'\nRequire stack:\n- /x/m.js\n- /x/a.js"
    assert info.value.to_payload() == {
        "name": "Error",
        "message": info.value.message,
        "code": "MODULE_NOT_FOUND",
        "requireStack": ["/x/m.js", "/x/a.js"],
    }


def test_import_referrer_may_be_a_path(fs: KernelFS) -> None:
    fs.write_file("/p/a b.mjs", b"", make_parents=True)
    resolver = ModuleResolver(fs, builtins=())
    by_url = resolver.resolve("./a%20b.mjs", "file:///p/m%20n.mjs", "import")
    assert resolver.resolve("./a%20b.mjs", "/p/m n.mjs", "import") == by_url == Resolved("/p/a b.mjs", "module")


def test_builtin_ids(fs: KernelFS) -> None:
    resolver = ModuleResolver(fs, builtins=("fs", "test"))
    assert resolver.resolve("node:fs", None, "require") == Resolved("node:fs", "builtin")
    assert resolver.resolve("fs", None, "import") == Resolved("node:fs", "builtin")
    assert resolver.resolve("node:test", None, "import") == Resolved("node:test", "builtin")
