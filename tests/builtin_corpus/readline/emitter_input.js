// readline over a minimal stream: an EventEmitter that emits 'data' and 'end'.
const readline = require('readline');
const { EventEmitter } = require('events');
console.log(Object.keys(readline).join(','), Object.keys(readline.promises).join(','));

function source(chunks) {
  const s = new EventEmitter();
  s.resume = () => {
    if (s.started) return;
    s.started = true;
    let i = 0;
    const step = () => {
      if (i < chunks.length) {
        s.emit('data', chunks[i++]);
        setImmediate(step);
      } else {
        s.emit('end');
      }
    };
    setImmediate(step);
  };
  s.pause = () => {};
  return s;
}

const out = { data: [], write(s, cb) { this.data.push(JSON.stringify(s)); if (cb) process.nextTick(cb); return true; } };

async function main() {
  const rl = readline.createInterface({ input: source(['one\ntw', 'o\r\nthree\rfour\r', '\nfive', '']), crlfDelay: Infinity });
  const events = [];
  rl.on('line', (l) => events.push(`line:${JSON.stringify(l)}`));
  rl.on('pause', () => events.push('pause'));
  rl.on('close', () => events.push('close'));
  await new Promise((r) => rl.once('close', r));
  console.log(events.join(' '));
  console.log(rl.closed, rl.terminal, rl.line, rl.getPrompt());

  const rl2 = readline.createInterface({ input: source([Buffer.from('caf'), Buffer.from([0xc3]), Buffer.from([0xa9, 0x0a]), Buffer.from('last')]) });
  const lines = [];
  for await (const line of rl2) lines.push(line);
  console.log(lines);

  const rl3 = readline.createInterface({ input: source(['Ada\n', 'blue\n', 'extra\n']), output: out, prompt: '$ ' });
  rl3.question('name? ', (name) => {
    console.log('answer', name);
    rl3.question('colour? ', (colour) => {
      console.log('answer', colour);
      rl3.setPrompt('>> ');
      rl3.prompt();
      rl3.once('line', (l) => {
        console.log('line after questions', l);
        rl3.close();
        try { rl3.question('again?', () => {}); } catch (e) { console.log(e.code, e.message); }
        console.log('written', out.data.join(' '));
      });
    });
  });
  await new Promise((r) => rl3.once('close', r));

  const rlp = require('readline/promises').createInterface({ input: source(['42\n']), output: out });
  const answer = await rlp.question('number? ');
  console.log('promise answer', answer);
  rlp.close();
  await rlp.question('after close').catch((e) => console.log(e.code));

  const rl4 = readline.createInterface({ input: source(['a\nb\nc\n']) });
  for await (const line of rl4) {
    console.log('first only', line);
    break;
  }
  console.log('closed after break', rl4.closed);
  await new Promise((r) => rl4.once('close', r));
  console.log('closed at end', rl4.closed);

  const writes = [];
  const w = { write(data, cb) { writes.push(JSON.stringify(data)); if (cb) process.nextTick(cb, null); return true; } };
  console.log(readline.clearLine(w, -1), readline.clearLine(w, 1), readline.clearLine(w, 0));
  console.log(readline.clearScreenDown(w), readline.cursorTo(w, 3), readline.cursorTo(w, 3, 5), readline.moveCursor(w, -2, 4), readline.moveCursor(w, 2, -4), readline.moveCursor(w, 0, 0));
  console.log(readline.cursorTo(null, 1), readline.cursorTo(w, undefined));
  for (const bad of [() => readline.cursorTo(w, NaN), () => readline.cursorTo(w, 'a', 1)]) {
    try { bad(); } catch (e) { console.log(e.code, e.message); }
  }
  await new Promise((r) => readline.cursorTo(w, 1, 1, r));
  const { Readline } = require('readline/promises');
  console.log(writes.join(' '));
  const rlw = new Readline(process.stdout);
  rlw.cursorTo(0, 0).moveCursor(1, 1).clearLine(0).clearScreenDown();
  await rlw.commit();
  console.log();
  try { new Readline({}); } catch (e) { console.log(e.code); }
  const keys = new EventEmitter();
  readline.emitKeypressEvents(keys);
  keys.on('keypress', (s, k) => console.log('keypress', JSON.stringify(s), k.name, k.ctrl, k.shift));
  keys.emit('data', 'aZ1\r\x03');
}
main();
