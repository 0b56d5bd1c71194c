module.exports = 'lib index';
