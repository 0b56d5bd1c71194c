// The `url` module and the URL / URLSearchParams globals.

import pathModule from 'node-lib:path';
import { toUnicode } from 'tr46';
import { ctx } from './context.js';
import { defineBuiltin } from './modules.js';
import { nodeError, invalidArgType } from './errors.js';
import { URL, URLSearchParams, isURL, hostnameOf, missingArgs, blobRegistry } from './url_whatwg.js';
import { Url, urlParse, urlFormat, urlResolve, urlResolveObject } from './url_legacy.js';

export { URL, URLSearchParams, blobRegistry };

function domainToASCII(domain) {
  if (arguments.length < 1) throw missingArgs('domain');
  return hostnameOf(`${domain}`) ?? '';
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw missingArgs('domain');
  const host = hostnameOf(`${domain}`);
  if (host === null) return '';
  return toUnicode(host, { checkHyphens: false, checkBidi: true, checkJoiners: true, useSTD3ASCIIRules: false, processingOption: 'nontransitional' }).domain;
}

function toURL(path) {
  if (typeof path === 'string') return new URL(path);
  if (!isURL(path)) throw invalidArgType('path', ['string', 'URL'], path);
  return path;
}

function fileURLToPathCommon(path, options) {
  const url = toURL(path);
  if (url.protocol !== 'file:') throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (options?.windows) {
    const err = new Error('fileURLToPath with windows: true is not supported in sandbox');
    err.code = 'ERR_NOT_SUPPORTED_IN_SANDBOX';
    throw err;
  }
  if (url.hostname !== '') throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST', `File URL host must be "localhost" or empty on ${ctx.process.platform}`);
  return url;
}

function fileURLToPath(path, options = undefined) {
  const url = fileURLToPathCommon(path, options);
  const pathname = url.pathname;
  if (/%2f/i.test(pathname)) {
    const err = nodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
    err.input = url;
    throw err;
  }
  return decodeURIComponent(pathname);
}

function fileURLToPathBuffer(path, options = undefined) {
  const url = fileURLToPathCommon(path, options);
  const { Buffer } = globalThis;
  const bytes = Buffer.from(url.pathname, 'utf8');
  const out = [];
  const hex = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 37 && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else out.push(bytes[i]);
  }
  return Buffer.from(out);
}

// Node (POSIX): resolve, keep a trailing slash, escape what the URL parser
// would otherwise read as syntax or drop.
function pathToFileURL(filepath, options = undefined) {
  if (options?.windows) {
    const err = new Error('pathToFileURL with windows: true is not supported in sandbox');
    err.code = 'ERR_NOT_SUPPORTED_IN_SANDBOX';
    throw err;
  }
  let resolved = pathModule.posix.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  resolved = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  resolved = resolved.replace(/\?/g, '%3F').replace(/#/g, '%23');
  return new URL(`file://${resolved}`);
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return options;
}

export function install() {
  ctx.defineGlobal('URL', URL);
  ctx.defineGlobal('URLSearchParams', URLSearchParams);
  blobRegistry.clear();
  defineBuiltin('url', () => ({
    Url,
    parse: urlParse,
    resolve: urlResolve,
    resolveObject: urlResolveObject,
    format: urlFormat,
    URL,
    URLSearchParams,
    domainToASCII,
    domainToUnicode,
    pathToFileURL,
    fileURLToPath,
    fileURLToPathBuffer,
    urlToHttpOptions,
  }));
}
