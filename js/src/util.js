// The `util` module (and `util/types`, `sys`): Node 22's own lib/util.js,
// from the pinned Node binary (NODE_LAZY in scripts/build_js.py: compiled when
// an execution first loads it), its internals answered by node_internals.js.
// What it loads lazily (parseArgs, MIMEType, TextEncoder, util.diff, ...) is
// registered here for Node's defineLazyProperties.

import { requireNode } from 'secure-exec:node-registry';
import { ctx } from './context.js';
import { defineBuiltin, loadBuiltin } from './modules.js';
import { lazyModules, traceSigint } from './node_internals.js';
import { encodingModule } from './encoding.js';
import { setCryptoClasses } from './inspect_bindings.js';
import { named } from './native.js';

for (const id of ['internal/util/parse_args/parse_args', 'internal/mime', 'internal/util/diff']) {
  lazyModules.set(id, () => requireNode(id));
}
lazyModules.set('internal/util/trace_sigint', () => traceSigint);
lazyModules.set('internal/encoding', () => encodingModule);

export function install() {
  setCryptoClasses(() => {
    const crypto = loadBuiltin('crypto');
    return { KeyObject: crypto.KeyObject, CryptoKey: crypto.webcrypto?.CryptoKey ?? globalThis.CryptoKey };
  });
  let utilModule;
  const factory = () => {
    if (utilModule === undefined) {
      requireNode('internal/util/debuglog').initializeDebugEnv(ctx.process.env.NODE_DEBUG);
      utilModule = requireNode('util');
      // The bridge's own names may differ from Node's (bundler renames); guests see Node's.
      for (const name of ['promisify', 'deprecate']) named(utilModule[name], name);
    }
    return utilModule;
  };
  defineBuiltin('util', factory);
  defineBuiltin('util/types', () => factory().types);
  defineBuiltin('sys', factory, () => {
    ctx.process.emitWarning('sys is deprecated. Use util instead.',
      'DeprecationWarning', 'DEP0025');
  });
}
