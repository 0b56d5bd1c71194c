// process.argv, argv0, execArgv and execPath, in forms that do not depend on
// where the node binary lives (the host runs it by absolute path).
// parity: args=alpha --beta=2 "gamma delta" ''
const base = (p) => p.split('/').pop();
console.log(process.argv.length, base(process.argv[0]));
for (const arg of process.argv.slice(1)) console.log(JSON.stringify(arg));
console.log(base(process.argv0), process.execArgv, base(process.execPath));
console.log(process.argv[0] === process.execPath, Array.isArray(process.argv));
console.log(typeof process.title, base(process.title));
console.log(require.main === module, __filename, __dirname);
