import type pg from 'pg';
import { type Db, poolOf } from './client';

/**
 * What the ingestion repositories need of a connection: Prisma's tagged-template raw queries. A Prisma client or
 * transaction is one; so is a plain `pg` client in a transaction (`withPgTransaction`), which the event batch
 * path uses: a batch is a handful of set-based statements over a few large array parameters, where Prisma's
 * per-query work (query compiler, parameter and result mapping) cost about as much as the statements themselves.
 */
export interface Sql {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

const textOf = (strings: TemplateStringsArray) => strings.reduce((text, s, i) => `${text}$${i}${s}`);

const sqlOf = (client: pg.PoolClient): Sql => ({
  $queryRaw: async <T>(strings: TemplateStringsArray, ...values: unknown[]) =>
    (await client.query({ text: textOf(strings), values })).rows as T,
  $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) =>
    (await client.query({ text: textOf(strings), values })).rowCount ?? 0,
});

/**
 * Runs `work` in one READ COMMITTED transaction on a connection of `db`'s own pool: committed when it returns,
 * rolled back whole when it throws. A client not made by createDb (or closed) runs it in Prisma's transaction.
 */
export async function withPgTransaction<T>(db: Db, work: (sql: Sql) => Promise<T>): Promise<T> {
  const pool = poolOf(db);
  if (!pool) return db.$transaction((tx) => work(tx), { timeout: 60_000, maxWait: 30_000 });
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(sqlOf(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is closed (release with an error), never reused half-way.
    await client.query('ROLLBACK').catch((e: Error) => {
      broken = e;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
