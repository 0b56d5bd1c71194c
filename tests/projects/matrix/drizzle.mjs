// drizzle-orm: PostgreSQL query building with pg-core, rendered with toSQL() (no database).
import { eq, and, or, gt, like, inArray, isNull, desc, asc, sql, count } from 'drizzle-orm';
import { pgTable, serial, text, integer, boolean, timestamp, QueryBuilder, uuid } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pg-proxy';

const users = pgTable('users', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').unique(),
  age: integer('age'),
  active: boolean('active').default(true),
  createdAt: timestamp('created_at').defaultNow(),
});
const posts = pgTable('posts', {
  id: uuid('id').primaryKey(),
  authorId: integer('author_id').references(() => users.id),
  title: text('title').notNull(),
});

const show = (label, q) => {
  const { sql: text, params } = q.toSQL();
  console.log(label, text, JSON.stringify(params));
};
const qb = new QueryBuilder();
show('select', qb.select().from(users).where(and(eq(users.name, 'ann'), gt(users.age, 30))).orderBy(desc(users.age)).limit(10).offset(5));
show('columns', qb.select({ id: users.id, n: users.name }).from(users).where(or(like(users.email, '%@x.org'), isNull(users.age))));
show('join', qb.select({ title: posts.title, author: users.name }).from(posts).leftJoin(users, eq(posts.authorId, users.id)).where(inArray(users.id, [1, 2, 3])));
show('group', qb.select({ age: users.age, n: count() }).from(users).groupBy(users.age).having(gt(count(), 1)).orderBy(asc(users.age)));
show('raw', qb.select({ x: sql`lower(${users.name})`.as('x') }).from(users).where(sql`${users.age} between ${18} and ${65}`));
const sub = qb.select({ id: users.id }).from(users).where(eq(users.active, true)).as('sub');
show('subquery', qb.select().from(sub));

const db = drizzle(async () => ({ rows: [] }));
show('insert', db.insert(users).values([{ name: 'ann', age: 36 }, { name: 'bob', email: 'b@x.org' }]).returning({ id: users.id }));
show('upsert', db.insert(users).values({ name: 'c' }).onConflictDoUpdate({ target: users.email, set: { name: 'c2' } }));
show('update', db.update(users).set({ active: false, age: sql`${users.age} + 1` }).where(eq(users.id, 7)));
show('delete', db.delete(users).where(and(eq(users.active, false), gt(users.age, 99))).returning());
show('with', db.with(qb.$with('adults').as(qb.select().from(users).where(gt(users.age, 17)))).select().from(users));
