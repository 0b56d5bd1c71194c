// The `performance` global and the `perf_hooks` module: user timing (marks,
// measures), PerformanceObserver within the isolate, histograms. Times come
// from ctx.clocks, so in freeze mode performance.now() stays at 0.

import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { nodeError, invalidArgType, outOfRange, validateFunction, validateInteger } from './errors.js';
import { DOMException } from './dom_exception.js';
import { named } from './native.js';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kName = Symbol('PerformanceEntry.Name');
const kEntryType = Symbol('PerformanceEntry.EntryType');
const kStartTime = Symbol('PerformanceEntry.StartTime');
const kDuration = Symbol('PerformanceEntry.Duration');
const kDetail = Symbol('NodePerformanceEntry.Detail');
const kSkipThrow = Symbol('kSkipThrow');
const kBuffer = Symbol('kBuffer');

const illegal = () => nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
const invalidThis = (type) => nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
const missingArgs = (...names) => nodeError(TypeError, 'ERR_MISSING_ARGS',
  `The ${names.length === 1 ? `"${names[0]}" argument` : `${names.slice(0, -1).map((n) => `"${n}"`).join(', ')} and "${names[names.length - 1]}" arguments`} must be specified`);
const invalidArgValue = (name, value, reason = 'is invalid') => nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
  `The ${name.includes('.') ? 'property' : 'argument'} '${name}' ${reason}. Received ${ctx.inspect(value)}`);
const invalidTimestamp = (name) => nodeError(TypeError, 'ERR_PERFORMANCE_INVALID_TIMESTAMP', `${name} is not a valid timestamp`);
const measureOptionsError = (msg) => nodeError(TypeError, 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', msg);

function validateObject(value, name) {
  if (value === null || Array.isArray(value) || typeof value !== 'object') throw invalidArgType(name, 'Object', value);
}

const now = () => ctx.clocks.performanceNow();
const nested = (options) => ({ ...options, depth: options.depth == null ? null : options.depth - 1 });

// Per-execution state, reset by install().
const state = { marks: new Map(), buffer: [], observers: new Set(), pending: new Set(), isPending: false };

export class PerformanceEntry {
  constructor(skip = undefined, name = undefined, type = undefined, start = undefined, duration = undefined) {
    if (skip !== kSkipThrow) throw illegal();
    this[kName] = name;
    this[kEntryType] = type;
    this[kStartTime] = start;
    this[kDuration] = duration;
  }

  get name() {
    if (this?.[kName] === undefined) throw invalidThis('PerformanceEntry');
    return this[kName];
  }

  get entryType() {
    if (this?.[kEntryType] === undefined) throw invalidThis('PerformanceEntry');
    return this[kEntryType];
  }

  get startTime() {
    if (this?.[kStartTime] === undefined) throw invalidThis('PerformanceEntry');
    return this[kStartTime];
  }

  get duration() {
    if (this?.[kDuration] === undefined) throw invalidThis('PerformanceEntry');
    return this[kDuration];
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return this;
    return `${this.constructor.name} ${ctx.inspect(this.toJSON(), nested(options))}`;
  }

  toJSON() {
    if (this?.[kName] === undefined) throw invalidThis('PerformanceEntry');
    return { name: this[kName], entryType: this[kEntryType], startTime: this[kStartTime], duration: this[kDuration] };
  }
}

const nodeTimingNames = new Set(['nodeStart', 'v8Start', 'environment', 'loopStart', 'loopExit', 'bootstrapComplete']);

function getMark(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw invalidTimestamp(name);
    return name;
  }
  name = `${name}`;
  if (nodeTimingNames.has(name)) return 0;
  const ts = state.marks.get(name);
  if (ts === undefined) throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  return ts;
}

const clone = (value) => (value != null ? ctx.core.structuredClone(value, []) : null);

export class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw missingArgs('name');
    name = `${name}`;
    if (nodeTimingNames.has(name)) throw invalidArgValue('name', name);
    if (options != null) validateObject(options, 'options');
    const startTime = options?.startTime ?? now();
    if (typeof startTime !== 'number') throw invalidArgType('startTime', 'number', startTime);
    if (startTime < 0) throw invalidTimestamp(startTime);
    state.marks.set(name, startTime);
    const detail = clone(options?.detail);
    super(kSkipThrow, name, 'mark', startTime, 0);
    this[kDetail] = detail;
  }

  get detail() {
    if (this?.[kDetail] === undefined) throw invalidThis('PerformanceMark');
    return this[kDetail];
  }

  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this[kDetail] };
  }
}

