// What the bare specifier `events` means inside the bundle (npm packages such
// as readable-stream import it): Node's own events module, the guest's `events`.
'use strict';

module.exports = require('node-lib:events');
