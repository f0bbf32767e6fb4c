import { createDb } from '@uplift/db';
import { createQueue, createRedis } from '@uplift/jobs';
import { consoleLogger } from '@uplift/services';
import type { Deps } from './context';

export function createDeps(env: {
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  WEBHOOK_ALLOW_PRIVATE?: boolean;
}): Deps & {
  close: () => Promise<void>;
} {
  const db = createDb(env.DATABASE_URL);
  const redis = createRedis('producer', env.REDIS_URL);
  const queue = createQueue(redis, env.QUEUE_PREFIX);
  queue.on('error', () => {}); // reported by /healthz; a dead Redis must not crash the api
  let closed: Promise<void> | undefined;
  return {
    db,
    redis,
    queue,
    queuePrefix: env.QUEUE_PREFIX,
    clock: () => new Date(),
    log: consoleLogger,
    allowPrivateWebhooks: env.WEBHOOK_ALLOW_PRIVATE ?? false,
    close: () => {
      closed ??= (async () => {
        await queue
          .close()
          .catch((e: Error) => consoleLogger.warn('api: closing the queue failed', { error: e.message }));
        redis.disconnect();
        await db.$disconnect();
      })();
      return closed;
    },
  };
}
