const assert = require('assert');
Error.stackTraceLimit = 1;
(async () => {
  await null;
  assert.strictEqual(1 + 1, 3);
})();
