// BroadcastChannel within one process: every other channel of the name gets it.
const a = new BroadcastChannel('news');
const b = new BroadcastChannel('news');
const c = new BroadcastChannel('other');
console.log(a.name, b.name);
let count = 0;
b.onmessage = (e) => {
  console.log('b got', e.data);
  if (++count === 2) {
    a.close();
    b.close();
    c.close();
    try { a.postMessage('late'); } catch (err) { console.log(err.name, err.message); }
  }
};
a.onmessage = () => console.log('a must not receive its own message');
c.onmessage = () => console.log('c must not receive');
a.postMessage({ first: 1 });
a.postMessage(['second']);
try { new BroadcastChannel(); } catch (err) { console.log(err.name, err.code, err.message); }
