// zod from CommonJS: the "require" condition picks the .cjs build.
const { z } = require('zod');

const Point = z.object({ x: z.number(), y: z.number() }).strict();
console.log('parse', JSON.stringify(Point.parse({ x: 1, y: 2 })));
const bad = Point.safeParse({ x: '1', y: 2, z: 3 });
console.log('issues', JSON.stringify(bad.error.issues));
console.log('resolve', require.resolve('zod'), require.resolve('zod/v3'));
try {
  require('zod/lib/nope');
} catch (err) {
  console.log('not exported', err.code, err.message);
}
