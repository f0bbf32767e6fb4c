import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { withDefaultUser } from './url';

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`; repositories accept either. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export const DEFAULT_DATABASE_URL = 'postgresql://localhost:5432/uplift';

const pools = new WeakMap<Db, pg.Pool>();

/** The `pg` pool under a client made by createDb, while it is open (the event batch path writes through it). */
export function poolOf(db: Db): pg.Pool | null {
  const pool = pools.get(db);
  return pool && !pool.ended && !pool.ending ? pool : null;
}

/** Prisma 7 runs queries through its WASM query compiler and the `pg` driver adapter: no native engine. */
export function createDb(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: withDefaultUser(url), max: poolSize, connectionTimeoutMillis: 5_000 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}
