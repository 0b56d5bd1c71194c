// The `string_decoder` module: StringDecoder with Node 22's behaviour.

import { StringDecoder } from './string_decoder_impl.js';
import { defineBuiltin } from './modules.js';

export function install() {
  defineBuiltin('string_decoder', () => ({ StringDecoder }));
}
