import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, type JobName, type JobPayload } from './registry';

export const QUEUE_NAME = 'uplift';

export function createQueue(connection: Redis, prefix: string): Queue {
  return new Queue(QUEUE_NAME, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

/** Validates the payload against the registry, then enqueues with a stable jobId (a repeat is a no-op). */
export async function enqueue<N extends JobName>(
  queue: Queue,
  name: N,
  payload: JobPayload<N>,
  options: JobsOptions & { jobId: string },
) {
  const data = JOBS[name].parse(payload);
  return queue.add(name, data, options);
}
