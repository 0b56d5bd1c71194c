// An uncaught Error with extra properties, a cause and a custom inspect: the
// report inspects it with customInspect off and depth 5.
// parity: uncaught
class DatabaseError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'DatabaseError';
    this.query = { sql: 'SELECT 1', params: [1, { deep: { deeper: { deepest: { bottom: 1 } } } }] };
  }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return 'custom inspect is not used for the report';
  }
}
process.on('exit', (code) => console.error('exit listener writes to stderr first', code));
setTimeout(() => {
  throw new DatabaseError('connection lost', { cause: new Error('socket closed') });
}, 1);
