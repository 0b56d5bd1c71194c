// `querystring` and `punycode`: Node 22's own lib/querystring.js and
// lib/punycode.js, from the pinned Node binary (NODE_LAZY in
// scripts/build_js.py: compiled when an execution first loads them).

import { requireNode } from 'secure-exec:node-registry';
import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';

// Node warns (DEP0040) when code outside node_modules loads punycode.
function calledFromNodeModules() {
  const holder = {};
  const previous = Error.prepareStackTrace;
  const previousLimit = Error.stackTraceLimit;
  let files = [];
  try {
    Error.stackTraceLimit = 100;
    Error.prepareStackTrace = (_, sites) => sites.map((site) => site.getScriptNameOrSourceURL() ?? '');
    Error.captureStackTrace(holder);
    files = holder.stack;
  } finally {
    Error.prepareStackTrace = previous;
    Error.stackTraceLimit = previousLimit;
  }
  const guest = (Array.isArray(files) ? files : []).find((file) => file !== '' && !/^(secure-exec:|ext:|node:)/.test(file));
  return guest !== undefined && /[\\/]node_modules[\\/]/.test(guest);
}

export function install() {
  defineBuiltin('querystring', () => requireNode('querystring'));
  defineBuiltin('punycode', () => requireNode('punycode'), () => {
    if (!calledFromNodeModules()) {
      ctx.process.emitWarning('The `punycode` module is deprecated. Please use a userland alternative instead.',
        'DeprecationWarning', 'DEP0040');
    }
  });
}