export class PerformanceMeasure extends PerformanceEntry {
  constructor(skip = undefined, name = undefined, type = undefined, start = undefined, duration = undefined) {
    if (skip !== kSkipThrow) throw illegal();
    super(skip, name, type, start, duration);
  }

  get detail() {
    if (this?.[kDetail] === undefined) throw invalidThis('PerformanceMeasure');
    return this[kDetail];
  }

  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this[kDetail] };
  }
}

function calculateStartDuration(startOrOptions, endMark) {
  startOrOptions ??= 0;
  let start;
  let end;
  let duration;
  let optionsValid = false;
  if (typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions);
    optionsValid = start !== undefined || end !== undefined;
  }
  if (optionsValid) {
    if (endMark !== undefined) throw measureOptionsError('endMark must not be specified');
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw measureOptionsError('Must not have options.start, options.end, and options.duration specified');
    }
  }
  if (endMark !== undefined) end = getMark(endMark);
  else if (optionsValid && end !== undefined) end = getMark(end);
  else if (optionsValid && start !== undefined && duration !== undefined) end = getMark(start) + getMark(duration);
  else end = now();
  if (typeof startOrOptions === 'string') start = getMark(startOrOptions);
  else if (optionsValid && start !== undefined) start = getMark(start);
  else if (optionsValid && duration !== undefined && end !== undefined) start = end - getMark(duration);
  else start = 0;
  return { start, duration: end - start };
}

// ---------------------------------------------------------------- observers

export class PerformanceObserverEntryList {
  constructor(skip = undefined, entries = []) {
    if (skip !== kSkipThrow) throw illegal();
    this[kBuffer] = entries.sort((a, b) => a.startTime - b.startTime);
  }

  getEntries() {
    if (this?.[kBuffer] === undefined) throw invalidThis('PerformanceObserverEntryList');
    return this[kBuffer].slice();
  }

  getEntriesByType(type) {
    if (this?.[kBuffer] === undefined) throw invalidThis('PerformanceObserverEntryList');
    if (arguments.length === 0) throw missingArgs('type');
    type = `${type}`;
    return this[kBuffer].filter((e) => e.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    if (this?.[kBuffer] === undefined) throw invalidThis('PerformanceObserverEntryList');
    if (arguments.length === 0) throw missingArgs('name');
    name = `${name}`;
    if (type !== undefined) {
      type = `${type}`;
      return this[kBuffer].filter((e) => e.name === name && e.entryType === type);
    }
    return this[kBuffer].filter((e) => e.name === name);
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return this;
    return `PerformanceObserverEntryList ${ctx.inspect(this[kBuffer], nested(options))}`;
  }
}

// The entry types this sandbox can produce; Node's list for what it accepts.
const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);

function queuePending() {
  if (state.isPending) return;
  state.isPending = true;
  ctx.loop.setImmediate(() => {
    state.isPending = false;
    const pendings = [...state.pending];
    state.pending.clear();
    for (const observer of pendings) observer._dispatch();
  });
}

