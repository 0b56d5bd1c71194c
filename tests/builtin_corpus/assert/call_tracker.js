const assert = require('assert');
const tracker = new assert.CallTracker();
function foo() {}
const callsfoo = tracker.calls(foo, 2);
callsfoo();
const report = tracker.report();
console.log(report.length, report[0].message, report[0].actual, report[0].expected);
try { tracker.verify(); } catch (e) { console.log(e.name, e.code, e.message); }
callsfoo();
tracker.verify();
console.log(tracker.getCalls(callsfoo).length);
