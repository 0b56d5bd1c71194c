// perf_hooks: PerformanceObserver delivery, histograms, module surface.
const { PerformanceObserver, performance: perf, createHistogram, monitorEventLoopDelay, constants } = require('perf_hooks');
console.log(perf === performance, Object.keys(require('perf_hooks')), typeof constants.NODE_PERFORMANCE_GC_MAJOR);
const obs = new PerformanceObserver((list, observer) => {
  console.log('observed', list.getEntries().map((e) => `${e.name}:${e.entryType}`).sort(), observer === obs);
  console.log(list.getEntriesByType('mark').length, list.getEntriesByName('b').length, list.getEntriesByName('b', 'measure').length);
  observer.disconnect();
});
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('a');
performance.mark('b');
performance.measure('b', 'a');
console.log('sync: not yet delivered');
const single = new PerformanceObserver((list, observer) => {
  console.log('buffered', list.getEntries().map((e) => e.name));
  observer.disconnect();
});
single.observe({ type: 'mark', buffered: true });
console.log(PerformanceObserver.supportedEntryTypes);
const errs = [
  () => new PerformanceObserver(),
  () => obs.observe(),
  () => obs.observe({ entryTypes: ['mark'], type: 'mark' }),
  () => obs.observe({ entryTypes: 'mark' }),
  () => single.observe({ entryTypes: ['mark'] }),
  () => createHistogram({ figures: 9 }),
  () => createHistogram().record(0),
  () => createHistogram().record('1'),
  () => createHistogram().percentile(0),
  () => monitorEventLoopDelay({ resolution: 0 }),
];
for (const fn of errs) {
  try {
    fn();
    console.log('no throw');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
const h = createHistogram();
console.log(h.count, h.min, h.max, h.mean, h.stddev, h.exceeds, h.percentiles);
for (const v of [1, 2, 3, 4, 100]) h.record(v);
h.record(7n);
console.log(h.count, h.min, h.max, h.mean, h.percentile(50), h.percentile(100), h.countBigInt, h.minBigInt);
const h2 = createHistogram();
h2.record(1000);
h.add(h2);
console.log(h.count, h.max);
h.reset();
console.log(h.count, h.max, h.mean);
const mon = monitorEventLoopDelay({ resolution: 10 });
console.log(mon.enable(), mon.enable(), mon.disable(), mon.disable());
