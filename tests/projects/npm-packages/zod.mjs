// zod 4 (dual package: "import" and "require" conditions): schemas, issues, JSON Schema.
import { z } from 'zod';
import * as zm from 'zod/mini';

const User = z.object({
  name: z.string().min(2),
  age: z.number().int().nonnegative(),
  email: z.email().optional(),
  tags: z.array(z.string()).default([]),
  role: z.enum(['admin', 'user']).default('user'),
});
console.log('parse', JSON.stringify(User.parse({ name: 'Ada', age: 36 })));
const bad = User.safeParse({ name: 'A', age: -1.5, email: 'nope', role: 'root' });
console.log('issues', bad.success, JSON.stringify(bad.error.issues));
console.log(z.prettifyError(bad.error));
console.log('flatten', JSON.stringify(z.flattenError(bad.error)));
console.log('jsonSchema', JSON.stringify(z.toJSONSchema(User)));
const Shape = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('circle'), r: z.number() }),
  z.object({ kind: z.literal('square'), side: z.number() }),
]);
console.log('union', JSON.stringify(Shape.parse({ kind: 'square', side: 2 })), Shape.safeParse({ kind: 'tri' }).success);
const Coerced = z.coerce.number().pipe(z.number().max(10)).transform((n) => n * 2);
console.log('pipe', Coerced.parse('4'), Coerced.safeParse('40').error.issues[0].code);
console.log('mini', zm.safeParse(zm.string().check(zm.minLength(3)), 'ab').success);
console.log('resolve', import.meta.resolve('zod'), import.meta.resolve('zod/mini'));
