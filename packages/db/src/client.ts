import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { withDefaultUser } from './url';

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`; repositories accept either. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export const DEFAULT_DATABASE_URL = 'postgresql://localhost:5432/uplift';

/**
 * Prisma's pg adapter, remembering the pool it opened last. `$disconnect` ends the pool (disposeExternalPool) and
 * Prisma's next query connects again; a fixed pool would stay ended, and the event batch path, which writes through
 * the pool directly (pg-transaction.ts), would fail on a client Prisma itself reconnects. So each connect opens a
 * fresh pool and keeps it here; the first is opened at once, so the batch path has it before Prisma's first query.
 */
class TrackedPg extends PrismaPg {
  pool: pg.Pool;
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig);
    this.pool = TrackedPg.open(poolConfig);
  }

  override connect() {
    if (this.pool.ended || this.pool.ending) this.pool = TrackedPg.open(this.poolConfig);
    return new PrismaPg(this.pool, { disposeExternalPool: true }).connect();
  }

  /**
   * A pool that outlives the server ending one of its idle connections (a restart, an administrator): pg drops
   * that client and the next query opens another, but the 'error' it emits ends the process when nobody listens.
   * Prisma's adapter listens only once it connects, and the batch path may use the pool before that.
   */
  private static open(config: pg.PoolConfig): pg.Pool {
    const pool = new pg.Pool(config).on('error', () => {});
    pool.on('connect', (client) => {
      const id = pid(client);
      const n = live.get(id) ?? 0;
      if (n > 0 || id === null) sessionsShared = true;
      live.set(id, n + 1);
    });
    pool.on('remove', (client) => {
      const id = pid(client);
      const n = (live.get(id) ?? 1) - 1;
      if (n > 0) live.set(id, n);
      else live.delete(id);
    });
    return pool;
  }
}

/** This process's open connections, of every pool, by the server process each reports. */
const live = new Map<number | null, number>();
/**
 * The process id the server reported (BackendKeyData), or null when it sent none. A pooler reports a key of its
 * own, which may be negative (PgBouncer's are random 32-bit integers): any number is an id.
 */
const pid = (client: pg.PoolClient) => {
  const id = (client as pg.PoolClient & { processID?: unknown }).processID;
  return typeof id === 'number' ? id : null;
};
let sessionsShared = false;

/**
 * Whether connections may not keep a session of their own: the embedded PGlite database serves every connection
 * from one session, and each reports the same process id; a pooler in transaction mode (PgBouncer's, the pooled
 * endpoints of hosted Postgres) hands a connection's session to other clients between transactions. Statements
 * prepared by name (pg-transaction.ts) would then meet another connection's, or be missing, and fail, so queries
 * are sent unnamed. Set when a connection opens under an id one of this process's open connections has (any
 * pool's), before it runs anything, or when a database URL says `pgbouncer=true` (`createDb`).
 */
export const sharesSessions = () => sessionsShared;

const adapters = new WeakMap<Db, TrackedPg>();

/** The `pg` pool under a client made by createDb, while it is open (the event batch path writes through it). */
export function poolOf(db: Db): pg.Pool | null {
  const pool = adapters.get(db)?.pool;
  return pool && !pool.ended && !pool.ending ? pool : null;
}

/** The open `pg` pool under a client made by createDb, connecting the client again after a `$disconnect`. */
export async function openPool(db: Db): Promise<pg.Pool> {
  if (!adapters.has(db)) throw new Error('this database client has no pg pool of its own: make it with createDb');
  const open = poolOf(db);
  if (open) return open;
  await db.$connect();
  const pool = poolOf(db);
  if (!pool) throw new Error('the database client did not reconnect after $disconnect; make a new one with createDb');
  return pool;
}

/** Prisma 7 runs queries through its WASM query compiler and the `pg` driver adapter: no native engine. */
export function createDb(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, poolSize = 10): Db {
  // Prisma's own word for a pooler in transaction mode (its `pgbouncer=true` URL parameter), which pg ignores.
  if (behindTransactionPooler(url)) sessionsShared = true;
  const adapter = new TrackedPg({
    connectionString: withDefaultUser(url),
    max: poolSize,
    connectionTimeoutMillis: 5_000,
  });
  const db = new PrismaClient({ adapter });
  adapters.set(db, adapter);
  return db;
}

/** Whether a database URL says it reaches Postgres through a pooler in transaction mode (`?pgbouncer=true`). */
function behindTransactionPooler(url: string): boolean {
  try {
    return new URL(url).searchParams.get('pgbouncer') === 'true';
  } catch {
    return false; // not a URL: pg reports it when it connects
  }
}
