import type { Db } from '@uplift/db';
import { createQueue, heartbeatKey, JOBS, type JobName, QUEUE_NAME } from '@uplift/jobs';
import type { EvaluationHooks, Logger } from '@uplift/services';
import { type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { jobLog, type LeveledLog, type LogLevel, leveledLog } from './job-log';
import { PROCESSORS, type ProcessorDeps } from './processors';

export interface WorkerDeps {
  db: Db;
  /** A connection with maxRetriesPerRequest: null (see @uplift/jobs createRedis('worker')). */
  redis: Redis;
  prefix: string;
  concurrency?: number;
  heartbeatMs?: number;
  /** How long a job's lock lasts without renewal: a killed worker's job is retried once it expires. */
  lockDurationMs?: number;
  log?: (line: string) => void;
  /** Lines below this level are dropped (LOG_LEVEL; default info: routine completions are debug lines). */
  logLevel?: LogLevel;
  /** How often the worker logs how many jobs it finished (default every 10 minutes). */
  summaryEveryMs?: number;
  /** Injected by tests only (main.ts builds it from UPLIFT_TEST_EVALUATION_PAUSE_MS). */
  hooks?: EvaluationHooks;
  clock?: () => Date;
  /** Webhooks may target loopback and private addresses (WEBHOOK_ALLOW_PRIVATE; local development only). */
  allowPrivateWebhooks?: boolean;
  /** Raw events of experiments ended longer ago than this many days are dropped, where the workspace sets no
   * retention of its own (RAW_EVENT_RETENTION_DAYS). */
  rawEventRetentionDays?: number | undefined;
}

/** The use cases' Logger, writing through the worker's line sink. */
const loggerOf = (log: LeveledLog): Logger => {
  const at = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) =>
    log(level, fields && Object.keys(fields).length ? `${message} ${JSON.stringify(fields)}` : message);
  return { info: at('info'), warn: at('warn'), error: at('error') };
};

/** Starts the BullMQ worker, the heartbeat and the schedules; `close()` is idempotent. */
export async function startWorker(deps: WorkerDeps) {
  const log = leveledLog(deps.logLevel ?? 'info', deps.log ?? ((line: string) => console.log(line)));
  const jobs = jobLog(log, { ...(deps.summaryEveryMs ? { summaryEveryMs: deps.summaryEveryMs } : {}) });
  const queue: Queue = createQueue(deps.redis, deps.prefix);
  queue.on('error', (e) => log('error', `queue error: ${e.message}`));
  const processorDeps: ProcessorDeps = {
    db: deps.db,
    queue,
    clock: deps.clock ?? (() => new Date()),
    log: loggerOf(log),
    allowPrivateWebhooks: deps.allowPrivateWebhooks ?? false,
    ...(deps.hooks ? { hooks: deps.hooks } : {}),
    ...(deps.rawEventRetentionDays === undefined ? {} : { rawEventRetentionDays: deps.rawEventRetentionDays }),
  };

  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const processor = PROCESSORS[job.name as JobName];
      if (!processor) throw new UnrecoverableError(`Unknown job ${job.name}`);
      const payload = JOBS[job.name as JobName].safeParse(job.data);
      if (!payload.success) throw new UnrecoverableError(`Bad payload for ${job.name}: ${payload.error.message}`);
      return processor(job, processorDeps);
    },
    {
      connection: deps.redis.duplicate(),
      prefix: deps.prefix,
      concurrency: deps.concurrency ?? 4,
      lockDuration: deps.lockDurationMs ?? 30_000,
      stalledInterval: deps.lockDurationMs ?? 30_000,
    },
  );
  worker.on('error', (e) => log('error', `worker error: ${e.message}`));
  worker.on('failed', (job, e) => jobs.failed(job, e));
  worker.on('completed', (job) => jobs.completed(job));

  // Redis may be flushed at any time: each beat checks the reconcilers' own schedules and restores them (and
  // so, within a minute, every experiment's schedule).
  const ensureSchedules = async () => {
    for (const name of ['backlog.reconcile', 'experiment.reconcile'] as const) {
      if (await queue.getJobScheduler(name)) continue;
      await queue.upsertJobScheduler(name, { every: 60_000 }, { name, data: {} });
    }
  };
  const beat = async () => {
    // A missed beat only makes the api report the worker as away until the next one.
    await deps.redis
      .set(heartbeatKey(deps.prefix), String(Date.now()), 'EX', 120)
      .catch((e: Error) => log('warn', `heartbeat not written: ${e.message}`));
    await ensureSchedules().catch((e: Error) => log('warn', `could not schedule the reconcilers yet: ${e.message}`));
  };
  await beat();
  // One reconciliation now, not in a minute: experiments seeded or left unevaluated while no worker ran.
  await queue
    .add('experiment.reconcile', {}, { jobId: `experiment.reconcile-start-${Date.now()}`, removeOnComplete: true })
    .catch((e: Error) => log('warn', `first reconciliation not enqueued; the scheduled one follows: ${e.message}`));
  const heartbeat = setInterval(() => void beat(), deps.heartbeatMs ?? 5_000);

  let closing: Promise<void> | undefined;
  return {
    worker,
    queue,
    close: () => {
      closing ??= (async () => {
        clearInterval(heartbeat);
        await worker.close();
        await queue.close();
        jobs.close();
      })();
      return closing;
    },
  };
}
