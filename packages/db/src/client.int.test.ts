import { describe, expect, it } from 'vitest';
import { createDb, openPool } from './client';

// The event batch path writes through the pg pool under a Prisma client before Prisma has made a query of its
// own (pg-transaction.ts); Prisma's adapter only listens for the pool's errors once it connects.
describe('the pg pool under a new client', () => {
  it('survives the server ending an idle connection before any Prisma query, and queries again', async () => {
    const db = createDb(process.env.DATABASE_URL, 2);
    const pool = await openPool(db);
    const held = await pool.connect();
    const { rows } = await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    held.release(); // idle in the pool now
    const other = createDb(process.env.DATABASE_URL, 1);
    const killer = await (await openPool(other)).connect();
    try {
      // Without a listener, the idle client's error is an unhandled 'error' event: the process would end here.
      const errors: Error[] = [];
      pool.once('error', (e) => errors.push(e));
      await killer.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
      await expect.poll(() => errors.length, { timeout: 5_000 }).toBe(1);
      expect(pool.listenerCount('error')).toBeGreaterThan(0); // ours, not only the test's
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      killer.release();
      await other.$disconnect();
      await db.$disconnect();
    }
  });
});
