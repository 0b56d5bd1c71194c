// WHATWG URL and URLSearchParams with Node 22's surface (errors, inspect
// output, statics). Parsing and serialising is whatwg-url's state machine;
// the classes are ours, shaped after Node's lib/internal/url.js.

import { lent } from './url_prelude.js';
import * as usm from 'whatwg-url/lib/url-state-machine.js';
import * as urlencoded from 'whatwg-url/lib/urlencoded.js';
import { ctx } from './context.js';
import { nodeError, invalidArgType, validateFunction } from './errors.js';
import { named } from './native.js';

for (const name of lent.splice(0)) delete globalThis[name];

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

export function invalidUrl(input, base) {
  const err = nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

export function missingArgs(...names) {
  const list = names.map((n) => `"${n}"`);
  let msg = 'The ';
  if (list.length === 1) msg += `${list[0]} argument`;
  else if (list.length === 2) msg += `${list[0]} and ${list[1]} arguments`;
  else msg += `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]} arguments`;
  return nodeError(TypeError, 'ERR_MISSING_ARGS', `${msg} must be specified`);
}

function invalidThis(type) {
  return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

const toUSV = (value) => `${value}`.toWellFormed();

function parse(input, base) {
  let parsedBase = null;
  if (base !== undefined) {
    parsedBase = usm.basicURLParse(base);
    if (parsedBase === null) return null;
  }
  return adaOpaquePath(usm.basicURLParse(input, { baseURL: parsedBase }), input);
}

// Node's parser (ada) keeps a space that ends an opaque path before '?' or '#'
// as it is, where the current standard (whatwg-url) writes '%20'.
function adaOpaquePath(record, input) {
  if (record === null || !usm.hasAnOpaquePath(record) || (record.query === null && record.fragment === null)) return record;
  if (!record.path.endsWith('%20')) return record;
  // eslint-disable-next-line no-control-regex
  const cleaned = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const end = cleaned.search(/[?#]/);
  if (end > 0 && cleaned[end - 1] === ' ') record.path = `${record.path.slice(0, -3)} `;
  return record;
}

// Filled in the class static blocks: private state reached from the other class.
let paramsList;
let setParamsList;
let attachParams;
let paramsChanged;

export class URLSearchParams {
  #list = [];
  #url = null;

  static {
    paramsList = (p) => p.#list;
    setParamsList = (p, query) => {
      p.#list = query ? urlencoded.parseUrlencodedString(query).flat() : [];
    };
    attachParams = (p, url) => {
      p.#url = url;
    };
  }

  constructor(init = undefined) {
    if (init == null) {
      // empty
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw nodeError(TypeError, 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
        const tupleError = () => nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
        for (const pair of init) {
          if (pair == null) throw tupleError();
          if (Array.isArray(pair)) {
            if (pair.length !== 2) throw tupleError();
            this.#list.push(toUSV(pair[0]), toUSV(pair[1]));
          } else {
            if ((typeof pair !== 'object' && typeof pair !== 'function') || typeof pair[Symbol.iterator] !== 'function') throw tupleError();
            let length = 0;
            for (const element of pair) {
              length++;
              this.#list.push(toUSV(element));
            }
            if (length !== 2) throw tupleError();
          }
        }
      } else {
        const seen = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = key.toWellFormed();
          const value = toUSV(init[key]);
          const at = seen.get(name);
          if (at !== undefined) this.#list[at] = value;
          else seen.set(name, this.#list.push(name, value) - 1);
        }
      }
    } else {
      const text = toUSV(init);
      setParamsList(this, text[0] === '?' ? text.slice(1) : text);
    }
  }

  #check(args, ...names) {
    if (args < names.length) throw missingArgs(...names);
  }

  #update() {
    if (this.#url !== null) paramsChanged(this.#url, this.toString());
  }

  get size() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    return this.#list.length / 2;
  }

  append(name, value) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    this.#check(arguments.length, 'name', 'value');
    this.#list.push(toUSV(name), toUSV(value));
    this.#update();
  }

  delete(name, value = undefined) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    this.#check(arguments.length, 'name');
    const list = this.#list;
    name = toUSV(name);
    if (value !== undefined) {
      value = toUSV(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  get(name) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    this.#check(arguments.length, 'name');
    name = toUSV(name);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    this.#check(arguments.length, 'name');
    name = toUSV(name);
    const list = this.#list;
    const out = [];
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) out.push(list[i + 1]);
    return out;
  }

  has(name, value = undefined) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    this.#check(arguments.length, 'name');
    name = toUSV(name);
    if (value !== undefined) value = toUSV(value);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    this.#check(arguments.length, 'name', 'value');
    name = toUSV(name);
    value = toUSV(value);
    const list = this.#list;
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else list.splice(i, 2);
      } else i += 2;
    }
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Stable, by UTF-16 code units (the standard's order).
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#list = pairs.flat();
    this.#update();
  }

  entries() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    return new URLSearchParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    validateFunction(callback, 'callback');
    let list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
      list = this.#list;
    }
  }

  keys() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    return new URLSearchParamsIterator(this, 'key');
  }

  values() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    return new URLSearchParamsIterator(this, 'value');
  }

  toString() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    return urlencoded.serializeUrlencoded(pairs);
  }

  [inspectCustom](recurseTimes, opts) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw invalidThis('URLSearchParams');
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return opts.stylize('[Object]', 'special');
    const inner = { ...opts };
    if (recurseTimes !== null) inner.depth = recurseTimes - 1;
    const { inspect } = ctx;
    const list = this.#list;
    const parts = [];
    for (let i = 0; i < list.length; i += 2) parts.push(`${inspect(list[i], inner)} => ${inspect(list[i + 1], inner)}`);
    const plain = (s) => s.replace(/\u001b\[\d\d?m/g, ''); // eslint-disable-line no-control-regex
    const width = parts.reduce((n, p) => n + plain(p).length + 2, -2);
    const name = this.constructor.name;
    if (width > opts.breakLength) return `${name} {\n  ${parts.join(',\n  ')} }`;
    if (parts.length) return `${name} { ${parts.join(', ')} }`;
    return `${name} {}`;
  }
}

Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true,
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });
for (const key of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'size', 'sort', 'entries', 'forEach', 'keys', 'values', 'toString']) {
  Object.defineProperty(URLSearchParams.prototype, key, { enumerable: true });
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class URLSearchParamsIterator {
  #target;
  #kind;
  #index = 0;

  constructor(target, kind) {
    this.#target = target;
    this.#kind = kind;
  }

  next() {
    if (typeof this !== 'object' || this === null || !(#target in this)) throw invalidThis('URLSearchParamsIterator');
    const list = paramsList(this.#target);
    const index = this.#index;
    if (index >= list.length) return { value: undefined, done: true };
    this.#index = index + 2;
    const name = list[index];
    const value = list[index + 1];
    return { value: this.#kind === 'key' ? name : this.#kind === 'value' ? value : [name, value], done: false };
  }

  [inspectCustom](recurseTimes, opts) {
    if (!this || typeof this !== 'object' || !(#target in this)) throw invalidThis('URLSearchParamsIterator');
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return opts.stylize('[Object]', 'special');
    const inner = { ...opts };
    if (recurseTimes !== null) inner.depth = recurseTimes - 1;
    const { inspect } = ctx;
    const list = paramsList(this.#target);
    const items = [];
    for (let i = this.#index; i < list.length; i += 2) {
      if (this.#kind === 'key') items.push(list[i]);
      else if (this.#kind === 'value') items.push(list[i + 1]);
      else items.push([list[i], list[i + 1]]);
    }
    const multiline = inspect(items, inner).includes('\n');
    const strs = items.map((item) => inspect(item, inner));
    const body = multiline ? `\n  ${strs.join(',\n  ')}` : ` ${strs.join(', ')}`;
    return `${this[Symbol.toStringTag]} {${body} }`;
  }
}
delete URLSearchParamsIterator.prototype.constructor;
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, { value: 'URLSearchParams Iterator', configurable: true });
Object.defineProperty(URLSearchParamsIterator.prototype, 'next', { enumerable: true });

// blob: URLs made by URL.createObjectURL, per execution (cleared by boot).
export const blobRegistry = new Map();
let blobCounter = 0;

function isBrandCheck(self) {
  return typeof self === 'object' && self !== null;
}

export class URL {
  #record;
  #params = null;

  static {
    paramsChanged = (url, query) => {
      url.#record.query = query === '' ? null : query;
    };
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const record = parse(input, base);
    if (record === null) throw invalidUrl(input, base);
    this.#record = record;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    return parse(input, base) === null ? null : new URL(input, base);
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    return parse(input, base) !== null;
  }

  static createObjectURL(obj) {
    const Blob = globalThis.Blob;
    if (typeof Blob !== 'function' || !(obj instanceof Blob)) throw invalidArgType('obj', 'an instance of Blob', obj);
    const id = typeof globalThis.crypto?.randomUUID === 'function' ? globalThis.crypto.randomUUID() : `00000000-0000-4000-8000-${(++blobCounter).toString(16).padStart(12, '0')}`;
    blobRegistry.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw missingArgs('url');
    const parsed = URL.parse(`${url}`);
    if (parsed === null || parsed.protocol !== 'blob:') return;
    const path = parsed.pathname;
    if (path.startsWith('nodedata:')) blobRegistry.delete(path.slice(9));
  }

  [inspectCustom](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = Object.getPrototypeOf(this)?.constructor ?? URL;
    const obj = { __proto__: { constructor } };
    for (const key of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash']) {
      obj[key] = this[key];
    }
    if (opts.showHidden) obj[Symbol('context')] = { ...this.#record, path: usm.serializePath(this.#record) };
    return `${constructor.name} ${ctx.inspect(obj, opts)}`;
  }

  toString() {
    return usm.serializeURL(this.#record);
  }

  get href() {
    return usm.serializeURL(this.#record);
  }

  set href(value) {
    value = `${value}`;
    const record = adaOpaquePath(usm.basicURLParse(value), value);
    if (record === null) throw invalidUrl(value);
    this.#record = record;
    if (this.#params !== null) setParamsList(this.#params, record.query);
  }

  get origin() {
    return usm.serializeURLOrigin(this.#record);
  }

  get protocol() {
    return `${this.#record.scheme}:`;
  }

  set protocol(value) {
    usm.basicURLParse(`${value}:`, { url: this.#record, stateOverride: 'scheme start' });
  }

  get username() {
    return this.#record.username;
  }

  set username(value) {
    if (usm.cannotHaveAUsernamePasswordPort(this.#record)) return;
    usm.setTheUsername(this.#record, `${value}`);
  }

  get password() {
    return this.#record.password;
  }

  set password(value) {
    if (usm.cannotHaveAUsernamePasswordPort(this.#record)) return;
    usm.setThePassword(this.#record, `${value}`);
  }

  get host() {
    const r = this.#record;
    if (r.host === null) return '';
    if (r.port === null) return usm.serializeHost(r.host);
    return `${usm.serializeHost(r.host)}:${r.port}`;
  }

  set host(value) {
    if (usm.hasAnOpaquePath(this.#record)) return;
    usm.basicURLParse(`${value}`, { url: this.#record, stateOverride: 'host' });
  }

  get hostname() {
    const r = this.#record;
    return r.host === null ? '' : usm.serializeHost(r.host);
  }

  set hostname(value) {
    if (usm.hasAnOpaquePath(this.#record)) return;
    usm.basicURLParse(`${value}`, { url: this.#record, stateOverride: 'hostname' });
  }

  get port() {
    return this.#record.port === null ? '' : `${this.#record.port}`;
  }

  set port(value) {
    if (usm.cannotHaveAUsernamePasswordPort(this.#record)) return;
    value = `${value}`;
    if (value === '') this.#record.port = null;
    else usm.basicURLParse(value, { url: this.#record, stateOverride: 'port' });
  }

  get pathname() {
    return usm.serializePath(this.#record);
  }

  set pathname(value) {
    if (usm.hasAnOpaquePath(this.#record)) return;
    this.#record.path = [];
    usm.basicURLParse(`${value}`, { url: this.#record, stateOverride: 'path start' });
  }

  get search() {
    const q = this.#record.query;
    return q === null || q === '' ? '' : `?${q}`;
  }

  set search(value) {
    value = `${value}`;
    const r = this.#record;
    if (value === '') {
      r.query = null;
      stripTrailingSpaces(r);
    } else {
      r.query = '';
      usm.basicURLParse(value[0] === '?' ? value.slice(1) : value, { url: r, stateOverride: 'query' });
    }
    if (this.#params !== null) setParamsList(this.#params, r.query);
  }

  get searchParams() {
    if (this.#params === null) {
      this.#params = new URLSearchParams(this.#record.query ?? '');
      attachParams(this.#params, this);
    }
    return this.#params;
  }

  get hash() {
    const f = this.#record.fragment;
    return f === null || f === '' ? '' : `#${f}`;
  }

  set hash(value) {
    value = `${value}`;
    const r = this.#record;
    if (value === '') {
      r.fragment = null;
      stripTrailingSpaces(r);
      return;
    }
    r.fragment = '';
    usm.basicURLParse(value[0] === '#' ? value.slice(1) : value, { url: r, stateOverride: 'fragment' });
  }

  toJSON() {
    return usm.serializeURL(this.#record);
  }
}

// "Potentially strip trailing spaces from an opaque path".
function stripTrailingSpaces(record) {
  if (!usm.hasAnOpaquePath(record) || record.fragment !== null || record.query !== null) return;
  record.path = record.path.replace(/ +$/, '');
}

named(URL, 'URL');
named(URLSearchParams, 'URLSearchParams');
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const key of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
  Object.defineProperty(URL.prototype, key, { enumerable: true });
}
for (const key of ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']) {
  Object.defineProperty(URL, key, { enumerable: true });
}

export function isURL(self) {
  return Boolean(isBrandCheck(self) && self.href && self.protocol && self.auth === undefined && self.path === undefined);
}

// Node's domainToASCII/domainToUnicode: the host as a special URL's hostname setter sees it.
export function hostnameOf(domain) {
  const record = usm.basicURLParse('ws://x');
  if (usm.basicURLParse(domain, { url: record, stateOverride: 'hostname' }) === null) return null;
  return usm.serializeHost(record.host);
}
