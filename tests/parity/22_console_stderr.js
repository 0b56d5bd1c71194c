// console.error and console.warn go to stderr, interleaved with stdout.
console.log('out 1');
console.error('err 1');
console.warn('warn %s', 'formatted', { o: 1 });
console.error(new Map([[1, 2]]), [1, 2]);
console.info('info to stdout');
console.debug('debug to stdout');
process.stderr.write('raw stderr no newline');
process.stderr.write('\n');
process.stdout.write('raw stdout\n');
console.error();
console.log();
console.trace === console.trace && console.log('end');
