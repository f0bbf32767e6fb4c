const meta = (error: unknown) =>
  typeof error === 'object' && error !== null && 'meta' in error && typeof error.meta === 'object' ? error.meta : null;
const code = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';

/** Postgres chose this transaction as a deadlock's victim: 40P01 from `pg`, or as Prisma reports it (P2010, P2034). */
export function isDeadlock(error: unknown) {
  const m = meta(error);
  return ['40P01', 'P2034'].includes(code(error)) || (code(error) === 'P2010' && m !== null && code(m) === '40P01');
}

/**
 * Runs a write transaction again when it was a deadlock's victim (its work was rolled back whole). Batches write
 * their rows in key order so they should never deadlock; this keeps a rare cycle through rows written in another
 * order (another writer's) from failing a batch the client would only have to resend.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
    }
  }
}
