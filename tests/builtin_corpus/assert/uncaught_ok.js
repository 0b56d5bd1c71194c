const assert = require('assert');
Error.stackTraceLimit = 1;
const value = 0;
assert(value === 1);
