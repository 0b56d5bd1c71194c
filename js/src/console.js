// The global console, formatting exactly as Node's (util.inspect from
// node-inspect-extracted, which is Node's own inspect.js).

import { renderTable } from './table.js';

const kIndex = '(index)', kIter = '(iteration index)', kKey = 'Key', kValues = 'Values';

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

  function write(stream, text) {
    if (indent.length > 0) {
      if (text.includes('\n')) text = text.replace(/\n/g, `\n${indent}`);
      text = indent + text;
    }
    stream.write(`${text}\n`);
  }

  const console = {
    log(...args) { write(stdout, formatWithOptions({}, ...args)); },
    warn(...args) { write(stderr, formatWithOptions({}, ...args)); },
    dir(object, options) { write(stdout, inspect(object, { customInspect: false, ...options })); },
    dirxml(...args) { console.log(...args); },
    trace(...args) {
      const err = { name: 'Trace', message: formatWithOptions({}, ...args) };
      Error.captureStackTrace(err, console.trace);
      console.error(err.stack);
    },
    assert(expression, ...args) {
      if (!expression) {
        args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
        console.warn(...args);
      }
    },
    clear() {},
    count(label = 'default') {
      label = `${label}`;
      const count = (counts.get(label) || 0) + 1;
      counts.set(label, count);
      console.log(`${label}: ${count}`);
    },
    countReset(label = 'default') {
      label = `${label}`;
      if (!counts.has(label)) {
        emitWarning(`Count for '${label}' does not exist`);
        return;
      }
      counts.delete(label);
    },
    group(...data) {
      if (data.length > 0) console.log(...data);
      indent += '  ';
    },
    groupEnd() {
      indent = indent.slice(0, indent.length - 2);
    },
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
      if (!timers.has(label)) {
        emitWarning(`No such label '${label}' for console.timeEnd()`);
        return;
      }
      console.log(`${label}: ${formatTime(now() - timers.get(label))}`);
      timers.delete(label);
    },
    timeLog(label = 'default', ...data) {
      label = `${label}`;
      if (!timers.has(label)) {
        emitWarning(`No such label '${label}' for console.timeLog()`);
        return;
      }
      console.log(`${label}: ${formatTime(now() - timers.get(label))}`, ...data);
    },
    table(data, properties) {
      if (data === null || typeof data !== 'object') return console.log(data);
      const show = (v) => {
        const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
        return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
      };
      const indexes = (n) => Array.from({ length: n }, (_, i) => show(i));
      const final = (head, columns) => console.log(renderTable(head, columns));
      if (data instanceof Map) {
        const keys = [], values = [];
        for (const [k, v] of data) {
          keys.push(show(k));
          values.push(show(v));
        }
        return final([kIter, kKey, kValues], [indexes(keys.length), keys, values]);
      }
      if (data instanceof Set) {
        const values = [...data].map(show);
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
    profile() {},
    profileEnd() {},
    timeStamp() {},
  };
  console.info = console.log;
  console.debug = console.log;
  console.error = console.warn;
  console.groupCollapsed = console.group;
  return console;
}
