import util, { inspect, format, promisify, types, TextEncoder as TE, parseArgs, MIMEType, styleText } from 'node:util';
import { isDate, isPromise } from 'node:util/types';
console.log(typeof util, typeof inspect, typeof format, typeof promisify, typeof types, TE === TextEncoder);
console.log(typeof parseArgs, typeof MIMEType, typeof styleText, isDate(new Date()), isPromise(1));
