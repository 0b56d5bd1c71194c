// The `readline` and `readline/promises` modules: line-oriented reading of any
// readable stream (process.stdin, a node:stream Readable, anything that emits
// 'data' and 'end'), with Node's line splitting (\n, \r\n, \r, crlfDelay),
// question(), 'line'/'close'/'pause'/'resume' events and async iteration, plus
// the ANSI cursor helpers. Terminal mode (raw keystroke editing, history,
// completion) is not provided: the sandbox has no TTY, so `terminal` is false.

import { StringDecoder } from 'string_decoder';
import { ctx } from './context.js';
import { EventEmitter } from './events.js';
import { defineBuiltin } from './modules.js';
import { invalidArgType, nodeError, validateFunction } from './errors.js';
import { named } from './native.js';

const CSI = '\x1b[';
const kClearToLineBeginning = `${CSI}1K`;
const kClearToLineEnd = `${CSI}0K`;
const kClearLine = `${CSI}2K`;
const kClearScreenDown = `${CSI}0J`;
const kMinCrlfDelay = 100;
const kLineEnding = /\r?\n|\r(?!\n)/g;

const kQuestionCallback = Symbol('questionCallback');
const kOldPrompt = Symbol('oldPrompt');
const kLineBuffer = Symbol('lineBuffer');
const kOnLine = Symbol('onLine');
const kNormalWrite = Symbol('normalWrite');
const kDecoder = Symbol('decoder');
const kSawReturnAt = Symbol('sawReturnAt');
const kDetach = Symbol('detach');
const kQuestion = Symbol('question');
const kIterator = Symbol('lineIterator');
const kMakeIterator = Symbol('makeLineIterator');
const kQuestionCancel = Symbol('questionCancel');

