module.exports = function () { return 'called'; };
