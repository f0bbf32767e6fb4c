import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './client';
import { numberArray, textArray } from './pg-arrays';
import { type Execute, PG_TRANSACTION_TIMEOUT_MS, type Prepared, withPgTransaction } from './pg-transaction';

const db = createDb(process.env.DATABASE_URL, 3);
afterAll(() => db.$disconnect());

const none = () => 'SELECT 1';
const setting = (name: string) => (literal: (v: string) => string) => `SELECT current_setting(${literal(name)}) AS v`;

describe('withPgTransaction', () => {
  it('bounds its statements and idle time by 60 s, like Prisma interactive transactions, for itself only', async () => {
    expect(PG_TRANSACTION_TIMEOUT_MS).toBe(60_000);
    const inside = await withPgTransaction(db, setting('statement_timeout'), async (sql, opened) => {
      const [idle] = await sql.$queryRaw<
        { v: string }[]
      >`SELECT current_setting('idle_in_transaction_session_timeout') AS v`;
      return [opened[0]?.v, idle?.v];
    });
    expect(inside).toEqual(['1min', '1min']);
    // SET LOCAL: the pooled connection goes back to the server's defaults for the next user.
    const after = await withPgTransaction(db, setting('statement_timeout'), async (_sql, opened) => opened[0]?.v);
    expect(after).toBe('1min');
    const [outside] = await db.$queryRaw<{ v: string }[]>`SELECT current_setting('statement_timeout') AS v`;
    expect(outside?.v).toBe('0');
  });

  it('cancels a statement that runs past the timeout and stores nothing of the transaction', async () => {
    const key = `probe-${Date.now()}`;
    await db.$executeRaw`CREATE TABLE IF NOT EXISTS pg_transaction_probe (k text)`;
    const slow = withPgTransaction(
      db,
      none,
      async (sql) => {
        await sql.$executeRaw`INSERT INTO pg_transaction_probe VALUES (${key})`;
        await sql.$queryRaw`SELECT pg_sleep(5)`;
      },
      300,
    );
    await expect(slow).rejects.toThrow(/statement timeout/);
    const [row] = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pg_transaction_probe WHERE k = ${key}`;
    expect(row?.n).toBe(0);
  });

  it('ends a transaction left idle past the timeout, and the pool goes on with a fresh connection', async () => {
    const idle = withPgTransaction(
      db,
      none,
      async (sql) => {
        await new Promise((r) => setTimeout(r, 1_000));
        await sql.$queryRaw`SELECT 1`;
      },
      300,
    );
    await expect(idle).rejects.toThrow();
    const again = await withPgTransaction(db, none, async (sql) => sql.$queryRaw<{ one: number }[]>`SELECT 1 AS one`);
    expect(again).toEqual([{ one: 1 }]);
  });

  it('reads array literals back as the values, as parameters and as literals in the COMMIT round trip', async () => {
    const texts = ['plain', 'a,b', 'say "hi"', 'C:\\dir\\', '{x}', ' ', '', null, 'NULL', 'ünï €'];
    const numbers = [0.1, -3, 1e-300, 1.7976931348623157e308, null];
    const key = `close-${Date.now()}`;
    await db.$executeRaw`CREATE TABLE IF NOT EXISTS pg_transaction_arrays (k text, t text[], n float8[])`;
    const read = await withPgTransaction(db, none, async (sql, _opened, close) => {
      close(
        (literal) =>
          `INSERT INTO pg_transaction_arrays VALUES (${literal(key)}, ${literal(textArray(texts))}::text[], ${literal(numberArray(numbers))}::float8[])`,
      );
      return sql.$queryRaw<{ t: (string | null)[]; n: (number | null)[] }[]>`
        SELECT ${textArray(texts)}::text[] AS t, ${numberArray(numbers)}::float8[] AS n`;
    });
    expect(read).toEqual([{ t: texts, n: numbers }]);
    const stored = await db.$queryRaw<{ t: (string | null)[]; n: (number | null)[] }[]>`
      SELECT t, n FROM pg_transaction_arrays WHERE k = ${key}`;
    expect(stored).toEqual([{ t: texts, n: numbers }]);
  });

  it('prepares a statement once per connection, and names at most 100 distinct texts a process', async () => {
    const one = createDb(process.env.DATABASE_URL, 1);
    try {
      // Only named statements are listed; a named one is listed (prepared) before it runs.
      const mine = () =>
        withPgTransaction(one, none, async (sql) => {
          const [row] = await sql.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE ${'%AS n FROM pg_prepared%'}`;
          return row?.n;
        });
      expect([await mine(), await mine()]).toEqual([1, 1]);
      const texts = (i: number) => Object.assign([`SELECT ${i}::int AS i`], { raw: [`SELECT ${i}::int AS i`] });
      const prepared = await withPgTransaction(one, none, async (sql) => {
        for (let i = 0; i < 150; i++) await sql.$queryRaw(texts(i));
        const [row] = await sql.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE ${'uplift\\_%'}`;
        return row?.n ?? 0;
      });
      expect(prepared).toBeGreaterThan(50);
      expect(prepared).toBeLessThanOrEqual(100);
    } finally {
      await one.$disconnect();
    }
  });

  it('prepares the statements its simple queries execute once per connection, kept through a rollback', async () => {
    const one = createDb(process.env.DATABASE_URL, 1);
    const doubled: Prepared = {
      name: 'uplift_test_doubled',
      types: 'int[]',
      text: 'SELECT array_agg(2 * x) AS v FROM unnest($1) x',
    };
    const opening = (values: number[]) => (literal: (v: string) => string, execute: Execute) =>
      execute(doubled, [literal(numberArray(values))]);
    try {
      await expect(
        withPgTransaction(one, opening([1]), async () => {
          throw new Error('undone');
        }),
      ).rejects.toThrow('undone');
      const [first, second] = [
        await withPgTransaction(one, opening([1, 2]), async (_sql, opened) => opened[0]?.v),
        await withPgTransaction(one, opening([3]), async (sql, opened, close) => {
          close((literal, execute) => execute(doubled, [literal(numberArray([5]))]));
          const [row] = await sql.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE ${`${doubled.name}\\_%`}`;
          return [opened[0]?.v, row?.n];
        }),
      ];
      expect(first).toEqual([2, 4]);
      expect(second).toEqual([[6], 1]);
    } finally {
      await one.$disconnect();
    }
  });
});
