// The global console, following Node 22's lib/internal/console/constructor.js:
// same methods in the same order, formatting by Node's own util.inspect.

import { renderTable } from './table.js';
import { invalidArgType } from './errors.js';
import { previewEntries } from './iterator_preview.js';
import { types } from './inspect_bindings.js';

const kIndex = '(index)', kIter = '(iteration index)', kKey = 'Key', kValues = 'Values';
const kGroupIndentationWidth = 2;

function formatTime(ms) {
  let hours = 0, minutes = 0, seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [s, frac] = seconds.toFixed(3).split('.');
    const pad = (n) => String(n).padStart(2, '0');
    return `${hours !== 0 ? `${hours}:${pad(minutes)}` : minutes}:${pad(s)}.${frac} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

export function createConsole({ util, stdout, stderr, now, emitWarning }) {
  const { inspect, formatWithOptions } = util;
  let indent = '';
  const counts = new Map();
  const timers = new Map();

  // Node's kWriteToConsole, group indentation included. Node also swallows the
  // stream's write errors (EPIPE and the like); the only errors our streams
  // raise are the sandbox's own limits, which the program must see.
  function write(stream, text) {
    if (indent.length !== 0) {
      if (text.includes('\n')) text = text.replace(/\n/g, `\n${indent}`);
      text = indent + text;
    }
    stream.write(`${text}\n`);
  }

  const format = (args) => formatWithOptions({}, ...args);

  function timeLogImpl(label, formatted, args) {
    if (args === undefined) console.log('%s: %s', label, formatted);
    else console.log('%s: %s', label, formatted, ...args);
  }

  function elapsed(label, implementation) {
    if (!timers.has(label)) {
      emitWarning(`No such label '${label}' for ${implementation}`);
      return undefined;
    }
    return formatTime(now() - timers.get(label));
  }

  const console = {
    log(...args) { write(stdout, format(args)); },
    info(...args) { write(stdout, format(args)); },
    debug(...args) { write(stdout, format(args)); },
    warn(...args) { write(stderr, format(args)); },
    error(...args) { write(stderr, format(args)); },
    dir(object, options) { write(stdout, inspect(object, { customInspect: false, ...options })); },
    time(label = 'default') {
      label = `${label}`;
      if (timers.has(label)) {
        emitWarning(`Label '${label}' already exists for console.time()`);
        return;
      }
      timers.set(label, now());
    },
    timeEnd(label = 'default') {
      label = `${label}`;
      const formatted = elapsed(label, 'console.timeEnd()');
      if (formatted !== undefined) timeLogImpl(label, formatted);
      timers.delete(label);
    },
    timeLog(label = 'default', ...data) {
      label = `${label}`;
      const formatted = elapsed(label, 'console.timeLog()');
      if (formatted !== undefined) timeLogImpl(label, formatted, data);
    },
    trace: function trace(...args) {
      const err = { name: 'Trace', message: format(args) };
      Error.captureStackTrace(err, trace);
      console.error(err.stack);
    },
    assert(expression, ...args) {
      if (!expression) {
        if (args.length && typeof args[0] === 'string') args[0] = `Assertion failed: ${args[0]}`;
        else args.unshift('Assertion failed');
        console.warn(...args);
      }
    },
    clear() {},
    count(label = 'default') {
      label = `${label}`;
      const count = (counts.get(label) ?? 0) + 1;
      counts.set(label, count);
      console.log(`${label}: ${count}`);
    },
    countReset(label = 'default') {
      // As Node: looked up as given, deleted as a string.
      if (!counts.has(label)) {
        emitWarning(`Count for '${label}' does not exist`);
        return;
      }
      counts.delete(`${label}`);
    },
    group(...data) {
      if (data.length > 0) console.log(...data);
      indent += ' '.repeat(kGroupIndentationWidth);
    },
    groupEnd() {
      indent = indent.slice(0, indent.length - kGroupIndentationWidth);
    },
    table(data, properties) {
      if (properties !== undefined && !Array.isArray(properties)) throw invalidArgType('properties', 'Array', properties);
      if (data === null || typeof data !== 'object') return console.log(data);
      const show = (v) => {
        const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
        return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
      };
      const indexes = (n) => Array.from({ length: n }, (_, i) => show(i));
      const final = (head, columns) => console.log(renderTable(head, columns));

      const mapIter = types.isMapIterator(data);
      let isKeyValue = false;
      if (mapIter) [data, isKeyValue] = previewEntries(data, true);
      if (isKeyValue || types.isMap(data)) {
        const keys = [], values = [];
        if (mapIter) {
          for (let i = 0; i < data.length / 2; i++) {
            keys.push(show(data[i * 2]));
            values.push(show(data[i * 2 + 1]));
          }
        } else {
          for (const { 0: k, 1: v } of data) {
            keys.push(show(k));
            values.push(show(v));
          }
        }
        return final([kIter, kKey, kValues], [indexes(keys.length), keys, values]);
      }
      const setIter = types.isSetIterator(data);
      if (setIter) [data] = previewEntries(data, true);
      if (setIter || mapIter || types.isSet(data)) {
        const values = [];
        for (const v of data) values.push(show(v));
        return final([kIter, kValues], [indexes(values.length), values]);
      }

      const map = { __proto__: null };
      let hasPrimitives = false;
      const primitiveValues = [];
      const indexKeys = Object.keys(data);
      for (let i = 0; i < indexKeys.length; i++) {
        const item = data[indexKeys[i]];
        const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
        if (properties === undefined && primitive) {
          hasPrimitives = true;
          primitiveValues[i] = show(item);
        } else {
          const keys = properties || Object.keys(item);
          for (const key of keys) {
            map[key] ??= [];
            if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) map[key][i] = '';
            else map[key][i] = show(item[key]);
          }
        }
      }
      const head = Object.keys(map);
      const columns = Object.values(map);
      if (hasPrimitives) {
        head.push(kValues);
        columns.push(primitiveValues);
      }
      head.unshift(kIndex);
      columns.unshift(indexKeys);
      return final(head, columns);
    },
    dirxml(...args) { write(stdout, format(args)); },
    groupCollapsed(...data) { console.group(...data); },
    Console: function Console(options, stderrStream) {
      if (!new.target) return new Console(options, stderrStream);
      const out = options && typeof options.write !== 'function' ? options.stdout : options;
      const err = options && typeof options.write !== 'function' ? options.stderr ?? out : stderrStream ?? out;
      if (!out || typeof out.write !== 'function') throw invalidArgType('stdout', 'WritableStream', out);
      Object.assign(this, createConsole({ util, stdout: out, stderr: err, now, emitWarning }));
    },
    profile() {},
    profileEnd() {},
    timeStamp() {},
    context() { return createConsole({ util, stdout, stderr, now, emitWarning }); },
    createTask() { return { run: (fn) => fn() }; },
  };
  // Node's global console wraps each method for the inspector: every length is 0.
  for (const [key, value] of Object.entries(console)) {
    if (key !== 'Console') Object.defineProperty(value, 'length', { value: 0 });
  }
  Object.defineProperty(console, Symbol.toStringTag, { value: 'console', writable: false, enumerable: false, configurable: true });
  return console;
}
