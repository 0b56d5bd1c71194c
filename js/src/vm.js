// The `vm` module, partial: code runs in the guest's own context only.
// runInThisContext and Script run through an indirect eval (the filename shows
// in stack traces through a sourceURL comment); compileFunction builds a
// Function with the given parameters. Everything that needs a second context
// (createContext, runInNewContext, runInContext, modules, measureMemory)
// throws `vm.<api> is not supported in sandbox`, every time.

import { defineBuiltin } from './modules.js';
import { invalidArgType, unsupportedError } from './errors.js';
import { named } from './native.js';

const indirectEval = eval;

function validateCode(code) {
  if (typeof code !== 'string') throw invalidArgType('code', 'string', code);
}

function filenameOf(options) {
  if (typeof options === 'string') return options;
  if (options !== null && typeof options === 'object' && options.filename !== undefined) {
    if (typeof options.filename !== 'string') throw invalidArgType('options.filename', 'string', options.filename);
    return options.filename;
  }
  return 'evalmachine.<anonymous>';
}

function withSourceUrl(code, filename) {
  // A sourceURL names the script in stack traces, as Node's filename option does.
  if (/[\s]/.test(filename)) return code;
  return `${code}\n//# sourceURL=${filename}`;
}

function unsupported(api) {
  return named(function () {
    throw unsupportedError(`vm.${api}`);
  }, api);
}

class Script {
  #code;
  #filename;
  constructor(code, options) {
    code = `${code}`;
    this.#filename = filenameOf(options);
    this.#code = code;
    // Compile now, as Node does, so that a SyntaxError surfaces from the constructor.
    checkSyntax(code, this.#filename);
    this.cachedDataRejected = undefined;
  }

  runInThisContext() {
    return indirectEval(withSourceUrl(this.#code, this.#filename));
  }

  runInContext() {
    throw unsupportedError('vm.Script#runInContext');
  }

  runInNewContext() {
    throw unsupportedError('vm.Script#runInNewContext');
  }

  createCachedData() {
    throw unsupportedError('vm.Script#createCachedData');
  }
}

// A script is checked for syntax without running it: wrapped in a function
// that is compiled but never called. Code that is only valid at the top level
// of a script (none in sloppy mode besides what a function body allows, except
// `return` being accepted) is checked that way closely enough; the real
// compile at run time reports anything else.
function checkSyntax(code, filename) {
  try {
    // eslint-disable-next-line no-new-func
    new Function(withSourceUrl(code, filename));
  } catch (err) {
    if (err instanceof SyntaxError && !/await|yield|return|new\.target|super/.test(err.message)) throw err;
  }
}

named(Script, 'Script');

function runInThisContext(code, options) {
  return new Script(code, options).runInThisContext();
}

function compileFunction(code, params = [], options = {}) {
  validateCode(code);
  if (!Array.isArray(params)) throw invalidArgType('params', 'Array', params);
  for (let i = 0; i < params.length; i++) {
    if (typeof params[i] !== 'string') throw invalidArgType(`params[${i}]`, 'string', params[i]);
  }
  if (options !== null && typeof options === 'object') {
    if (options.parsingContext !== undefined) throw unsupportedError('vm.compileFunction with parsingContext');
    if (options.contextExtensions !== undefined && (!Array.isArray(options.contextExtensions) || options.contextExtensions.length > 0)) {
      throw unsupportedError('vm.compileFunction with contextExtensions');
    }
  }
  const filename = filenameOf(options);
  // eslint-disable-next-line no-new-func
  const fn = new Function(...params, withSourceUrl(code, filename));
  return fn;
}

function isContext(object) {
  if (object === null || typeof object !== 'object') throw invalidArgType('object', 'object', object);
  return false;
}

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

export function install() {
  defineBuiltin('vm', () => ({
    Script,
    createContext: unsupported('createContext'),
    createScript: named((code, options) => new Script(code, options), 'createScript'),
    runInContext: unsupported('runInContext'),
    runInNewContext: unsupported('runInNewContext'),
    runInThisContext: named(runInThisContext, 'runInThisContext'),
    isContext: named(isContext, 'isContext'),
    compileFunction: named(compileFunction, 'compileFunction'),
    measureMemory: unsupported('measureMemory'),
    constants,
  }));
}
