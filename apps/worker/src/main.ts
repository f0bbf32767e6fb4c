import { createDb } from '@uplift/db';
import { createRedis } from '@uplift/jobs';
import type { EvaluationHooks } from '@uplift/services';
import { parseWorkerEnv } from './env';
import { startWorker } from './worker';

let env: ReturnType<typeof parseWorkerEnv>;
try {
  env = parseWorkerEnv();
} catch (e) {
  console.error(`worker: bad environment: ${(e as Error).message}`);
  process.exit(1);
}

const pauseMs = env.UPLIFT_TEST_EVALUATION_PAUSE_MS;
// Reliability tests only: hold each evaluation after its read so a test can SIGKILL the worker mid-way.
const hooks: EvaluationHooks | undefined =
  pauseMs > 0 ? { afterRead: () => new Promise((r) => setTimeout(r, pauseMs)) } : undefined;

const db = createDb(env.DATABASE_URL);
const redis = createRedis('worker', env.REDIS_URL);
const running = await startWorker({
  db,
  redis,
  prefix: env.QUEUE_PREFIX,
  lockDurationMs: env.WORKER_LOCK_MS,
  logLevel: env.LOG_LEVEL,
  allowPrivateWebhooks: env.WEBHOOK_ALLOW_PRIVATE,
  rawEventRetentionDays: env.RAW_EVENT_RETENTION_DAYS,
  ...(hooks ? { hooks } : {}),
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
