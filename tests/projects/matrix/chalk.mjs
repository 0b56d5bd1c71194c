// chalk 5 (ESM only) with the colour level forced.
import chalk, { Chalk, supportsColor } from 'chalk';

const show = (s) => console.log(JSON.stringify(s));
const c3 = new Chalk({ level: 3 });
const c2 = new Chalk({ level: 2 });
const c1 = new Chalk({ level: 1 });
const c0 = new Chalk({ level: 0 });
show(c1.red('red') + ' ' + c1.bold.underline('bu') + ' ' + c1.bgBlue.white('wob'));
show(c2.hex('#ff8800')('orange') + c2.rgb(10, 200, 30).bold('green'));
show(c3.hex('#ff8800')('orange') + c3.bgRgb(1, 2, 3)('bg') + c3.ansi256(201)('pink'));
show(c1.red(`outer ${c1.blue('inner')} outer`));
show(c1.green('multi\nline'));
show(c0.red('plain'));
show(c3.visible('v') + c0.visible('hidden'));
console.log('levels', c3.level, c0.level, typeof chalk.level, typeof supportsColor);
