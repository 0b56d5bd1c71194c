// fs.glob, fs.globSync and fs.promises.glob (Node 22): minimatch-style
// patterns (`*`, `?`, `[...]`, `**`, `{a,b}`, `{1..3}`), matched one path
// segment at a time while walking the directories the pattern can reach.
// Results are relative to `cwd` (absolute for absolute patterns); names
// starting with a dot only match segments that start with a dot; `**` does
// not descend into dot directories or through symlinks.

import * as ops from './fs_ops.js';
import {
  DIRENT, DirentFromStats, basename, dirname, drive, invalidArgType, join, makeStats, resolvePath, toPathIfFileURL,
  validateObject, validateString,
} from './fs_common.js';

const GLOBSTAR = Symbol('globstar');

// ---------------------------------------------------------------- patterns

function expandBraces(pattern) {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = pattern.slice(start + 1, i);
        const head = pattern.slice(0, start);
        const tail = pattern.slice(i + 1);
        const options = splitTopLevel(body);
        let alternatives;
        const range = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
        if (range) {
          const a = Number(range[1]);
          const b = Number(range[2]);
          alternatives = [];
          for (let n = a; a <= b ? n <= b : n >= b; n += a <= b ? 1 : -1) alternatives.push(String(n));
        } else if (options.length > 1) {
          alternatives = options;
        } else {
          // Not a brace expression: keep the braces, expand what follows.
          return expandBraces(tail).map((t) => `${head}{${body}}${t}`);
        }
        const out = [];
        for (const alt of alternatives) for (const rest of expandBraces(alt + tail)) out.push(head + rest);
        return out;
      }
    }
  }
  return [pattern];
}

function splitTopLevel(body) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      current += ch + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

const hasMagic = (segment) => /[*?[]/.test(segment.replace(/\\./g, ''));
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function segmentMatcher(segment) {
  if (segment === '**') return GLOBSTAR;
  if (!hasMagic(segment)) return segment.replace(/\\(.)/g, '$1');
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '\\' && i + 1 < segment.length) {
      re += escapeRegExp(segment[++i]);
    } else if (ch === '*') {
      while (segment[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (ch === '?') {
      re += '[^/]';
    } else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let cls = segment.slice(i + 1, close);
      const negate = cls[0] === '!' || cls[0] === '^';
      if (negate) cls = cls.slice(1);
      re += `[${negate ? '^' : ''}${cls.replace(/\\/g, '\\\\').replace(/^\]/, '\\]')}]`;
      i = close;
    } else {
      re += escapeRegExp(ch);
    }
  }
  const dotAllowed = segment.startsWith('.');
  return new RegExp(`^${dotAllowed ? '' : '(?!\\.)'}${re}$`);
}

function compile(pattern) {
  return expandBraces(pattern).map((expanded) => expanded.split('/').map((segment, i, all) => {
    if (segment === '' && i === 0) return '';          // absolute pattern
    if (segment === '' && i === all.length - 1) return '';  // trailing slash: directories only
    return segmentMatcher(segment);
  }).filter((segment, i, all) => !(segment === '' && i > 0 && i < all.length - 1)));
}

const matchesSegment = (matcher, name) => (typeof matcher === 'string' ? matcher === name : matcher.test(name));

// ---------------------------------------------------------------- the walk

function validateStringArrayOrFunction(value, name) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (typeof v !== 'string') throw invalidArgType(`${name}[${i}]`, 'string', v);
    });
    return;
  }
  if (typeof value !== 'function') throw invalidArgType(name, ['string[]', 'function'], value);
}

export class Glob {
  #root;
  #patterns;
  #withFileTypes;
  #exclude = null;
  #excludeMatchers = null;

  constructor(pattern, options = {}) {
    validateObject(options, 'options');
    const { exclude, cwd, withFileTypes } = options;
    this.#root = toPathIfFileURL(cwd) ?? '.';
    this.#withFileTypes = Boolean(withFileTypes);
    if (exclude != null) {
      validateStringArrayOrFunction(exclude, 'options.exclude');
      if (Array.isArray(exclude)) {
        this.#excludeMatchers = exclude.flatMap((p) => compile(resolvePath(p, resolvePath(this.#root))));
      } else {
        this.#exclude = exclude;
      }
    }
    let patterns;
    if (typeof pattern === 'object' && pattern !== null) {
      if (!Array.isArray(pattern)) throw invalidArgType('patterns', 'Array', pattern);
      pattern.forEach((p, i) => {
        if (typeof p !== 'string') throw invalidArgType(`patterns[${i}]`, 'string', p);
      });
      patterns = pattern;
    } else {
      validateString(pattern, 'patterns');
      patterns = [pattern];
    }
    this.#patterns = patterns.flatMap(compile);
  }

