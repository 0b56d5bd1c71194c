// A port keeps the process alive only while listening, started and ref'd.
const { port1, port2 } = new MessageChannel();
port1.onmessage = () => console.log('never');
port1.unref();
const ch2 = new MessageChannel();
ch2.port1.start();
const ch3 = new MessageChannel();
ch3.port2.onmessage = (e) => {
  console.log('delivered', e.data);
  ch3.port2.onmessage = null;
  ch3.port2.close();
};
ch3.port1.postMessage('once');
process.on('exit', () => console.log('exited'));