export class PerformanceObserver {
  #buffer = [];
  #entryTypes = new Set();
  #type;
  #callback;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = { ...options };
    if (entryTypes === undefined && type === undefined) throw missingArgs('options.entryTypes', 'options.type');
    if (entryTypes != null && type != null) {
      throw invalidArgValue('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
    }
    if (this.#type === undefined) {
      if (entryTypes !== undefined) this.#type = 'multiple';
      if (type !== undefined) this.#type = 'single';
    } else if (this.#type === 'single' && entryTypes !== undefined) {
      throw new DOMException('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
    } else if (this.#type === 'multiple' && type !== undefined) {
      throw new DOMException('PerformanceObserver can not change to single observation', 'InvalidModificationError');
    }
    if (this.#type === 'multiple') {
      if (!Array.isArray(entryTypes)) throw invalidArgType('options.entryTypes', 'string[]', entryTypes);
      this.#entryTypes.clear();
      for (const t of entryTypes) if (supportedEntryTypes.includes(t)) this.#entryTypes.add(t);
    } else {
      if (!supportedEntryTypes.includes(type)) return;
      this.#entryTypes.add(type);
      if (buffered) {
        this.#buffer.push(...state.buffer.filter((e) => e.entryType === type));
        state.pending.add(this);
        queuePending();
      }
    }
    if (this.#entryTypes.size) state.observers.add(this);
    else this.disconnect();
  }

  disconnect() {
    state.observers.delete(this);
    state.pending.delete(this);
    this.#buffer = [];
    this.#entryTypes.clear();
    this.#type = undefined;
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  static get supportedEntryTypes() {
    return supportedEntryTypes;
  }

  _maybeBuffer(entry) {
    if (!this.#entryTypes.has(entry.entryType)) return;
    this.#buffer.push(entry);
    state.pending.add(this);
    queuePending();
  }

  _dispatch() {
    this.#callback(new PerformanceObserverEntryList(kSkipThrow, this.takeRecords()), this);
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return this;
    return `PerformanceObserver ${ctx.inspect({
      connected: state.observers.has(this),
      pending: state.pending.has(this),
      entryTypes: [...this.#entryTypes],
      buffer: this.#buffer,
    }, nested(options))}`;
  }
}
for (const key of ['_maybeBuffer', '_dispatch']) Object.defineProperty(PerformanceObserver.prototype, key, { enumerable: false });

// Node caps its user timing buffer (and warns); entries beyond it are dropped here.
const kMaxBufferedEntries = 100000;

function enqueue(entry) {
  for (const observer of state.observers) observer._maybeBuffer(entry);
  if (state.buffer.length < kMaxBufferedEntries) state.buffer.push(entry);
}

// ---------------------------------------------------------------- histograms

const kMaxRecords = 1 << 20;

export class Histogram {
  #values = new Map();
  #count = 0;
  #min = 9223372036854776000;
  #max = 0;
  #sum = 0;
  #sumSq = 0;
  #exceeds = 0;
  #lowest;
  #highest;

  constructor(skip, lowest = 1, highest = Number.MAX_SAFE_INTEGER) {
    if (skip !== kSkipThrow) throw illegal();
    this.#lowest = lowest;
    this.#highest = highest;
  }

  _record(value) {
    if (value > this.#highest) {
      this.#exceeds++;
      return;
    }
    if (this.#values.size >= kMaxRecords && !this.#values.has(value)) {
      this.#exceeds++;
      return;
    }
    this.#values.set(value, (this.#values.get(value) ?? 0) + 1);
    this.#count++;
    if (value < this.#min) this.#min = value;
    if (value > this.#max) this.#max = value;
    this.#sum += value;
    this.#sumSq += value * value;
  }

  _mergeFrom(other) {
    for (const [value, n] of other.#values) for (let i = 0; i < n; i++) this._record(value);
    this.#exceeds += other.#exceeds;
  }

  get count() { return this.#count; }
  get countBigInt() { return BigInt(this.#count); }
  get min() { return this.#min; }
  get minBigInt() { return BigInt(this.#min); }
  get max() { return this.#max; }
  get maxBigInt() { return BigInt(this.#max); }
  get mean() { return this.#count === 0 ? NaN : this.#sum / this.#count; }
  get exceeds() { return this.#exceeds; }
  get exceedsBigInt() { return BigInt(this.#exceeds); }

  get stddev() {
    if (this.#count === 0) return NaN;
    const mean = this.#sum / this.#count;
    return Math.sqrt(Math.max(0, this.#sumSq / this.#count - mean * mean));
  }

  percentile(percentile) {
    if (typeof percentile !== 'number') throw invalidArgType('percentile', 'number', percentile);
    if (!(percentile > 0 && percentile <= 100)) throw outOfRange('percentile', '> 0 && <= 100', percentile);
    if (this.#count === 0) return 0;
    const sorted = [...this.#values.keys()].sort((a, b) => a - b);
    const wanted = Math.max(1, Math.ceil((percentile / 100) * this.#count));
    let seen = 0;
    for (const value of sorted) {
      seen += this.#values.get(value);
      if (seen >= wanted) return value;
    }
    return this.#max;
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  get percentiles() {
    const map = new Map();
    if (this.#count === 0) {
      map.set(100, 0);
      return map;
    }
    const sorted = [...this.#values.keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const value of sorted) {
      const before = (seen / this.#count) * 100;
      seen += this.#values.get(value);
      if (!map.has(before)) map.set(before, value);
    }
    map.set(100, this.#max);
    return map;
  }

  reset() {
    this.#values.clear();
    this.#count = 0;
    this.#min = 9223372036854776000;
    this.#max = 0;
    this.#sum = 0;
    this.#sumSq = 0;
    this.#exceeds = 0;
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return this;
    return `Histogram ${ctx.inspect({
      min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds, stddev: this.stddev, count: this.count, percentiles: this.percentiles,
    }, nested(options))}`;
  }

  toJSON() {
    return {
      count: this.count, min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds, stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles.entries()),
    };
  }
}
for (const key of ['_record', '_mergeFrom']) Object.defineProperty(Histogram.prototype, key, { enumerable: false });

export class RecordableHistogram extends Histogram {
  #prev = 0n;

  constructor(skip, lowest, highest) {
    super(skip, lowest, highest);
  }

  record(val) {
    if (typeof val === 'bigint') val = Number(val);
    else if (typeof val !== 'number') throw invalidArgType('val', 'number', val);
    if (val < 1 || val > Number.MAX_SAFE_INTEGER || !Number.isInteger(val)) throw outOfRange('val', `>= 1 && <= ${Number.MAX_SAFE_INTEGER}`, val);
    this._record(val);
  }

  recordDelta() {
    const t = ctx.clocks.hrtimeNs();
    if (this.#prev !== 0n) {
      const delta = Number(t - this.#prev);
      if (delta > 0) this._record(delta);
    }
    this.#prev = t;
  }

  add(other) {
    if (!(other instanceof RecordableHistogram)) throw invalidArgType('other', 'RecordableHistogram', other);
    this._mergeFrom(other);
  }
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  if (typeof lowest !== 'number' && typeof lowest !== 'bigint') throw invalidArgType('options.lowest', ['number', 'bigint'], lowest);
  if (typeof highest !== 'number' && typeof highest !== 'bigint') throw invalidArgType('options.highest', ['number', 'bigint'], highest);
  if (typeof figures !== 'number') throw invalidArgType('options.figures', 'number', figures);
  if (!Number.isInteger(figures) || figures < 1 || figures > 5) throw outOfRange('options.figures', '>= 1 && <= 5', figures);
  return new RecordableHistogram(kSkipThrow, Number(lowest), Number(highest));
}

// Samples the loop's delay on an unref'd timer. The delay is read from the
// guest's clocks: in freeze mode they stand still, so nothing is recorded.
class IntervalHistogram extends Histogram {
  #timer = null;
  #resolution;
  #last = 0n;

  constructor(skip, resolution) {
    super(skip);
    this.#resolution = resolution;
  }

  enable() {
    if (this.#timer !== null) return false;
    this.#last = ctx.clocks.hrtimeNs();
    this.#timer = ctx.loop.setInterval(() => {
      const t = ctx.clocks.hrtimeNs();
      const delay = Number(t - this.#last) - this.#resolution * 1e6;
      this.#last = t;
      if (delay > 0) this._record(delay);
    }, this.#resolution).unref();
    return true;
  }

  disable() {
    if (this.#timer === null) return false;
    ctx.loop.clearInterval(this.#timer);
    this.#timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new IntervalHistogram(kSkipThrow, resolution);
}

// ---------------------------------------------------------------- Performance

const kPerformanceBrand = Symbol('performance');

export class Performance {
  constructor() {
    throw illegal();
  }

  now() {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    return now();
  }

  get timeOrigin() {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    return ctx.clocks.timeOrigin ?? 0;
  }

  mark(name, options) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    if (arguments.length === 0) throw missingArgs('name');
    const entry = new PerformanceMark(name, options);
    enqueue(entry);
    return entry;
  }

  measure(name, startOrOptions, endMark) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    if (arguments.length === 0) throw missingArgs('name');
    if (typeof name !== 'string') throw invalidArgType('name', 'string', name);
    const { start, duration } = calculateStartDuration(startOrOptions, endMark);
    const entry = new PerformanceMeasure(kSkipThrow, name, 'measure', start, duration);
    entry[kDetail] = clone(startOrOptions?.detail);
    enqueue(entry);
    return entry;
  }

  clearMarks(name = undefined) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    clearEntries('mark', name);
    if (name !== undefined) state.marks.delete(`${name}`);
    else state.marks.clear();
  }

  clearMeasures(name = undefined) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    clearEntries('measure', name);
  }

  clearResourceTimings(name = undefined) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    clearEntries('resource', name);
  }

  getEntries() {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    return state.buffer.slice().sort((a, b) => a.startTime - b.startTime);
  }

  getEntriesByName(name, type = undefined) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    if (arguments.length === 0) throw missingArgs('name');
    name = `${name}`;
    return this.getEntries().filter((e) => e.name === name && (type === undefined || e.entryType === `${type}`));
  }

  getEntriesByType(type) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    if (arguments.length === 0) throw missingArgs('type');
    type = `${type}`;
    return this.getEntries().filter((e) => e.entryType === type);
  }

  setResourceTimingBufferSize(maxSize) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    if (arguments.length === 0) throw missingArgs('maxSize');
  }

  eventLoopUtilization(util1, util2) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    // The sandbox does not measure idle time: everything is reported as active
    // in "off" mode, and all zero when clocks are frozen.
    const active = now();
    if (util1 && util2) return { idle: 0, active: util1.active - util2.active, utilization: util1.active - util2.active > 0 ? 1 : 0 };
    if (util1) return { idle: 0, active: active - util1.active, utilization: active - util1.active > 0 ? 1 : 0 };
    return { idle: 0, active, utilization: active > 0 ? 1 : 0 };
  }

  timerify(fn, options = {}) {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    validateFunction(fn, 'fn');
    validateObject(options, 'options');
    const { histogram } = options;
    if (histogram !== undefined && !(histogram instanceof RecordableHistogram)) {
      throw invalidArgType('options.histogram', 'RecordableHistogram', histogram);
    }
    function timerified(...args) {
      const start = now();
      const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
      const duration = now() - start;
      if (histogram !== undefined && duration > 0) histogram._record(Math.ceil(duration * 1e6));
      const entry = new PerformanceEntry(kSkipThrow, fn.name, 'function', start, duration);
      entry[kDetail] = args;
      enqueue(entry);
      return result;
    }
    Object.defineProperties(timerified, {
      length: { value: fn.length, configurable: true },
      name: { value: `timerified ${fn.name}`, configurable: true },
    });
    return timerified;
  }

  get nodeTiming() {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    return { name: 'node', entryType: 'node', startTime: 0, duration: now(), nodeStart: 0, v8Start: 0, environment: 0, bootstrapComplete: 0, loopStart: 0, loopExit: -1, idleTime: 0 };
  }

  toJSON() {
    if (this?.[kPerformanceBrand] !== true) throw invalidThis('Performance');
    return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return this;
    return `Performance ${ctx.inspect({ nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() }, nested(options))}`;
  }
}

function clearEntries(type, name) {
  state.buffer = state.buffer.filter((e) => e.entryType !== type || (name !== undefined && e.name !== `${name}`));
}

function tag(cls, value, keys = []) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value, writable: false, enumerable: false, configurable: true });
  for (const key of keys) Object.defineProperty(cls.prototype, key, { enumerable: true });
  named(cls, value);
}
tag(PerformanceEntry, 'PerformanceEntry', ['name', 'entryType', 'startTime', 'duration', 'toJSON']);
tag(PerformanceMark, 'PerformanceMark', ['detail']);
tag(PerformanceMeasure, 'PerformanceMeasure', ['detail']);
tag(PerformanceObserverEntryList, 'PerformanceObserverEntryList', ['getEntries', 'getEntriesByType', 'getEntriesByName']);
tag(PerformanceObserver, 'PerformanceObserver', ['observe', 'disconnect', 'takeRecords']);
tag(Performance, 'Performance', ['clearMarks', 'clearMeasures', 'clearResourceTimings', 'getEntries', 'getEntriesByName',
  'getEntriesByType', 'mark', 'measure', 'now', 'setResourceTimingBufferSize', 'timeOrigin', 'toJSON',
  'eventLoopUtilization', 'nodeTiming', 'timerify']);
named(Histogram, 'Histogram');
named(RecordableHistogram, 'RecordableHistogram');

export function install() {
  state.marks = new Map();
  state.buffer = [];
  state.observers = new Set();
  state.pending = new Set();
  state.isPending = false;
  const timeOrigin = globalThis.performance?.timeOrigin ?? 0;
  ctx.clocks.timeOrigin = timeOrigin;
  const performance = Object.create(Performance.prototype);
  Object.defineProperty(performance, kPerformanceBrand, { value: true });
  // An accessor pair, as Node defines it.
  let current = performance;
  Object.defineProperty(globalThis, 'performance', {
    get: named(function () {
      return current;
    }, 'get performance'),
    set: named(function (value) {
      current = value;
    }, 'set performance'),
    configurable: true,
    enumerable: true,
  });
  for (const cls of [Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver, PerformanceObserverEntryList]) {
    ctx.defineGlobal(cls.name, cls);
  }
  const constants = {
    NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8, NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0, NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2, NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8, NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32, NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  };
  defineBuiltin('perf_hooks', () => ({
    Performance,
    PerformanceEntry,
    PerformanceMark,
    PerformanceMeasure,
    PerformanceObserver,
    PerformanceObserverEntryList,
    PerformanceResourceTiming: class PerformanceResourceTiming extends PerformanceEntry {
      constructor() {
        throw illegal();
      }
    },
    monitorEventLoopDelay,
    createHistogram,
    performance,
    constants,
  }));
}
