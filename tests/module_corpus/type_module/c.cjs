module.exports = 'cjs by extension';
