// The same workspaces from an ES module: @ws/util's "import" condition, @ws/app as CommonJS.
import app from '@ws/app';
import { format, kind } from '@ws/util';

console.log(app.describe('2.0.0-rc.1'), '|', format(1000), kind);
console.log('resolve', import.meta.resolve('@ws/app'), import.meta.resolve('@ws/util'));
