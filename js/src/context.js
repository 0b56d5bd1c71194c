// What the bridge's modules need from boot, filled once per execution by
// index.js before any guest code runs. Module top levels run at snapshot time
// and must not touch it; read it inside functions (factories, methods).
//
//   config      the execution's config (op 'config')
//   process     the guest's process object
//   inspect     util.inspect (Node's own)
//   util        Node's inspect module (inspect, format, formatWithOptions, ...)
//   core        the engine's core (captured; never reachable from guest code)
//   clocks      installClocks() result (performanceNow, realNow, ...)
//   loop        js/src/loop.js (timers, handles, hostCallAsync, nextTick)
//   console     the guest's console
//   defineGlobal(name, value)  a global as Node defines it (writable, configurable, not enumerable)
export const ctx = {
  config: null,
  process: null,
  inspect: null,
  util: null,
  core: null,
  clocks: null,
  loop: null,
  console: null,
  defineGlobal: null,
};
