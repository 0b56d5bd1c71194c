// nextTick inside microtasks and microtasks inside ticks, several levels deep.
const order = [];
Promise.resolve().then(() => {
  order.push('p1');
  process.nextTick(() => {
    order.push('t-in-p1');
    Promise.resolve().then(() => order.push('p-in-t-in-p1'));
    process.nextTick(() => order.push('t-in-t-in-p1'));
  });
  Promise.resolve().then(() => order.push('p-in-p1'));
});
process.nextTick(() => {
  order.push('t1');
  process.nextTick(() => order.push('t-in-t1'));
  Promise.resolve().then(() => {
    order.push('p-in-t1');
    process.nextTick(() => order.push('t-in-p-in-t1'));
  });
});
(async () => {
  order.push('async start');
  await null;
  order.push('after await 1');
  await new Promise((r) => process.nextTick(r));
  order.push('after tick-resolved await');
})();
setTimeout(() => console.log(order), 0);
process.nextTick((a, b) => order.push(`tick args ${a} ${b}`), 'x', 'y');
