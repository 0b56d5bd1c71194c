// Assorted process properties whose values do not depend on the host.
console.log(process.platform, process.version, process.versions.node, process.release.name);
console.log(typeof process.pid, typeof process.ppid, typeof process.cwd(), typeof process.uptime());
console.log(typeof process.hrtime(), Array.isArray(process.hrtime()), typeof process.hrtime.bigint());
console.log(typeof process.memoryUsage().heapUsed, typeof process.nextTick, typeof process.emitWarning);
console.log(process.exitCode, process.noDeprecation, process.throwDeprecation);
console.log(Object.prototype.toString.call(process), String(process));
console.log(process instanceof require('events'), typeof process.on, process.listenerCount('exit'));
console.log(typeof process.stdout.write, process.stdout.fd, process.stderr.fd, process.stdin.fd);
console.log(process.stdout.isTTY, process.stderr.isTTY);
console.log(globalThis.process === process, require('process') === process);
console.log(typeof process.umask(), process.arch);