function useAfterClose() {
  return nodeError(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed');
}

function nextTick(fn, ...args) {
  ctx.process.nextTick(fn, ...args);
}

function now() {
  return ctx.clocks.realNow();
}

function initInterface(self, input, output, completer, terminal) {
  let prompt = '> ';
  let crlfDelay;
  let signal;
  let history = [];
  if (input && input.input) {
    // An options object.
    output = input.output;
    completer = input.completer;
    terminal = input.terminal;
    signal = input.signal;
    if (input.prompt !== undefined) prompt = input.prompt;
    crlfDelay = input.crlfDelay;
    if (Array.isArray(input.history)) history = input.history;
    input = input.input;
  }
  if (completer !== undefined && typeof completer !== 'function') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'completer' is invalid. Received ${ctx.inspect(completer)}`);
  }
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType('options.signal', 'AbortSignal', signal);
  }
  self.input = input;
  self.output = output;
  self.completer = completer;
  self.terminal = false;   // no TTY in the sandbox
  void terminal;
  self.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  self.history = history;
  self.historySize = 30;
  self.removeHistoryDuplicates = false;
  self.tabSize = 8;
  self.line = '';
  self._prompt = prompt;
  self[kQuestionCallback] = null;
  self[kOldPrompt] = prompt;
  self[kLineBuffer] = null;
  self[kDecoder] = new StringDecoder('utf8');
  self[kSawReturnAt] = 0;

  if (signal) {
    const onAborted = () => self.close();
    if (signal.aborted) {
      nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      self.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }

  if (input == null || typeof input.on !== 'function') {
    throw invalidArgType('input', 'stream.Readable', input);
  }
  const ondata = (data) => self[kNormalWrite](data);
  const onend = () => {
    if (typeof self[kLineBuffer] === 'string' && self[kLineBuffer].length > 0) {
      self.emit('line', self[kLineBuffer]);
    }
    self.close();
  };
  input.on('error', (err) => self.emit('error', err));
  input.on('data', ondata);
  input.on('end', onend);
  self[kDetach] = () => {
    input.removeListener('data', ondata);
    input.removeListener('end', onend);
  };
  self.once('close', () => self[kDetach]());
  if (typeof input.resume === 'function') input.resume();
}

class Interface extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    initInterface(this, input, output, completer, terminal);
  }

  get columns() {
    return this.output && this.output.columns ? this.output.columns : Infinity;
  }

  setPrompt(prompt) {
    this._prompt = prompt;
  }

  getPrompt() {
    return this._prompt;
  }

  prompt() {
    if (this.paused) this.resume();
    if (this.closed) throw useAfterClose();
    this._writeToOutput(this._prompt);
  }

  _writeToOutput(text) {
    if (typeof text !== 'string') throw invalidArgType('stringToWrite', 'string', text);
    if (this.output !== null && this.output !== undefined) this.output.write(text);
  }

  question(query, options, cb) {
    cb = typeof options === 'function' ? options : cb;
    if (options === null || typeof options !== 'object') options = {};
    if (this.closed) throw useAfterClose();
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) return;
      const onAbort = () => {
        this[kQuestionCancel]();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const original = cb;
      cb = (answer) => {
        signal.removeEventListener('abort', onAbort);
        original(answer);
      };
    }
    if (typeof cb === 'function') this[kQuestion](query, cb);
  }

  [kQuestion](query, cb) {
    if (this.closed) throw useAfterClose();
    if (this[kQuestionCallback]) {
      this.prompt();
    } else {
      this[kOldPrompt] = this._prompt;
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
    }
  }

  [kOnLine](line) {
    if (this[kQuestionCallback]) {
      const cb = this[kQuestionCallback];
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  [kNormalWrite](b) {
    if (b === undefined) return;
    let string = typeof b === 'string' ? b : this[kDecoder].write(b);
    if (this[kSawReturnAt] && now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (string.codePointAt(0) === 10) string = string.slice(1);
      this[kSawReturnAt] = 0;
    }
    kLineEnding.lastIndex = 0;
    let first = kLineEnding.exec(string);
    if (first !== null) {
      if (this[kLineBuffer]) {
        string = this[kLineBuffer] + string;
        this[kLineBuffer] = null;
        kLineEnding.lastIndex = 0;
        first = kLineEnding.exec(string);
      }
      this[kSawReturnAt] = string.endsWith('\r') ? now() : 0;
      const indexes = [0, first.index, kLineEnding.lastIndex];
      let next;
      while ((next = kLineEnding.exec(string)) !== null) indexes.push(next.index, kLineEnding.lastIndex);
      const last = indexes.length - 1;
      this[kLineBuffer] = string.slice(indexes[last]);
      for (let i = 1; i < last; i += 2) {
        this[kOnLine](string.slice(indexes[i - 1], indexes[i]));
        if (this.closed) return;
      }
    } else if (string) {
      this[kLineBuffer] = this[kLineBuffer] ? this[kLineBuffer] + string : string;
    }
  }

  write(data) {
    if (this.closed) throw useAfterClose();
    if (this.paused) this.resume();
    this[kNormalWrite](data);
  }

  pause() {
    if (this.paused) return;
    if (typeof this.input.pause === 'function') this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    if (typeof this.input.resume === 'function') this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  close() {
    if (this.closed) return;
    this.pause();
    this.closed = true;
    this.emit('close');
  }

  getCursorPos() {
    return { rows: 0, cols: this.line.length };
  }

  [Symbol.dispose]() {
    this.close();
  }

  // Lines arrive in a queue from the moment iteration starts; the loop ends at
  // 'close'. As in Node, one iterator per interface, and leaving a loop early
  // stops the iteration without closing the interface.
  [Symbol.asyncIterator]() {
    if (this[kIterator] === undefined) this[kIterator] = this[kMakeIterator]();
    return this[kIterator];
  }

  [kMakeIterator]() {
    const queue = [];
    const waiting = [];
    let done = this.closed;
    let failure = null;
    const onLine = (line) => {
      if (waiting.length > 0) waiting.shift().resolve({ value: line, done: false });
      else queue.push(line);
    };
    const finish = () => {
      done = true;
      this.removeListener('line', onLine);
      while (waiting.length > 0) waiting.shift().resolve({ value: undefined, done: true });
    };
    const onError = (err) => {
      failure = err;
      if (waiting.length > 0) waiting.shift().reject(err);
      finish();
    };
    if (!done) {
      this.on('line', onLine);
      this.once('close', finish);
      this.once('error', onError);
    }
    const rl = this;
    return {
      next() {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
        if (failure) {
          const err = failure;
          failure = null;
          return Promise.reject(err);
        }
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        finish();
        rl.removeListener('close', finish);
        rl.removeListener('error', onError);
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

function abortError(signal) {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  if (signal && signal.reason !== undefined) err.cause = signal.reason;
  return err;
}

// readline.Interface#question as a promise (util.promisify.custom) and the promises API's.
function questionPromise(rl, query, options = {}) {
  return new Promise((resolve, reject) => {
    const signal = options?.signal;
    if (signal) {
      if (signal.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = () => {
        rl[kQuestionCancel]();
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      rl[kQuestion](query, (answer) => {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      });
      return;
    }
    rl[kQuestion](query, resolve);
  });
}

Object.defineProperty(Interface.prototype.question, Symbol.for('nodejs.util.promisify.custom'), {
  value: function question(query, options) {
    return questionPromise(this, query, options);
  },
  configurable: true,
});

class PromisesInterface extends Interface {
  question(query, options = {}) {
    if (this.closed) return Promise.reject(useAfterClose());
    return questionPromise(this, query, options);
  }
}

// The bundler may rename classes that shadow other bindings; guests see Node's names.
named(Interface, 'Interface');
named(PromisesInterface, 'Interface');

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

function createPromisesInterface(input, output, completer, terminal) {
  return new PromisesInterface(input, output, completer, terminal);
}

// ---------------------------------------------------------------- ANSI helpers

function done(callback) {
  if (typeof callback === 'function') nextTick(callback, null);
  return true;
}

function clearLine(stream, dir, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) return done(callback);
  const type = dir < 0 ? kClearToLineBeginning : dir > 0 ? kClearToLineEnd : kClearLine;
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) return done(callback);
  return stream.write(kClearScreenDown, callback);
}

function invalidValue(name, value) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' is invalid. Received ${ctx.inspect(value)}`);
}

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw invalidValue('x', x);
  if (Number.isNaN(y)) throw invalidValue('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return done(callback);
  if (typeof x !== 'number') throw nodeError(TypeError, 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
  const data = typeof y !== 'number' ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null || !(dx || dy)) return done(callback);
  let data = '';
  if (dx < 0) data += `${CSI}${-dx}D`;
  else if (dx > 0) data += `${CSI}${dx}C`;
  if (dy < 0) data += `${CSI}${-dy}A`;
  else if (dy > 0) data += `${CSI}${dy}B`;
  return stream.write(data, callback);
}

