// chalk 6 (ESM only): explicit color levels, so the output does not depend on the terminal.
import chalk, { Chalk, supportsColor, modifierNames, foregroundColorNames, backgroundColorNames } from 'chalk';

const basic = new Chalk({ level: 1 });
const ansi256 = new Chalk({ level: 2 });
const truecolor = new Chalk({ level: 3 });
const none = new Chalk({ level: 0 });
console.log('basic', JSON.stringify(basic.red.bold('hi')), JSON.stringify(basic.bgBlue.white.underline('x')));
console.log('256', JSON.stringify(ansi256.hex('#ff8800')('orange')), JSON.stringify(ansi256.rgb(10, 200, 30).inverse('g')));
console.log('truecolor', JSON.stringify(truecolor.bgHex('#123456').italic('t')), JSON.stringify(truecolor.red(`a${truecolor.blue('b')}c`)));
console.log('none', none.green('plain'), none.level);
console.log('names', foregroundColorNames.length, backgroundColorNames.length, modifierNames.join(','));
console.log('detected', chalk.level, supportsColor);
