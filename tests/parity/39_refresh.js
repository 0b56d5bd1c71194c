// timer.refresh() restarts a pending timer, re-arms one that already fired,
// and leaves a cleared one cleared. Each step starts from the previous one.
let fired = 0;
const t = setTimeout(() => {
  fired++;
  console.log('fired', fired, t.hasRef());
  if (fired === 1) {
    console.log('refresh from inside', t.refresh() === t);
  } else if (fired === 2) {
    setTimeout(() => {
      const cleared = setTimeout(() => console.log('never: cleared timer'), 1);
      clearTimeout(cleared);
      cleared.refresh();
      console.log('re-arming the fired timer');
      t.refresh();
    }, 1);
  } else {
    const pending = setTimeout(() => console.log('pending timer fires once after refresh'), 2);
    pending.refresh();
    const unrefed = setTimeout(() => console.log('never: unref timer'), 5).unref();
    unrefed.refresh();
    console.log('unref kept by refresh', unrefed.hasRef());
  }
}, 2);
console.log(t.refresh() === t);
