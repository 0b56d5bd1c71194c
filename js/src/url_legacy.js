// Node's legacy url API (url.parse, url.format, url.resolve, url.Url).

import { unsupportedError } from './errors.js';

export function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

export function urlParse() {
  throw unsupportedError('url.parse');
}
export function urlFormat() {
  throw unsupportedError('url.format');
}
export function urlResolve() {
  throw unsupportedError('url.resolve');
}
export function urlResolveObject() {
  throw unsupportedError('url.resolveObject');
}
