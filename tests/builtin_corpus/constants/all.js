const constants = require('constants');
const os = require('os');
console.log(Object.isFrozen(constants), Object.getPrototypeOf(constants) === Object.prototype);
console.log(Object.keys(constants).length);
for (const [k, v] of Object.entries(constants)) console.log(k, v);
console.log(constants.O_RDONLY === require('fs').constants.O_RDONLY, constants.SIGKILL === os.constants.signals.SIGKILL);
