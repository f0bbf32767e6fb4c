import { pingDatabase } from '@uplift/db';
import { heartbeatKey } from '@uplift/jobs';
import type { Deps } from './context';

/** A worker that has not beaten for this long counts as down: three missed beats of its 5 s heartbeat. */
export const WORKER_STALE_SECONDS = 15;

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

export async function health(deps: Deps) {
  const [db, redisBeat] = await Promise.all([
    withTimeout(pingDatabase(deps.db), 2_000).then(
      () => 'ok' as const,
      () => 'down' as const,
    ),
    withTimeout(deps.redis.get(heartbeatKey(deps.queuePrefix)), 2_000).then(
      (beat) => ({ redis: 'ok' as const, beat }),
      () => ({ redis: 'down' as const, beat: null }),
    ),
  ]);
  const last = redisBeat.beat ? Math.max(0, Math.round((Date.now() - Number(redisBeat.beat)) / 1000)) : null;
  const workerUp = last !== null && last <= WORKER_STALE_SECONDS;
  const ok = db === 'ok' && redisBeat.redis === 'ok' && workerUp;
  return {
    httpStatus: ok ? 200 : 503,
    body: { status: ok ? 'ok' : 'degraded', db, redis: redisBeat.redis, worker: { lastHeartbeatSecondsAgo: last } },
  };
}
