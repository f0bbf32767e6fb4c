import type { Tx } from '../client';

/** One round trip to the database: what /healthz asks. */
export async function pingDatabase(db: Tx): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
