// The `navigator` global (Node 22's Navigator), from the runtime's os identity.

import { ctx } from './context.js';
import { nodeError } from './errors.js';
import { loadBuiltin } from './modules.js';
import { named } from './native.js';

const kKey = Symbol('kConstructorKey');

export class Navigator {
  #os = null;

  constructor(key = undefined) {
    if (key !== kKey) throw nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  #identity() {
    this.#os ??= loadBuiltin('os');
    return this.#os;
  }

  get hardwareConcurrency() {
    return this.#identity().availableParallelism();
  }

  get language() {
    return 'en-US';
  }

  get languages() {
    return ['en-US'];
  }

  get userAgent() {
    return `Node.js/${ctx.process.version.slice(1, ctx.process.version.indexOf('.'))}`;
  }

  get platform() {
    const os = this.#identity();
    const platform = { linux: 'Linux', darwin: 'MacIntel', win32: 'Win32' }[os.platform()] ?? os.platform();
    const arch = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686' }[os.arch()] ?? os.arch();
    return os.platform() === 'linux' ? `${platform} ${arch}` : platform;
  }
}
named(Navigator, 'Navigator');
for (const key of ['hardwareConcurrency', 'language', 'languages', 'userAgent', 'platform']) {
  Object.defineProperty(Navigator.prototype, key, { enumerable: true });
}

export function createNavigator() {
  return new Navigator(kKey);
}
