// TextEncoder and TextDecoder: Node 22's own lib/internal/encoding.js (label
// table, validation, inspect output), bundled from the pinned Node binary, over
// the codecs of util_codecs.js where Node has its C++ binding and ICU.

import encoding from 'node-lib:internal/encoding';
import { named } from './native.js';

export const encodingModule = encoding;
named(encoding.TextEncoder, 'TextEncoder');
named(encoding.TextDecoder, 'TextDecoder');

export function install(ctx) {
  ctx.defineGlobal('TextEncoder', encoding.TextEncoder);
  ctx.defineGlobal('TextDecoder', encoding.TextDecoder);
}
