// timers/promises: setTimeout, setImmediate, and the setInterval async iterator.
const { setTimeout: sleep, setImmediate: immediate, setInterval: every } = require('timers/promises');
const timers = require('timers');
(async () => {
  console.log(await sleep(1, 'slept'));
  console.log(await immediate('immediate value'));
  let count = 0;
  for await (const value of every(1, 'interval value')) {
    console.log(value, ++count);
    if (count === 3) break;
  }
  console.log(await timers.promises.setTimeout(1, 'via timers.promises'));
  const util = require('util');
  console.log(await util.promisify(setTimeout)(1, 'promisified'));
  console.log(typeof require('timers/promises').scheduler.wait);
  console.log('done');
})();
