// Workspace packages resolve through the links the package manager made in node_modules.
const fs = require('fs');
const app = require('@ws/app');

console.log(app.describe('1.2.3'), '|', app.describe('x'));
console.log('where', JSON.stringify(app.where()));
console.log('app', require.resolve('@ws/app'), require('@ws/app/package.json').version);
console.log('util', require.resolve('@ws/util'), require('@ws/util').kind);
const link = 'node_modules/@ws/app';
console.log('link', fs.lstatSync(link).isSymbolicLink(), fs.realpathSync(link));
