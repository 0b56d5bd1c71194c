module.exports = require('./base.js');
