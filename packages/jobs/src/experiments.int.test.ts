import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EVALUATION_DELAY_MS,
  enqueueDelivery,
  evaluationJobId,
  evaluationSchedulerId,
  requestEvaluation,
  requestEvaluationAfterBatch,
  scheduleEvaluation,
  WORKER_CLOCK_MARGIN_MS,
} from './experiments';
import { createQueue } from './queue';
import { createRedis } from './redis';

// Real Redis, a BullMQ prefix of this file's own under the run's QUEUE_PREFIX (obliterated afterwards).
const prefix = `${process.env.QUEUE_PREFIX ?? 'uplift-test'}-jobs-${randomUUID().slice(0, 8)}`;
const redis = createRedis('producer');
let queue: Queue;

beforeAll(() => {
  queue = createQueue(redis, prefix);
});
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
});

describe('requestEvaluation', () => {
  it('folds a burst of requests for one experiment into one waiting job', async () => {
    for (let i = 0; i < 5; i++) await requestEvaluation(queue, 'burst', 60_000);
    await requestEvaluation(queue, 'other', 60_000);
    const jobs = await queue.getJobs(['delayed', 'waiting']);
    expect(jobs.filter((j) => j.data.experimentId === 'burst')).toHaveLength(1);
    expect(jobs.filter((j) => j.data.experimentId === 'other')).toHaveLength(1);
  });
});

describe('requestEvaluationAfterBatch', () => {
  const ids = async (experimentId: string) =>
    (await queue.getJobs(['delayed', 'waiting']))
      .filter((j) => j.data.experimentId === experimentId)
      .map((j) => j.id)
      .sort();

  it('asks Redis again only once the job this process added may have started', async () => {
    const t = Date.now();
    expect(await requestEvaluationAfterBatch(queue, 'stream', 1, t)).toBe(true);
    expect(await ids('stream')).toEqual([evaluationJobId('stream', 1)]);
    // The job waits out its delay and will read what the next batches stored: nothing asked.
    const last = t + EVALUATION_DELAY_MS - WORKER_CLOCK_MARGIN_MS - 1;
    expect(await requestEvaluationAfterBatch(queue, 'stream', 2, t + 10)).toBe(false);
    expect(await requestEvaluationAfterBatch(queue, 'stream', 3, last)).toBe(false);
    // From where a worker whose clock runs ahead might start it, each batch asks (here folded into that job).
    expect(await requestEvaluationAfterBatch(queue, 'stream', 4, last + 1)).toBe(true);
    expect(await ids('stream')).toEqual([evaluationJobId('stream', 1)]);
    // A request folded into a job is not relied on: the next batch asks too.
    expect(await requestEvaluationAfterBatch(queue, 'stream', 5, last + 2)).toBe(true);
  });

  it('does not rely on a job another process added: its due time is not known here', async () => {
    const other = createQueue(redis, prefix); // another api process's queue
    try {
      const t = Date.now();
      expect(await requestEvaluationAfterBatch(other, 'shared', 1, t)).toBe(true);
      // This process's first batch asks, is folded into the other's job, and so its next batch asks again.
      expect(await requestEvaluationAfterBatch(queue, 'shared', 2, t + 1)).toBe(true);
      expect(await requestEvaluationAfterBatch(queue, 'shared', 3, t + 2)).toBe(true);
      expect(await requestEvaluationAfterBatch(other, 'shared', 4, t + 3)).toBe(false);
      expect(await ids('shared')).toEqual([evaluationJobId('shared', 1)]);
    } finally {
      await other.close();
    }
  });
});

describe('scheduleEvaluation', () => {
  it('keeps one schedule per experiment, at the latest interval', async () => {
    await scheduleEvaluation(queue, 'sched', 5);
    await scheduleEvaluation(queue, 'sched', 5);
    await scheduleEvaluation(queue, 'sched', 10);
    const mine = (await queue.getJobSchedulers(0, -1)).filter((s) => s.key === evaluationSchedulerId('sched'));
    expect(mine).toHaveLength(1);
    expect(Number(mine[0]?.every)).toBe(600_000);
  });
});

describe('enqueueDelivery', () => {
  it('enqueues a delivery once per id', async () => {
    expect(await enqueueDelivery(queue, 'd1')).toBeNull();
    expect(await enqueueDelivery(queue, 'd1')).toBeNull();
    expect((await queue.getJobs(['waiting'])).filter((j) => j.name === 'webhook.deliver')).toHaveLength(1);
  });

  it('returns and logs a failure instead of throwing it', async () => {
    const warnings: string[] = [];
    const error = await enqueueDelivery(queue, '', { warn: (m) => warnings.push(m) });
    expect(error).toBeInstanceOf(Error);
    expect(warnings).toEqual(['webhook delivery not enqueued; the reconciler retries it']);
  });
});
