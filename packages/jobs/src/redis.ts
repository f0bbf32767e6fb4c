import { Redis } from 'ioredis';
import { parseJobsEnv } from './env';

export const DEFAULT_PREFIX = 'uplift';

/**
 * Producers (api) fail fast so a request never hangs on a dead Redis; workers wait and retry forever
 * (BullMQ requires maxRetriesPerRequest: null for blocking connections).
 */
export function createRedis(role: 'producer' | 'worker', url = parseJobsEnv().REDIS_URL): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 2_000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  // Without a listener ioredis prints every reconnect failure as an unhandled error event.
  redis.on('error', () => {});
  return redis;
}

export const heartbeatKey = (prefix: string) => `${prefix}:worker:heartbeat`;
