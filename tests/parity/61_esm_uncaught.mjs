// An uncaught error thrown after top-level await in an ES module.
// parity: uncaught
console.log('module start');
await new Promise((resolve) => setTimeout(resolve, 1));
throw new Error('thrown from module after await');
