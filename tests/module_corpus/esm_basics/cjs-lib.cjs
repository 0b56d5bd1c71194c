exports.alpha = 'A';
exports.beta = 'B';
