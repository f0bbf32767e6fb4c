import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { withDefaultUser } from './url';

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`; repositories accept either. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export const DEFAULT_DATABASE_URL = 'postgresql://localhost:5432/uplift';

/** Prisma 7 runs queries through its WASM query compiler and the `pg` driver adapter: no native engine. */
export function createDb(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, poolSize = 10): Db {
  const adapter = new PrismaPg({
    connectionString: withDefaultUser(url),
    max: poolSize,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}
