module.exports = 'hello from greeting.cjs';
