// `assert` and `assert/strict`: Node 22's own lib/assert.js with its
// AssertionError, message diffs and deep-equality algorithm
// (internal/assert/*, internal/util/comparisons), from the pinned Node binary
// (NODE_LAZY in scripts/build_js.py: compiled when an execution first loads
// it). assert.ok() quotes the failing expression from the guest's source
// (internal/assert/utils reads it through node_internals.js's sourceFs).

import { requireNode } from 'secure-exec:node-registry';
import { defineBuiltin } from './modules.js';

export function install() {
  defineBuiltin('assert', () => requireNode('assert'));
  defineBuiltin('assert/strict', () => requireNode('assert').strict);
}
