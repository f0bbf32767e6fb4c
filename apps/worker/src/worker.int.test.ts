import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@uplift/db';
import { createQueue, createRedis, evaluationSchedulerId, heartbeatKey, requestEvaluation } from '@uplift/jobs';
import { consoleLogger, createServiceDeps, ingestBatch, type ServiceDeps } from '@uplift/services';
import type { Job, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSORS } from './processors';
import { startWorker } from './worker';

// The worker's own tier: real Postgres and Redis, fixtures written with @uplift/db and @uplift/services only.
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run integration tests through `npm test`.');
const prefix = `${process.env.QUEUE_PREFIX ?? 'uplift-test'}-worker-${randomUUID().slice(0, 8)}`;
const redis = createRedis('worker');
let db: Db;
let queue: Queue;
let deps: ServiceDeps;
let workspaceId: string;

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL, 5);
  queue = createQueue(redis, prefix);
  deps = createServiceDeps({ db, queue, log: consoleLogger });
  const ws = await db.workspace.create({ data: { slug: `worker-${randomUUID().slice(0, 8)}`, name: 'Worker tests' } });
  workspaceId = ws.id;
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await redis.del(heartbeatKey(prefix));
  await queue.close();
  redis.disconnect();
  await db.$disconnect();
});

/** A running 50/50 experiment (binomial `purchase`, 200 planned units) with control 10/100 and promo 60/100. */
async function runningWithWinner() {
  const user = await db.user.create({ data: { id: randomUUID(), email: `${randomUUID()}@test.local`, name: 'T' } });
  const hypothesis = await db.hypothesis.create({
    data: {
      workspaceId,
      authorId: user.id,
      title: 'Promo',
      statement: 'A promo code lifts purchases.',
      funnelStage: 'RETENTION',
      segment: 'All',
      offer: '15% code',
      status: 'TESTING',
      ...{ reachPerMonth: 1000, baselineRate: 0.05, expectedLift: 0.1, valuePerConversion: 40, confidence: 0.5 },
      ...{ cost: 100, horizonMonths: 12, expectedMonthlyGain: 1, expectedGain: 12, roi: 1 },
    },
  });
  const key = `exp-${randomUUID().slice(0, 8)}`;
  const experiment = await db.experiment.create({
    data: {
      workspaceId,
      hypothesisId: hypothesis.id,
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
    },
  });
  const events = ['control', 'promo'].flatMap((variant, v) =>
    Array.from({ length: 100 }, (_, i) => [
      { id: `x${v}-${i}`, experiment: key, unit: `${variant}-${i}`, type: 'exposure' as const, variant },
      ...(i < (v ? 60 : 10)
        ? [{ id: `c${v}-${i}`, experiment: key, unit: `${variant}-${i}`, type: 'conversion' as const }]
        : []),
    ]).flat(),
  );
  await ingestBatch(deps, workspaceId, { events });
  return experiment;
}

const jobOf = (name: string, data: unknown) => ({ name, data, updateProgress: async () => {} }) as unknown as Job;
const until = async (what: string, check: () => Promise<unknown>) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('the experiment.evaluate processor', () => {
  it('evaluates once per data version and holds at the injected hook before writing', async () => {
    const e = await runningWithWinner();
    let snapshotsAtHook = -1;
    const hooks = {
      afterRead: async () => {
        snapshotsAtHook = await db.experimentSnapshot.count({ where: { experimentId: e.id } });
      },
    };
    const evaluate = () =>
      PROCESSORS['experiment.evaluate'](jobOf('experiment.evaluate', { experimentId: e.id }), { ...deps, hooks });
    expect(await evaluate()).toMatchObject({ outcome: 'WIN', stored: true });
    expect(snapshotsAtHook).toBe(0);
    expect(await db.experimentSnapshot.count({ where: { experimentId: e.id } })).toBe(1);
    expect((await db.experiment.findUniqueOrThrow({ where: { id: e.id } })).status).toBe('COMPLETED');
    expect(await evaluate()).toEqual({ skipped: 'not running' });
  });
});

describe('the experiment.reconcile processor', () => {
  it('gives a running experiment its schedule back and requests its unevaluated data', async () => {
    const e = await runningWithWinner();
    const result = await PROCESSORS['experiment.reconcile'](jobOf('experiment.reconcile', {}), deps);
    expect(result).toMatchObject({ scheduled: expect.any(Number), requested: expect.any(Number) });
    expect(await queue.getJobScheduler(evaluationSchedulerId(e.id))).toBeTruthy();
    expect((await queue.getJobs(['delayed', 'waiting'])).some((j) => j.data.experimentId === e.id)).toBe(true);
  });
});

describe('startWorker', () => {
  it('runs a requested evaluation to completion and rejects a bad payload without retrying, logging the failure only', async () => {
    const lines: string[] = [];
    const worker = await startWorker({ db, redis, prefix, heartbeatMs: 100, log: (l) => lines.push(l) });
    try {
      const e = await runningWithWinner();
      await requestEvaluation(queue, e.id, 0);
      await until(
        'the completion',
        async () => (await db.experiment.findUniqueOrThrow({ where: { id: e.id } })).status === 'COMPLETED',
      );
      const bad = await queue.add('experiment.evaluate', { experimentId: '' });
      await until('the bad job to fail', async () => (await bad.getState()) === 'failed');
      expect((await queue.getJob(bad.id as string))?.failedReason).toMatch(/^Bad payload for experiment.evaluate/);
      // A failure for good is an error line; routine completions are debug lines, not shown at the default level.
      expect(lines.some((l) => /^error job experiment.evaluate .*Bad payload for experiment.evaluate/.test(l))).toBe(
        true,
      );
      expect(lines.filter((l) => / done/.test(l))).toEqual([]);
      expect(await redis.get(heartbeatKey(prefix))).toMatch(/^\d+$/);
    } finally {
      await Promise.all([worker.close(), worker.close()]);
    }
  });
});
