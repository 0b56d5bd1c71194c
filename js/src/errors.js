// Node-shaped errors and the reports Node prints for uncaught errors.

export function budgetError(what) {
  const err = new Error(`ERR_RESOURCE_BUDGET_EXCEEDED: ${what}`);
  err.code = 'ERR_RESOURCE_BUDGET_EXCEEDED';
  return err;
}

export function unsupportedError(what) {
  const err = new Error(`${what} is not supported in sandbox`);
  err.code = 'ERR_NOT_SUPPORTED_IN_SANDBOX';
  return err;
}

const sources = new Map();   // filename -> source text, for the context line of reports

export function registerSource(filename, source) {
  sources.set(filename, source);
}

// The "file:line\n<source line>\n    ^\n\n" header Node prints above an uncaught
// error, taken from the first stack frame that points into known guest source.
function contextHeader(err) {
  if (err === null || (typeof err !== 'object' && typeof err !== 'function')) return '';
  let stack;
  try {
    stack = err.stack;
  } catch {
    return '';
  }
  if (typeof stack !== 'string') return '';
  const frame = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/m.exec(stack);
  if (!frame) return '';
  const [, file, lineText, columnText] = frame;
  const source = sources.get(file);
  if (source === undefined) return '';
  const line = Number(lineText), column = Number(columnText);
  const text = source.split('\n')[line - 1];
  if (text === undefined) return '';
  return `${file}:${line}\n${text}\n${' '.repeat(Math.max(0, column - 1))}^\n\n`;
}

export function formatUncaught(err, inspect, fromPromise, version) {
  const trailer = `\n\nNode.js ${version}\n`;
  if (fromPromise && !isErrorLike(err)) {
    const shown = typeof err === 'string' ? err : inspect(err);
    return 'node:internal/process/promises:394\n' +
      '    triggerUncaughtException(err, true /* fromPromise */);\n' +
      '    ^\n\n' +
      '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function ' +
      'without a catch block, or by rejecting a promise which was not handled with .catch(). The promise ' +
      `rejected with the reason "${shown}".] {\n  code: 'ERR_UNHANDLED_REJECTION'\n}` + trailer;
  }
  const header = contextHeader(err);
  if (!isErrorLike(err)) {
    const body = typeof err === 'string' ? err : inspect(err);
    return `${header}${body}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)` + trailer;
  }
  let body;
  try {
    body = inspect(err);
  } catch {
    body = String(err);
  }
  return header + body + trailer;
}

function isErrorLike(value) {
  return value instanceof Error || (value !== null && typeof value === 'object' && typeof value.stack === 'string' && 'message' in value);
}

// ---------------------------------------------------------------- stack traces

const kWrapperOffsets = new Map();   // CommonJS filename -> columns its wrapper adds to line 1

export function registerWrapper(filename, offset) {
  kWrapperOffsets.set(filename, offset);
}

function isHiddenFile(file) {
  return typeof file === 'string' && (file.startsWith('secure-exec:') || file === '<eval_async>');
}

function frameLocation(site) {
  if (site.isNative()) return 'native';
  let file = site.getScriptNameOrSourceURL();
  let location;
  if (!file && site.isEval()) location = `${site.getEvalOrigin()}, <anonymous>`;
  else location = file || '<anonymous>';
  const line = site.getLineNumber();
  if (line !== null && line !== undefined) {
    let column = site.getColumnNumber();
    if (line === 1 && kWrapperOffsets.has(file) && column !== null) column -= kWrapperOffsets.get(file);
    location += `:${line}`;
    if (column !== null && column !== undefined) location += `:${column}`;
  }
  return location;
}

function formatFrame(site) {
  let out = '';
  if (site.isAsync()) out += 'async ';
  if (site.isPromiseAll()) return `${out}Promise.all (index ${site.getPromiseIndex()})`;
  let functionName = site.getFunctionName();
  // A CommonJS wrapper is anonymous in Node; V8 names eval-created functions "eval".
  if (functionName === 'eval' && site.isEval() && kWrapperOffsets.has(site.getScriptNameOrSourceURL())) functionName = null;
  const isConstructor = site.isConstructor();
  const isMethodCall = !(site.isToplevel() || isConstructor);
  if (isMethodCall) {
    let typeName = null;
    try {
      typeName = site.getTypeName();
    } catch {
      typeName = null;
    }
    const methodName = site.getMethodName();
    if (functionName) {
      if (typeName && !functionName.startsWith(`${typeName}.`)) out += `${typeName}.`;
      out += functionName;
      if (methodName && !functionName.endsWith(`.${methodName}`) && functionName !== methodName) out += ` [as ${methodName}]`;
    } else {
      if (typeName) out += `${typeName}.`;
      out += methodName || '<anonymous>';
    }
  } else if (isConstructor) {
    out += `new ${functionName || '<anonymous>'}`;
  } else if (functionName) {
    out += functionName;
  } else {
    return out + frameLocation(site);
  }
  return `${out} (${frameLocation(site)})`;
}

function errorHeader(error) {
  let name, message;
  try {
    name = error.name === undefined ? 'Error' : String(error.name);
    message = error.message === undefined ? '' : String(error.message);
  } catch {
    return '<error>';
  }
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

// V8's default stack format, without the bridge's own frames, and with CommonJS
// wrapper columns corrected, so that guest stacks read like Node's.
export function installStackFormatter() {
  let userHook;
  function prepareStackTrace(error, sites) {
    if (typeof userHook === 'function') return userHook(error, sites);
    const visible = sites.filter((site) => {
      const file = site.getScriptNameOrSourceURL();
      if (isHiddenFile(file)) return false;
      if (!file && site.isEval() && /secure-exec:|<eval_async>/.test(String(site.getEvalOrigin()))) return false;
      return true;
    });
    let out = errorHeader(error);
    for (const site of visible) out += `\n    at ${formatFrame(site)}`;
    return out;
  }
  Object.defineProperty(Error, 'prepareStackTrace', {
    get: () => userHook ?? prepareStackTrace,
    set: (value) => {
      userHook = value === prepareStackTrace ? undefined : value;
    },
    configurable: true,
    enumerable: false,
  });
}
