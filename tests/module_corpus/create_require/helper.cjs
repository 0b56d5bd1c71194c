module.exports = 'helper via createRequire';
