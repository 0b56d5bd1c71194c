// process.env: set, delete, coercion to string, enumeration of what we set.
const env = process.env;
env.SE_NUMBER = 42;
env.SE_BOOL = false;
env.SE_NULL = null;
env.SE_UNDEF = undefined;
env.SE_OBJ = { a: 1 };
env.SE_ARR = [1, 2];
console.log(env.SE_NUMBER, typeof env.SE_NUMBER, env.SE_BOOL, env.SE_NULL, env.SE_UNDEF, env.SE_OBJ, env.SE_ARR);
console.log(Object.keys(env).filter((k) => k.startsWith('SE_')).sort());
console.log('SE_NUMBER' in env, delete env.SE_NUMBER, 'SE_NUMBER' in env, env.SE_NUMBER);
console.log(delete env.NEVER_SET, env.NEVER_SET);
Object.defineProperty(env, 'SE_DEFINED', { value: 7, configurable: true, writable: true, enumerable: true });
console.log(env.SE_DEFINED, typeof env.SE_DEFINED);
try {
  env.SE_SYM = Symbol('s');
} catch (err) {
  console.log(err.name, err.message);
}
try {
  env[Symbol('k')] = 'v';
  console.log('symbol key set');
} catch (err) {
  console.log(err.name, err.message);
}
console.log(typeof env, env.SE_BOOL === 'false', JSON.stringify({ v: env.SE_ARR }));
console.log(env.hasOwnProperty === undefined, Object.prototype.hasOwnProperty.call(env, 'SE_BOOL'));
const copy = { ...env };
console.log(copy.SE_BOOL, Object.keys(copy).includes('SE_OBJ'));
