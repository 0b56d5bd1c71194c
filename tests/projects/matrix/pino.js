// pino: JSON logs to fd 1 through a synchronous sonic-boom destination (fs.writeSync(1, ...)),
// no timestamp, fixed base; every logger shares the destination so lines keep their order.
const pino = require('pino');

const dest = pino.destination({ dest: 1, sync: true });
const logger = pino({ timestamp: false, base: { app: 'matrix' }, level: 'debug' }, dest);
logger.info('hello');
logger.debug({ user: { id: 7, name: 'ann' } }, 'with %s and %d', 'format', 42);
logger.trace('not shown');
logger.warn({ password: 'hunter2' }, 'warned');
const child = logger.child({ module: 'db' }, { level: 'warn' });
child.info('filtered');
const err = new Error('boom');
err.stack = 'Error: boom\n    at fixed (stack.js:1:1)';
err.code = 'E_BOOM';
child.error(err, 'failed');
const redacted = pino({ timestamp: false, base: null, redact: ['password', 'auth.token'], messageKey: 'message' }, dest);
redacted.info({ password: 'x', auth: { token: 't', user: 'u' } }, 'redacted');
const custom = pino({
  timestamp: false,
  base: undefined,
  formatters: { level: (label) => ({ level: label.toUpperCase() }) },
  serializers: { req: (r) => ({ method: r.method, url: r.url }) },
  customLevels: { audit: 35 },
}, dest);
custom.audit({ req: { method: 'GET', url: '/x', headers: { a: 1 } } }, 'audited');
custom.info({ nested: { arr: [1, 2, { deep: true }] } });
console.log('levels', logger.level, child.level, logger.isLevelEnabled('trace'), pino.levels.values.fatal);
logger.fatal('the end');
// A destination opened by path: sonic-boom opens /dev/stdout itself.
const byPath = pino({ timestamp: false, base: { dest: 'path' } }, pino.destination({ dest: '/dev/stdout', sync: true }));
byPath.info('through /dev/stdout');
byPath.flush();
// The default destination (asynchronous sonic-boom on fd 1) by itself, flushed at exit.
const plain = pino({ timestamp: false, base: undefined });
plain.info('async destination');
plain.info({ n: 2 }, 'second');