// readline/promises' Readline: actions are queued, then written by commit().
class Readline {
  #stream;
  #todo = [];
  #autoCommit;
  constructor(stream, options = undefined) {
    if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function') {
      throw invalidArgType('stream', 'Writable', stream);
    }
    this.#stream = stream;
    this.#autoCommit = !!options?.autoCommit;
  }

  #queue(data) {
    if (this.#autoCommit) this.#stream.write(data);
    else this.#todo.push(data);
    return this;
  }

  cursorTo(x, y = undefined) {
    if (typeof x !== 'number' || Number.isNaN(x)) throw invalidArgType('x', 'number', x);
    if (y !== undefined && (typeof y !== 'number' || Number.isNaN(y))) throw invalidArgType('y', 'number', y);
    return this.#queue(y === undefined ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`);
  }

  moveCursor(dx, dy) {
    if (dx || dy) {
      let data = '';
      if (dx < 0) data += `${CSI}${-dx}D`;
      else if (dx > 0) data += `${CSI}${dx}C`;
      if (dy < 0) data += `${CSI}${-dy}A`;
      else if (dy > 0) data += `${CSI}${dy}B`;
      this.#queue(data);
    }
    return this;
  }

  clearLine(dir) {
    if (typeof dir !== 'number') throw invalidArgType('dir', 'number', dir);
    return this.#queue(dir < 0 ? kClearToLineBeginning : dir > 0 ? kClearToLineEnd : kClearLine);
  }

  clearScreenDown() {
    return this.#queue(kClearScreenDown);
  }

  commit() {
    const data = this.#todo.join('');
    this.#todo = [];
    return new Promise((resolve) => {
      this.#stream.write(data, () => resolve());
    });
  }

  rollback() {
    this.#todo = [];
    return this;
  }
}

// Keypress events decoded from a stream's data: printable characters and the
// common control keys (return, enter, tab, backspace, escape, ctrl+letter);
// escape sequences (arrows, function keys) arrive as one 'escape' keypress
// per ESC plus the following characters, not as Node's named keys.
const kKeypressAttached = Symbol('keypressDecoder');

function keyOf(ch) {
  const key = { sequence: ch, name: undefined, ctrl: false, meta: false, shift: false };
  if (ch === '\r') key.name = 'return';
  else if (ch === '\n') key.name = 'enter';
  else if (ch === '\t') key.name = 'tab';
  else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
  else if (ch === '\x1b') key.name = 'escape';
  else if (ch === ' ') key.name = 'space';
  else if (ch <= '\x1a') {
    key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
    key.ctrl = true;
  } else if (/^[0-9]$/.test(ch)) key.name = ch;
  else if (/^[a-z]$/.test(ch)) key.name = ch;
  else if (/^[A-Z]$/.test(ch)) {
    key.name = ch.toLowerCase();
    key.shift = true;
  }
  return key;
}

function emitKeypressEvents(stream, iface = {}) {
  void iface;
  if (stream[kKeypressAttached]) return;
  const decoder = new StringDecoder('utf8');
  stream[kKeypressAttached] = true;
  const onData = (data) => {
    if (stream.listenerCount('keypress') === 0) return;
    const text = typeof data === 'string' ? data : decoder.write(data);
    for (const ch of text) {
      const key = keyOf(ch);
      stream.emit('keypress', ch, key);
    }
  };
  stream.on('data', onData);
}

export function install() {
  const promisesModule = {
    Interface: PromisesInterface,
    Readline,
    createInterface: named(createPromisesInterface, 'createInterface'),
  };
  defineBuiltin('readline', () => ({
    Interface,
    clearLine: named(clearLine, 'clearLine'),
    clearScreenDown: named(clearScreenDown, 'clearScreenDown'),
    createInterface: named(createInterface, 'createInterface'),
    cursorTo: named(cursorTo, 'cursorTo'),
    emitKeypressEvents: named(emitKeypressEvents, 'emitKeypressEvents'),
    moveCursor: named(moveCursor, 'moveCursor'),
    promises: promisesModule,
  }));
  defineBuiltin('readline/promises', () => promisesModule);
}
