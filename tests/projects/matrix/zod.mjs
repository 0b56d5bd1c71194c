// zod (ESM): schemas, parse, safeParse errors, transforms, refinements.
import { z } from 'zod';

const User = z.object({
  id: z.number().int().positive(),
  name: z.string().min(2).max(20),
  email: z.string().email(),
  role: z.enum(['admin', 'user']).default('user'),
  tags: z.array(z.string()).max(3).optional(),
  age: z.coerce.number().min(18),
});
console.log(JSON.stringify(User.parse({ id: 1, name: 'Ann', email: 'ann@example.com', age: '42' })));
const bad = User.safeParse({ id: -1, name: 'A', email: 'nope', role: 'root', tags: ['a', 'b', 'c', 'd'], age: 'x' });
console.log(bad.success);
for (const issue of bad.error.issues) console.log(issue.path.join('.'), issue.code, issue.message);
console.log(JSON.stringify(z.treeifyError(bad.error)));
const Slug = z.string().trim().toLowerCase().transform((s) => s.replace(/\s+/g, '-'));
console.log(Slug.parse('  Hello Big World '));
const Range = z.object({ min: z.number(), max: z.number() }).refine((r) => r.min <= r.max, { message: 'min > max', path: ['min'] });
console.log(JSON.stringify(Range.safeParse({ min: 5, max: 1 }).error.issues));
const Shape = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('circle'), r: z.number() }),
  z.object({ kind: z.literal('square'), side: z.number() }),
]);
console.log(JSON.stringify(Shape.parse({ kind: 'square', side: 2 })), Shape.safeParse({ kind: 'tri' }).success);
try {
  z.string().parse(12);
} catch (err) {
  console.log(err.name, err instanceof z.ZodError, err.issues[0].message);
}
console.log(JSON.stringify(z.toJSONSchema(z.object({ a: z.string(), b: z.number().optional() }))));
