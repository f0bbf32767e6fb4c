import type { Db } from '@uplift/db';
import { createQueue, heartbeatKey, JOBS, type JobName, QUEUE_NAME } from '@uplift/jobs';
import {
  deliverWebhook,
  evaluateExperimentJob,
  reconcileBacklogs,
  reconcileExperiments,
  rescoreBacklog,
} from '@uplift/services';
import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';

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
}

/** Starts the BullMQ worker, the heartbeat and the schedules; `close()` is idempotent. */
export async function startWorker(deps: WorkerDeps) {
  const log = deps.log ?? ((line: string) => console.log(line));
  const queue: Queue = createQueue(deps.redis, deps.prefix);
  queue.on('error', (e) => log(`queue error: ${e.message}`));

  const processors: Record<JobName, (job: Job) => Promise<unknown>> = {
    'backlog.rescore': (job) =>
      rescoreBacklog(deps.db, JOBS['backlog.rescore'].parse(job.data), (p) => job.updateProgress(p)),
    'backlog.reconcile': () => reconcileBacklogs(deps.db, queue),
    'experiment.evaluate': (job) =>
      evaluateExperimentJob(deps.db, queue, JOBS['experiment.evaluate'].parse(job.data).experimentId),
    'experiment.reconcile': () => reconcileExperiments(deps.db, queue),
    'webhook.deliver': (job) => deliverWebhook(deps.db, job, JOBS['webhook.deliver'].parse(job.data).deliveryId),
  };

  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const processor = processors[job.name as JobName];
      if (!processor) throw new UnrecoverableError(`Unknown job ${job.name}`);
      const payload = JOBS[job.name as JobName].safeParse(job.data);
      if (!payload.success) throw new UnrecoverableError(`Bad payload for ${job.name}: ${payload.error.message}`);
      return processor(job);
    },
    {
      connection: deps.redis.duplicate(),
      prefix: deps.prefix,
      concurrency: deps.concurrency ?? 4,
      lockDuration: deps.lockDurationMs ?? 30_000,
      stalledInterval: deps.lockDurationMs ?? 30_000,
    },
  );
  worker.on('error', (e) => log(`worker error: ${e.message}`));
  worker.on('failed', (job, e) => log(`job ${job?.name} ${job?.id} failed: ${e.message}`));
  worker.on('completed', (job) => log(`job ${job.name} ${job.id} done`));

  // Redis may be flushed at any time: each beat checks the reconcilers' own schedules and restores them (and
  // so, within a minute, every experiment's schedule).
  const ensureSchedules = async () => {
    for (const name of ['backlog.reconcile', 'experiment.reconcile'] as const) {
      if (await queue.getJobScheduler(name)) continue;
      await queue.upsertJobScheduler(name, { every: 60_000 }, { name, data: {} });
    }
  };
  const beat = async () => {
    await deps.redis.set(heartbeatKey(deps.prefix), String(Date.now()), 'EX', 120).catch(() => {});
    await ensureSchedules().catch((e: Error) => log(`could not schedule the reconcilers yet: ${e.message}`));
  };
  await beat();
  // One reconciliation now, not in a minute: experiments seeded or left unevaluated while no worker ran.
  await queue
    .add('experiment.reconcile', {}, { jobId: `experiment.reconcile-start-${Date.now()}`, removeOnComplete: true })
    .catch(() => {});
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
      })();
      return closing;
    },
  };
}
