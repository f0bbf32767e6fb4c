// A file of its own: `pgbouncer=true` turns statement naming off for the whole process (client.ts `sharesSessions`).
import { afterAll, expect, it } from 'vitest';
import { createDb, sharesSessions } from './client';
import { numberArray } from './pg-arrays';
import { type Execute, type Prepared, withPgTransaction } from './pg-transaction';

const url = new URL(process.env.DATABASE_URL as string);
url.searchParams.set('pgbouncer', 'true');
const one = createDb(url.toString(), 1);
afterAll(() => one.$disconnect());

const doubled: Prepared = {
  name: 'uplift_pooler_doubled',
  types: 'int[]',
  text: 'SELECT array_agg(2 * x) AS v FROM unnest($1) x',
};

it('behind a pooler in transaction mode (pgbouncer=true, as Prisma says it) prepares nothing on the connection', async () => {
  const opening = (literal: (v: string) => string, execute: Execute) =>
    execute(doubled, [literal(numberArray([1, 2]))]);
  const run = () =>
    withPgTransaction(one, opening, async (sql, opened, close) => {
      close((literal, execute) => execute(doubled, [literal(numberArray([5]))]));
      const [row] = await sql.$queryRaw<{ n: number; i: number }[]>`
        SELECT count(*)::int AS n, ${7}::int AS i FROM pg_prepared_statements`;
      return [opened[0]?.v, row];
    });
  // Twice: a statement named or prepared in the first transaction would be listed in the second.
  expect(await run()).toEqual([[2, 4], { n: 0, i: 7 }]);
  expect(await run()).toEqual([[2, 4], { n: 0, i: 7 }]);
  expect(sharesSessions()).toBe(true);
});
