// zod through require().
const { z } = require('zod');
const schema = z.object({ n: z.number().max(10), s: z.string().regex(/^a/) });
console.log(JSON.stringify(schema.parse({ n: 3, s: 'abc' })));
const res = schema.safeParse({ n: 30, s: 'xyz' });
console.log(res.success, res.error.issues.map((i) => `${i.path}:${i.code}`).join(' '));
console.log(z.prettifyError(res.error));
