// fs.Dir, fs.opendir and fs.opendirSync. The listing is read from the host when
// the directory is opened (one call; the host holds no handle), then handed
// out one Dirent at a time; with `recursive`, subdirectories are read when
// their entry is reached and their entries queued after the current ones.

import * as ops from './fs_ops.js';
import {
  Dirent, encodeName, getOptions, getPath, join, nodeError, pathString, resolvePath, validateFunction,
  validateUint32,
} from './fs_common.js';
import { nextTick } from './loop.js';

const OPENDIR = { scandir: 'opendir' };

// Node's synchronous opendir errors name no path ("ENOENT: no such file or
// directory, opendir"); the asynchronous ones do.
function withoutPath(err) {
  if (err === null || typeof err !== 'object' || err.syscall !== 'opendir' || err.path === undefined) return err;
  const at = err.message.indexOf(', opendir');
  const e = new Error(at < 0 ? err.message : err.message.slice(0, at + ', opendir'.length));
  e.errno = err.errno;
  e.code = err.code;
  e.syscall = err.syscall;
  return e;
}

function listing(p, sync) {
  if (sync) {
    try {
      return ops.readdir(p, true, OPENDIR);
    } catch (err) {
      throw withoutPath(err);
    }
  }
  return ops.readdir(p, false, OPENDIR);
}

function dirClosed() {
  return nodeError(Error, 'ERR_DIR_CLOSED', 'Directory handle was closed');
}

export class Dir {
  #path;
  #entries;
  #closed = false;
  #options;

  constructor(path, entries, options) {
    this.#path = path;
    this.#options = { bufferSize: 32, ...getOptions(options, { encoding: 'utf8' }) };
    validateUint32(this.#options.bufferSize, 'options.bufferSize', true);
    this.#entries = entries.map(([name, type]) => new Dirent(encodeName(name, this.#options.encoding), type, path));
  }

  get path() {
    return this.#path;
  }

  #next() {
    const dirent = this.#entries.shift() ?? null;
    if (dirent !== null && this.#options.recursive && dirent.isDirectory()) {
      const path = join(pathString(dirent.parentPath), pathString(dirent.name));
      try {
        const children = ops.readdir({ abs: resolvePath(path), shown: path }, true, OPENDIR);
        for (const [name, type] of children) this.#entries.push(new Dirent(encodeName(name, this.#options.encoding), type, path));
      } catch {
        // Node skips a subdirectory it cannot open.
      }
    }
    return dirent;
  }

  read(callback) {
    if (arguments.length === 0 || callback === undefined) {
      if (this.#closed) return Promise.reject(dirClosed());
      return Promise.resolve(this.#next());
    }
    if (this.#closed) throw dirClosed();
    validateFunction(callback, 'callback');
    const dirent = this.#next();
    nextTick(callback, null, dirent);
  }

  readSync() {
    if (this.#closed) throw dirClosed();
    return this.#next();
  }

  close(callback) {
    if (callback === undefined) {
      if (this.#closed) return Promise.reject(dirClosed());
      this.#closed = true;
      return Promise.resolve();
    }
    validateFunction(callback, 'callback');
    if (this.#closed) {
      nextTick(callback, dirClosed());
      return;
    }
    this.#closed = true;
    nextTick(callback, null);
  }

  closeSync() {
    if (this.#closed) throw dirClosed();
    this.#closed = true;
  }

  async* entries() {
    try {
      for (;;) {
        const dirent = await this.read();
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }

  [Symbol.dispose]() {
    if (!this.#closed) this.closeSync();
  }

  async [Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose')]() {
    if (!this.#closed) await this.close();
  }
}

Object.defineProperty(Dir.prototype, Symbol.asyncIterator, {
  enumerable: false,
  writable: true,
  configurable: true,
  value: Dir.prototype.entries,
});

export function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  const p = getPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  listing(p, false).then((entries) => {
    let dir;
    try {
      dir = new Dir(p.value, entries, options);
    } catch (err) {
      nextTick(callback, err);
      return;
    }
    nextTick(callback, null, dir);
  }, (err) => nextTick(callback, err));
}

export function opendirSync(path, options) {
  const p = getPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  return new Dir(p.value, listing(p, true), options);
}


