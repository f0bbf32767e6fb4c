import type pg from 'pg';
import { type Db, openPool, poolOf } from './client';

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

const sqlOf = (client: { query: (config: pg.QueryConfig) => Promise<pg.QueryResult> }): Sql => ({
  $queryRaw: async <T>(strings: TemplateStringsArray, ...values: unknown[]) =>
    (await client.query({ text: textOf(strings), values })).rows as T,
  $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) =>
    (await client.query({ text: textOf(strings), values })).rowCount ?? 0,
});

/** SQL run in the same round trip as BEGIN (a simple query: literals only, made with `literal`). */
export type Opening = (literal: (value: string) => string) => string;
/** SQL to run in the same round trip as COMMIT (a simple query, like an Opening): `work` hands it to `close`. */
export type Closing = Opening;

/** As long as the project lets a Prisma interactive transaction run (the `timeout: 60_000` its long ones pass). */
export const PG_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Runs `work` in one READ COMMITTED transaction on a connection of `db`'s own pool: committed when it returns,
 * rolled back whole when it throws. `opening` runs with BEGIN, each of its statements with a snapshot of its own
 * (so one taken after a lock sees what the lock waited for); `work` gets the rows of its last statement.
 * Bounded like Prisma's interactive transactions: no statement (the opening's lock wait included) runs longer than
 * `timeoutMs`, and a transaction left idle that long is ended by the server, so a stuck batch cannot hold its locks
 * and its connection for ever. (Postgres 15 has no whole-transaction timeout: `transaction_timeout` came in 17.)
 * `close` saves a round trip at the end: its statement runs with COMMIT, which it keeps from running if it fails;
 * its rows are handed to `closed` once committed.
 */
export async function withPgTransaction<T>(
  db: Db,
  opening: Opening,
  work: (
    sql: Sql,
    opened: Record<string, unknown>[],
    close: (closing: Closing, closed?: (rows: Record<string, unknown>[]) => void) => void,
  ) => Promise<T>,
  timeoutMs = PG_TRANSACTION_TIMEOUT_MS,
): Promise<T> {
  const client = await (await openPool(db)).connect();
  let broken: Error | undefined;
  // The server ending the connection (the idle timeout, a restart) is an 'error' event on the checked-out client:
  // kept, it fails the transaction's next query and closes the connection, instead of crashing the process.
  const lost = (e: Error) => {
    broken = e;
  };
  client.on('error', lost);
  try {
    // SET LOCAL: the limits end with the transaction; since Postgres 13 each statement of a simple query is timed
    // on its own, with the value set before it.
    const ms = Math.max(1, Math.round(timeoutMs));
    const limits = `SET LOCAL statement_timeout = ${ms}; SET LOCAL idle_in_transaction_session_timeout = ${ms};`;
    const results = [await client.query(`BEGIN; ${limits} ${opening((v) => client.escapeLiteral(v))}`)].flat();
    let closing = '';
    let closed: ((rows: Record<string, unknown>[]) => void) | undefined;
    const result = await work(sqlOf(client), results.at(-1)?.rows ?? [], (c, then) => {
      closing = `${c((v) => client.escapeLiteral(v))};`;
      closed = then;
    });
    const ended = [await client.query(`${closing} COMMIT`)].flat();
    // Committed: the closing statement's rows (the result before COMMIT's) go to whoever asked for them.
    closed?.(ended.at(-2)?.rows ?? []);
    return result;
  } catch (error) {
    // A connection that cannot even roll back is closed (release with an error), never reused half-way.
    await client.query('ROLLBACK').catch((e: Error) => {
      broken = e;
    });
    throw error;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}

/** Queries outside a transaction: through `db`'s own pool when it has one (see Sql), else through Prisma. */
export function sqlFor(db: Db): Sql {
  const pool = poolOf(db);
  return pool ? sqlOf(pool) : db;
}
