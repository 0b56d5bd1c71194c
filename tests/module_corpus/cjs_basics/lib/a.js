exports.name = 'a:' + require('path').basename(__filename) + ':' + require('path').basename(__dirname);
