// Names and native-code text of the globals and module functions a program sees.
const util = require('util');
const timers = require('timers');
const fns = {
  Date, setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate,
  queueMicrotask, structuredClone, Buffer, require,
  nextTick: process.nextTick, exit: process.exit, emitWarning: process.emitWarning, cwd: process.cwd,
  log: console.log, info: console.info, error: console.error, table: console.table, trace: console.trace,
  groupCollapsed: console.groupCollapsed, dirxml: console.dirxml,
  inspect: util.inspect, format: util.format, formatWithOptions: util.formatWithOptions,
  promisify: util.promisify, inherits: util.inherits, stripVTControlCharacters: util.stripVTControlCharacters,
  timersSetTimeout: timers.setTimeout, emit: require('events').prototype.emit,
  mapEntries: Map.prototype.entries, mapKeys: Map.prototype.keys, setValues: Set.prototype.values,
  setKeys: Set.prototype.keys, fnToString: Function.prototype.toString,
};
for (const [key, fn] of Object.entries(fns)) console.log(key, JSON.stringify(fn.name), fn.length);
console.log(Map.prototype[Symbol.iterator] === Map.prototype.entries, Set.prototype.keys === Set.prototype.values);
for (const fn of [Date, Map.prototype.entries, Map.prototype.values, Set.prototype.values, Set.prototype.entries, Function.prototype.toString]) {
  console.log(String(fn));
}
console.log(Object.getPrototypeOf(new Map().keys()) === Object.getPrototypeOf(new Map().values()));
console.log(typeof Date.now(), new Date(0).getTime(), Date.UTC(2020, 0, 1), Date.name, Date.length);
