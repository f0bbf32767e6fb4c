import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@uplift/db';
import { createQueue, createRedis, heartbeatKey } from '@uplift/jobs';
import { createServiceDeps, experimentResults, rescoreStatus, type ServiceDeps } from '@uplift/services';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSORS } from './processors';
import { startWorker } from './worker';

// Issue 10 point 3 (visibility): what really fails today, written straight into the database as the input
// bounds of the other half of the point would now refuse it at the door.
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run integration tests through `npm test`.');
const prefix = `${process.env.QUEUE_PREFIX ?? 'uplift-test'}-failures-${randomUUID().slice(0, 8)}`;
const redis = createRedis('worker');
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let db: Db;
let queue: Queue;
let deps: ServiceDeps;
let workspace: { id: string; slug: string; name: string };
let authorId: string;

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL, 5);
  queue = createQueue(redis, prefix);
  deps = createServiceDeps({ db, queue, log: quiet });
  workspace = await db.workspace.create({ data: { slug: `fail-${randomUUID().slice(0, 8)}`, name: 'Failures' } });
  authorId = (await db.user.create({ data: { id: randomUUID(), email: `${randomUUID()}@test.local`, name: 'T' } })).id;
});
afterAll(async () => {
  await queue.obliterate({ force: true });
  await redis.del(heartbeatKey(prefix));
  await queue.close();
  redis.disconnect();
  await db.$disconnect();
});

const hypothesis = (valuePerConversion = 40) =>
  db.hypothesis.create({
    data: {
      workspaceId: workspace.id,
      authorId,
      title: 'Promo',
      statement: 'A promo code lifts purchases.',
      funnelStage: 'RETENTION',
      segment: 'All',
      offer: '15% code',
      status: 'TESTING',
      ...{ reachPerMonth: 10_000, baselineRate: 0.05, expectedLift: 0.1, valuePerConversion, confidence: 0.5 },
      ...{ cost: 100, horizonMonths: 12, expectedMonthlyGain: 1, expectedGain: 12, roi: 1 },
    },
  });

/** A running experiment whose campaign report counts more users than a snapshot's int column holds. */
async function runningWithOverflowingReport() {
  const h = await hypothesis();
  const key = `exp-${randomUUID().slice(0, 8)}`;
  const experiment = await db.experiment.create({
    data: {
      workspaceId: workspace.id,
      hypothesisId: h.id,
      key,
      name: key,
      channel: 'EMAIL',
      status: 'RUNNING',
      seed: key,
      variants: [
        { key: 'control', name: 'control', weight: 0.5 },
        { key: 'promo', name: 'promo', weight: 0.5 },
      ],
      metrics: { primary: { name: 'purchase', kind: 'binomial' }, guardrails: [] },
      analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'holm' },
      plannedUsers: 200,
      startedAt: new Date(),
      dataVersion: 1,
    },
  });
  const report = await db.experimentReport.create({
    data: {
      experimentId: experiment.id,
      metric: 'purchase',
      source: 'api',
      variants: [
        { key: 'control', users: 2_147_483_648, conversions: 100 },
        { key: 'promo', users: 1000, conversions: 150 },
      ],
    },
  });
  return { experiment, report };
}

const jobOf = (name: string, data: unknown) => ({ name, data, updateProgress: async () => {} }) as unknown as Job;
const evaluate = (experimentId: string) =>
  PROCESSORS['experiment.evaluate'](jobOf('experiment.evaluate', { experimentId }), deps);

describe('a failed evaluation is visible', () => {
  it('records the failure on the experiment, shows it with the results, notifies once, clears on success', async () => {
    const { experiment, report } = await runningWithOverflowingReport();
    // The data cannot be evaluated however often it is retried: a permanent failure, not retried.
    await expect(evaluate(experiment.id)).rejects.toBeInstanceOf(UnrecoverableError);
    await db.experiment.update({ where: { id: experiment.id }, data: { dataVersion: { increment: 1 } } });
    await expect(evaluate(experiment.id)).rejects.toBeInstanceOf(UnrecoverableError);

    const results = await experimentResults(deps, workspace.id, experiment.key);
    expect(results.evaluationFailure).toMatchObject({ failedAt: expect.any(String), stale: true });
    expect(results.evaluationFailure?.message).toMatch(/could not be evaluated/i);
    const alerts = await db.notification.findMany({ where: { experimentId: experiment.id } });
    expect(alerts.map((n) => n.kind)).toEqual(['evaluation_failed']);

    // Fixed data: the next evaluation succeeds and the failure is gone.
    await db.experimentReport.update({
      where: { id: report.id },
      data: {
        variants: [
          { key: 'control', users: 1000, conversions: 100 },
          { key: 'promo', users: 1000, conversions: 150 },
        ],
      },
    });
    await db.experiment.update({ where: { id: experiment.id }, data: { dataVersion: { increment: 1 } } });
    expect(await evaluate(experiment.id)).toMatchObject({ stored: true });
    expect((await experimentResults(deps, workspace.id, experiment.key)).evaluationFailure).toBeNull();
  });
});

describe('a failed rescore is visible', () => {
  it('a hypothesis whose ROI is not finite fails the rescore job with the reason', async () => {
    const worker = await startWorker({ db, redis, prefix, heartbeatMs: 1000, log: () => {} });
    try {
      await hypothesis(1e308);
      await hypothesis();
      const job = await queue.add('backlog.rescore', { workspaceId: workspace.id, horizonMonths: 12 });
      for (let i = 0; i < 100 && !['completed', 'failed'].includes(await job.getState()); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const status = await rescoreStatus(deps, { workspace }, { jobId: job.id as string });
      expect(status.state).toBe('failed');
      expect(status.failedReason).toMatch(/finite|ROI/i);
      // A permanent failure: not retried.
      expect((await queue.getJob(job.id as string))?.attemptsMade).toBe(1);
    } finally {
      await worker.close();
    }
  });
});
