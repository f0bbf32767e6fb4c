import type { Db } from '@uplift/db';
import { createQueue, heartbeatKey, JOBS, type JobName, QUEUE_NAME } from '@uplift/jobs';
import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { reconcileBacklogs } from './processors/backlog-reconcile';
import { rescoreBacklog } from './processors/backlog-rescore';

export interface WorkerDeps {
  db: Db;
  /** A connection with maxRetriesPerRequest: null (see @uplift/jobs createRedis('worker')). */
  redis: Redis;
  prefix: string;
  concurrency?: number;
  heartbeatMs?: number;
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
    { connection: deps.redis.duplicate(), prefix: deps.prefix, concurrency: deps.concurrency ?? 4 },
  );
  worker.on('error', (e) => log(`worker error: ${e.message}`));
  worker.on('failed', (job, e) => log(`job ${job?.name} ${job?.id} failed: ${e.message}`));
  worker.on('completed', (job) => log(`job ${job.name} ${job.id} done`));

  const beat = () => deps.redis.set(heartbeatKey(deps.prefix), String(Date.now()), 'EX', 120).catch(() => {});
  await beat();
  const heartbeat = setInterval(beat, deps.heartbeatMs ?? 5_000);
  await queue
    .upsertJobScheduler('backlog.reconcile', { every: 60_000 }, { name: 'backlog.reconcile', data: {} })
    .catch((e: Error) => log(`could not schedule backlog.reconcile yet: ${e.message}`));

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
