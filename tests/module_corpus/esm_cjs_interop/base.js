exports.a = 1;
exports.b = 2;
Object.defineProperty(exports, 'fromDefine', { enumerable: true, value: 3 });
