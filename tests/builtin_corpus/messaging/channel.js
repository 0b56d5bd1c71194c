// MessageChannel: ordering, cloning, close semantics, event shapes.
const { port1, port2 } = new MessageChannel();
const got = [];
port2.onmessage = (e) => {
  got.push(e.data);
  console.log('message', e.type, e instanceof MessageEvent, e instanceof Event, typeof e.data, e.origin, e.lastEventId, e.ports.length, e.source);
  if (got.length === 4) {
    console.log(got);
    port2.close();
  }
};
port2.addEventListener('close', () => console.log('port2 close event'));
port1.addEventListener('close', () => console.log('port1 close event'));
const shared = { s: 1 };
port1.postMessage({ n: 1, map: new Map([['k', 'v']]), date: new Date(0), nested: [shared, shared] });
port1.postMessage('two');
port1.postMessage(new Uint8Array([1, 2, 3]));
const buf = new ArrayBuffer(8);
port1.postMessage(buf, [buf]);
console.log('transferred length', buf.byteLength);
console.log('sync after post');
Promise.resolve().then(() => console.log('microtask before delivery'));
for (const bad of [() => {}, Symbol('s')]) {
  try {
    port1.postMessage(bad);
  } catch (err) {
    console.log(err.name, err.code, err instanceof DOMException);
  }
}
try { port1.postMessage(); } catch (err) { console.log(err.name, err.code, err.message); }
try { new MessagePort(); } catch (err) { console.log(err.name, err.code, err.message); }
const ev = new MessageEvent('message', { data: { x: 1 }, origin: 'o', lastEventId: 'id' });
console.log(ev.data, ev.origin, ev.lastEventId, ev.ports, ev.source, ev.type);
console.log(Object.keys(new MessageChannel()), typeof MessageChannel, typeof MessagePort, typeof BroadcastChannel);
