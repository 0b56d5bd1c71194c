// navigator fields that match Node's.
console.log(navigator.userAgent, navigator.language, navigator.languages, typeof navigator.hardwareConcurrency);
console.log(navigator.hardwareConcurrency >= 1, navigator.platform.startsWith('Linux'));
console.log(navigator, Object.prototype.toString.call(navigator), navigator instanceof Navigator);
console.log(Object.keys(Object.getPrototypeOf(navigator)), Object.getOwnPropertyNames(Navigator.prototype));
try { new Navigator(); } catch (err) { console.log(err.name, err.code, err.message); }
const desc = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
console.log(typeof desc.get, desc.set, desc.enumerable, desc.configurable);
for (const name of ['URL', 'URLSearchParams', 'Event', 'EventTarget', 'CustomEvent', 'AbortController', 'AbortSignal',
  'MessageChannel', 'MessagePort', 'MessageEvent', 'BroadcastChannel', 'PerformanceObserver', 'PerformanceEntry',
  'PerformanceMark', 'PerformanceMeasure', 'Performance', 'performance']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  console.log(name, typeof globalThis[name], d.enumerable, d.configurable, 'value' in d ? d.writable : 'accessor');
}
