import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { type Db, openPool, poolOf, sharesSessions } from './client';

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

/** Statement texts named so far (text → name), and how many a process names at most. */
const names = new Map<string, string>();
const MAX_NAMED = 100;
/** In every name this process gives a statement: processes sharing a session (`sharesSessions`) never meet. */
const NONCE = randomBytes(4).toString('hex');

/**
 * A query with its statement named after its text: `pg` prepares a named statement once per connection, and
 * Postgres then parses, analyses and (once its generic plan is chosen, after five runs) plans it once per
 * connection instead of at every batch. Measured on the ingestion path (issue 15): Postgres's CPU an event
 * 9.6–10.5 → 8.5–9.1 µs, one connection sending the bench's batches in turn. The texts are a handful (they vary with
 * the statement's shape, never with its values); past MAX_NAMED distinct texts a process stops naming new ones, so
 * a text built per call cannot fill every connection with prepared statements. Unnamed where
 * connections share one session (the embedded database: client.ts `sharesSessions`).
 */
const named = (text: string, values: unknown[]): pg.QueryConfig => {
  if (sharesSessions()) return { text, values };
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `uplift_${createHash('sha256').update(text).digest('hex').slice(0, 20)}_${NONCE}`;
    names.set(text, name);
  }
  return name === undefined ? { text, values } : { name, text, values };
};

const sqlOf = (client: { query: (config: pg.QueryConfig) => Promise<pg.QueryResult> }): Sql => ({
  $queryRaw: async <T>(strings: TemplateStringsArray, ...values: unknown[]) =>
    (await client.query(named(textOf(strings), values))).rows as T,
  $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) =>
    (await client.query(named(textOf(strings), values))).rowCount ?? 0,
});

/**
 * A statement each connection prepares once (SQL PREPARE, in a round trip of its own the first time) for a simple
 * query to run as `EXECUTE name(literal, …)`: the statements sent with BEGIN and COMMIT are then parsed and planned
 * once per connection, as the named ones are (`named`). `types`: the parameters' types, as PREPARE takes them.
 */
export interface Prepared {
  name: string;
  types: string;
  text: string;
}

/** `EXECUTE name(args…)` for a simple query, the statement prepared on the connection before the query is sent. */
export type Execute = (statement: Prepared, args: string[]) => string;

/**
 * SQL run in the same round trip as BEGIN (a simple query: literals only, made with `literal`; prepared statements
 * run with `execute`).
 */
export type Opening = (literal: (value: string) => string, execute: Execute) => string;
/** SQL to run in the same round trip as COMMIT (a simple query, like an Opening): `work` hands it to `close`. */
export type Closing = Opening;

/** As long as the project lets a Prisma interactive transaction run (the `timeout: 60_000` its long ones pass). */
export const PG_TRANSACTION_TIMEOUT_MS = 60_000;

/** The Prepared statements each connection holds (by client: one client, one connection). */
const preparedOn = new WeakMap<object, Set<string>>();

/**
 * Composes simple queries with `literal` and `execute`; `ready` prepares what they execute, on the client. Where
 * connections share a session, `execute` writes the statement out with the literals in place instead.
 */
function simpleQueries(client: pg.PoolClient) {
  const needed: Prepared[] = [];
  const execute: Execute = ({ name, types, text }, args) => {
    if (sharesSessions()) {
      const type = types.split(', ');
      return text.replace(/\$(\d+)/g, (_, n: string) => `${args[Number(n) - 1]}::${type[Number(n) - 1]}`);
    }
    needed.push({ name, types, text });
    return `EXECUTE ${name}_${NONCE}(${args.join(', ')})`;
  };
  const literal = (v: string) => client.escapeLiteral(v);
  const ready = async () => {
    const held = preparedOn.get(client) ?? new Set<string>();
    preparedOn.set(client, held);
    for (const { name, types, text } of needed.splice(0)) {
      if (held.has(name)) continue;
      await client.query(`PREPARE ${name}_${NONCE}(${types}) AS ${text}`);
      held.add(name);
    }
  };
  return { literal, execute, ready };
}

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
    const { literal, execute, ready } = simpleQueries(client);
    const begin = `BEGIN; ${limits} ${opening(literal, execute)}`;
    await ready();
    const results = [await client.query(begin)].flat();
    let closing = '';
    let closed: ((rows: Record<string, unknown>[]) => void) | undefined;
    const result = await work(sqlOf(client), results.at(-1)?.rows ?? [], (c, then) => {
      closing = `${c(literal, execute)};`;
      closed = then;
    });
    await ready();
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