  #abs(path) {
    return resolvePath(path, resolvePath(this.#root));
  }

  #excludedByPattern(path) {
    if (this.#excludeMatchers === null) return false;
    const parts = this.#abs(path).split('/').slice(1);
    return this.#excludeMatchers.some((segs) => matchAll(segs.slice(1), parts));
  }

  // Visits the tree as the patterns require; calls `found(path, dirent?)`.
  * #walk(sync, found) {
    const seen = new Set();
    const listings = new Map();
    const self = this;

    function* list(dir) {
      if (listings.has(dir)) return listings.get(dir);
      let entries;
      try {
        entries = yield ops.readdir({ abs: self.#abs(dir), shown: dir }, sync);
      } catch {
        entries = [];
      }
      listings.set(dir, entries);
      return entries;
    }

    function* kindOf(path, type) {
      if (type !== DIRENT.LINK) return type;
      try {
        const st = yield ops.rawStat({ abs: self.#abs(path), shown: path }, true, sync);
        return (Number(st.mode) & 0o170000) === 0o040000 ? DIRENT.DIR : DIRENT.FILE;
      } catch {
        return DIRENT.UNKNOWN;
      }
    }

    function* lexists(path) {
      try {
        return yield ops.rawStat({ abs: self.#abs(path), shown: path }, false, sync);
      } catch {
        return null;
      }
    }

    // Node calls a function `exclude` with the relative path of each directory
    // it is about to descend into (a Dirent with withFileTypes).
    function* excludedDir(path) {
      if (!self.#exclude) return false;
      if (!self.#withFileTypes) return Boolean(self.#exclude(path));
      try {
        const stats = yield ops.lstat({ abs: self.#abs(path), shown: path }, false, sync);
        return Boolean(self.#exclude(new DirentFromStats(basename(path), stats, dirname(path))));
      } catch {
        return false;
      }
    }

    // `dir` is a directory in which segs[i] is matched against the entries.
    // Under a globstar (`dotless`), entries whose names start with a dot are
    // never matched, as in Node.
    function* visit(which, dir, segs, i, dotless) {
      const key = `${which}\0${i}\0${dotless}\0${dir}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (self.#excludedByPattern(dir) && dir !== '.') return;
      const last = segs.length - 1;
      const seg = segs[i];
      if (seg === GLOBSTAR) {
        if (i === last) {
          if (dir !== '.' || last === 0) yield* found(dir);
        } else {
          yield* visit(which, dir, segs, i + 1, true);
        }
        for (const [name, type] of yield* list(dir)) {
          if (name.startsWith('.')) continue;
          const child = join(dir, name);
          if (self.#exclude) {
            let excluded;
            if (self.#withFileTypes) {
              const stats = yield* lexists(child);
              excluded = stats !== null && self.#exclude(new DirentFromStats(name, makeStats(stats, false), dir));
            } else {
              excluded = self.#exclude(name);
            }
            if (excluded) continue;
          }
          if (type === DIRENT.DIR) {
            if (!(yield* excludedDir(child))) yield* visit(which, child, segs, i, false);
          } else if (i === last) {
            yield* found(child);
          }
        }
        return;
      }
      if (typeof seg === 'string') {
        if (seg === '' && i === last) {
          yield* found(dir);
          return;
        }
        if (dotless && seg.startsWith('.')) return;
        const child = join(dir, seg);
        if (i === last) {
          if ((yield* lexists(child)) !== null) yield* found(child);
          return;
        }
        if ((yield* kindOf(child, DIRENT.LINK)) === DIRENT.DIR && !(yield* excludedDir(child))) {
          yield* visit(which, child, segs, i + 1, false);
        }
        return;
      }
      for (const [name, type] of yield* list(dir)) {
        if (dotless && name.startsWith('.')) continue;
        if (!seg.test(name)) continue;
        const child = join(dir, name);
        if (i === last) {
          yield* found(child);
        } else if ((yield* kindOf(child, type)) === DIRENT.DIR && !(yield* excludedDir(child))) {
          yield* visit(which, child, segs, i + 1, false);
        }
      }
    }

    for (const [which, segs] of this.#patterns.entries()) {
      if (segs[0] === '' && segs.length > 1) yield* visit(which, '/', segs, 1, false);
      else if (segs.length > 0) yield* visit(which, '.', segs, 0, false);
    }
  }

  * #results(sync) {
    const results = new Set();
    const out = [];
    const self = this;
    function* found(path) {
      if (results.has(path)) return;
      if (self.#excludedByPattern(path)) return;
      results.add(path);
      if (!self.#withFileTypes) {
        out.push(path);
        return;
      }
      const full = path.startsWith('/') ? path : join(self.#root, path);
      try {
        const stats = yield ops.lstat({ abs: self.#abs(path), shown: full }, false, sync);
        out.push(new DirentFromStats(basename(full), stats, dirname(full)));
      } catch {
        // Gone since it was listed.
      }
    }
    yield* this.#walk(sync, found);
    return out;
  }

  run(sync) {
    return drive(sync, this.#results(sync));
  }

  async* iterate() {
    yield* await this.run(false);
  }
}

function matchAll(segs, parts) {
  if (segs.length === 0) return parts.length === 0;
  const [seg, ...rest] = segs;
  if (seg === GLOBSTAR) {
    for (let k = 0; k <= parts.length; k++) if (matchAll(rest, parts.slice(k))) return true;
    return false;
  }
  if (seg === '') return parts.length === 0;
  if (parts.length === 0) return false;
  return matchesSegment(seg, parts[0]) && matchAll(rest, parts.slice(1));
}
