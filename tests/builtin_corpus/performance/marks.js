// User timing: marks, measures, entry lists, errors (shapes only: times differ).
const shape = (e) => [e.constructor.name, e.name, e.entryType, typeof e.startTime, typeof e.duration, e.detail];
const m1 = performance.mark('start', { detail: { step: 1 } });
const m2 = performance.mark('end');
const m3 = performance.mark('fixed', { startTime: 5 });
console.log(shape(m1), shape(m2), shape(m3), m3.startTime, m1.duration);
const ms1 = performance.measure('between', 'start', 'end');
const ms2 = performance.measure('fromFixed', { start: 'fixed', end: 10, detail: 'd' });
const ms3 = performance.measure('span', { start: 2, duration: 3 });
const ms4 = performance.measure('toNow');
console.log(shape(ms1), shape(ms2), ms2.startTime, ms2.duration, ms3.startTime, ms3.duration, shape(ms4), ms4.startTime);
console.log(performance.getEntries().map((e) => [e.name, e.entryType]).sort());
console.log(performance.getEntriesByType('mark').map((e) => e.name).sort(), performance.getEntriesByName('fixed').length, performance.getEntriesByName('fixed', 'measure').length);
console.log(Object.keys(m1.toJSON()), Object.keys(ms1.toJSON()), JSON.stringify(m3), JSON.stringify(ms3));
performance.clearMarks('start');
console.log(performance.getEntriesByType('mark').map((e) => e.name).sort());
performance.clearMarks();
performance.clearMeasures('span');
console.log(performance.getEntries().map((e) => e.name).sort());
performance.clearMeasures();
console.log(performance.getEntries().length, typeof performance.now(), typeof performance.timeOrigin, Object.keys(performance.toJSON()));
const errs = [
  () => performance.mark(),
  () => performance.mark('nodeStart'),
  () => performance.mark('x', { startTime: -1 }),
  () => performance.mark('x', { startTime: 'a' }),
  () => performance.mark('x', 5),
  () => performance.measure('m', 'missing'),
  () => performance.measure('m', { start: 1, end: 2, duration: 3 }),
  () => performance.measure('m', { start: 1 }, 'end'),
  () => performance.measure(1),
  () => new PerformanceEntry(),
  () => new PerformanceMeasure(),
  () => performance.getEntriesByName(),
  () => performance.getEntriesByType(),
  () => Performance.prototype.now.call({}),
];
for (const fn of errs) {
  try {
    fn();
    console.log('no throw');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
console.log(Object.prototype.toString.call(performance), Object.prototype.toString.call(m1), new PerformanceMark('ctor').entryType);
console.log(performance.eventLoopUtilization().constructor.name, Object.keys(performance.eventLoopUtilization()));
const fn = performance.timerify(function add(a, b) { return a + b; });
console.log(fn.name, fn.length, fn(2, 3));
