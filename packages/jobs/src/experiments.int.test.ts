import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueDelivery, evaluationSchedulerId, requestEvaluation, scheduleEvaluation } from './experiments';
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
