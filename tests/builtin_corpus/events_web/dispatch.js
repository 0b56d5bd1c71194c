// EventTarget dispatch order, listener options, handleEvent, errors.
const et = new EventTarget();
const log = [];
const a = (e) => log.push(['a', e.type, e.eventPhase, e.currentTarget === et, e.target === et]);
et.addEventListener('x', a);
et.addEventListener('x', a); // duplicate ignored
et.addEventListener('x', a, true); // capture is a different registration
et.addEventListener('x', { handleEvent(e) { log.push(['obj', this === obj, e.type]); } });
const obj = { handleEvent(e) { log.push(['obj2', this === obj]); } };
et.addEventListener('x', obj);
et.addEventListener('x', () => log.push(['once']), { once: true });
et.addEventListener('x', function () {
  log.push(['adds', this === et]);
  et.addEventListener('x', () => log.push(['added-during']));
});
et.dispatchEvent(new Event('x'));
log.push('---');
et.dispatchEvent(new Event('x'));
console.log(log);

const stop = new EventTarget();
const order = [];
stop.addEventListener('s', (e) => { order.push(1); e.stopImmediatePropagation(); });
stop.addEventListener('s', () => order.push(2));
stop.addEventListener('s', () => order.push(3), { passive: true });
const ev = new Event('s', { cancelable: true });
console.log(stop.dispatchEvent(ev), order, ev.cancelBubble, ev.defaultPrevented);

const cancel = new EventTarget();
cancel.addEventListener('c', (e) => e.preventDefault());
const ce = new Event('c', { cancelable: true });
console.log(cancel.dispatchEvent(ce), ce.defaultPrevented, ce.returnValue);
const nce = new Event('c');
console.log(cancel.dispatchEvent(nce), nce.defaultPrevented, nce.returnValue);

const ac = new AbortController();
const sig = new EventTarget();
let hits = 0;
sig.addEventListener('h', () => hits++, { signal: ac.signal });
sig.dispatchEvent(new Event('h'));
ac.abort();
sig.dispatchEvent(new Event('h'));
sig.addEventListener('h', () => hits++, { signal: ac.signal });
sig.dispatchEvent(new Event('h'));
console.log('hits', hits);

const rm = new EventTarget();
const f = () => console.log('should not run');
rm.addEventListener('r', f, { capture: true });
rm.removeEventListener('r', f);
rm.addEventListener('r', () => console.log('capture kept'));
rm.removeEventListener('r', f, true);
rm.dispatchEvent(new Event('r'));

const e = new Event('props', { bubbles: true, cancelable: true, composed: true });
console.log(e.type, e.bubbles, e.cancelable, e.composed, e.eventPhase, e.target, e.currentTarget, e.srcElement, e.isTrusted, e.composedPath());
e.initEvent('renamed', false, false);
console.log(e.type, e.bubbles, Event.NONE, Event.AT_TARGET, Event.BUBBLING_PHASE, Event.CAPTURING_PHASE);
const custom = new CustomEvent('cu', { detail: { n: 1 } });
console.log(custom.detail, new CustomEvent('cu').detail, custom instanceof Event);
console.log(Object.prototype.toString.call(e), Object.prototype.toString.call(et), Object.prototype.toString.call(custom));
console.log(Object.keys(Event.prototype), Object.keys(EventTarget.prototype), Object.keys(CustomEvent.prototype));

const errs = [
  () => new Event(),
  () => new Event('x', 'bad'),
  () => et.addEventListener('x'),
  () => et.addEventListener('x', 42),
  () => et.dispatchEvent({ type: 'x' }),
  () => et.dispatchEvent(),
  () => EventTarget.prototype.addEventListener.call({}, 'x', () => {}),
  () => Object.getOwnPropertyDescriptor(Event.prototype, 'type').get.call({}),
  () => new CustomEvent(),
  () => et.addEventListener('x', () => {}, { signal: 'nope' }),
];
for (const fn of errs) {
  try {
    fn();
    console.log('no throw');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
const rec = new EventTarget();
const ev2 = new Event('r');
rec.addEventListener('r', () => {
  try {
    rec.dispatchEvent(ev2);
  } catch (err) {
    console.log('recursion', err.name, err.code, err.message);
  }
});
rec.dispatchEvent(ev2);
