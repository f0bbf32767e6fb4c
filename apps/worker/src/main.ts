import { createDb } from '@uplift/db';
import { createRedis, DEFAULT_PREFIX } from '@uplift/jobs';
import { startWorker } from './worker';

const db = createDb(process.env.DATABASE_URL);
const redis = createRedis('worker', process.env.REDIS_URL);
const lockMs = Number(process.env.WORKER_LOCK_MS ?? 30_000);
const running = await startWorker({
  db,
  redis,
  prefix: process.env.QUEUE_PREFIX ?? DEFAULT_PREFIX,
  lockDurationMs: Number.isFinite(lockMs) && lockMs >= 500 ? lockMs : 30_000,
});
console.log('worker started');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`worker: ${signal}, finishing current jobs`);
  running
    .close()
    .then(() => db.$disconnect())
    .finally(() => {
      redis.disconnect();
      process.exit(0);
    });
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
