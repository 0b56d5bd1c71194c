// Clocks. With timing_mitigation "freeze" every guest-visible clock reads one
// instant for the whole execution; "off" lets them advance. The event loop
// always schedules timers on the real clock, which the guest cannot read.

import { op } from './dispatch.js';
import { asNative, named } from './native.js';

export function installClocks(g, config) {
  const RealDate = g.Date;
  const realNow = RealDate.now;
  const startNs = BigInt(op('hrtime'));
  const frozen = config.timing === 'freeze';
  const frozenMs = config.frozenTimeMs;

  const clocks = frozen
    ? {
      hrtimeNs: () => startNs,
      performanceNow: () => 0,
      uptime: () => 0,
    }
    : {
      hrtimeNs: () => BigInt(op('hrtime')),
      performanceNow: () => Number(BigInt(op('hrtime')) - startNs) / 1e6,
      uptime: () => Number(BigInt(op('hrtime')) - startNs) / 1e9,
    };
  clocks.realNow = () => realNow.call(RealDate);

  if (frozen) {
    const FrozenDate = function Date(...args) {
      if (new.target === undefined) return new RealDate(frozenMs).toString();
      return Reflect.construct(RealDate, args.length === 0 ? [frozenMs] : args, new.target);
    };
    Object.defineProperty(FrozenDate, 'length', { value: 7 });
    asNative(named(FrozenDate, 'Date'), RealDate);
    FrozenDate.prototype = RealDate.prototype;
    FrozenDate.parse = RealDate.parse;
    FrozenDate.UTC = RealDate.UTC;
    FrozenDate.now = function now() {
      return frozenMs;
    };
    Object.defineProperty(RealDate.prototype, 'constructor', { value: FrozenDate, writable: true, configurable: true });
    Object.freeze(FrozenDate);
    Object.defineProperty(g, 'Date', { value: FrozenDate, writable: true, configurable: true, enumerable: false });
  }

  const timeOrigin = frozen ? frozenMs : realNow.call(RealDate);
  const performance = {
    now: () => clocks.performanceNow(),
    timeOrigin,
    toJSON: () => ({ timeOrigin }),
  };
  Object.defineProperty(g, 'performance', { value: performance, writable: true, configurable: true, enumerable: true });
  return clocks;
}
