// AbortController / AbortSignal semantics.
const ac = new AbortController();
const s = ac.signal;
console.log(s.aborted, s.reason, s.onabort, typeof s.throwIfAborted);
const order = [];
s.addEventListener('abort', (e) => order.push(['listener', e.type, e.isTrusted, e.target === s, s.aborted]));
s.onabort = (e) => order.push(['onabort', e.type]);
ac.abort();
ac.abort('again');
console.log(order, s.aborted, s.reason.name, s.reason.message, s.reason.code, s.reason instanceof DOMException);
try { s.throwIfAborted(); } catch (err) { console.log('thrown reason', err === s.reason); }

const withReason = new AbortController();
withReason.abort({ custom: true });
console.log(withReason.signal.reason);
const undef = new AbortController();
undef.abort(undefined);
console.log(undef.signal.reason.name);
const nul = new AbortController();
nul.abort(null);
console.log(nul.signal.reason);

const pre = AbortSignal.abort('pre');
console.log(pre.aborted, pre.reason);
console.log(AbortSignal.abort().reason.name);

const a = new AbortController();
const b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
const nested = AbortSignal.any([any]);
nested.addEventListener('abort', () => console.log('nested abort', nested.reason));
any.addEventListener('abort', () => console.log('any abort', any.reason));
b.abort('b wins');
a.abort('a late');
console.log(any.aborted, any.reason, nested.reason);
console.log(AbortSignal.any([]).aborted, AbortSignal.any([AbortSignal.abort('x')]).reason);

const errs = [
  () => new AbortSignal(),
  () => AbortSignal.timeout(-1),
  () => AbortSignal.timeout(1.5),
  () => AbortSignal.timeout('1'),
  () => AbortSignal.any([1]),
  () => AbortSignal.any(1),
  () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call({}),
  () => AbortController.prototype.abort.call({}),
];
for (const fn of errs) {
  try {
    fn();
    console.log('no throw');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
console.log(Object.keys(AbortSignal.prototype), Object.keys(AbortController.prototype), Object.getOwnPropertyNames(AbortSignal));
