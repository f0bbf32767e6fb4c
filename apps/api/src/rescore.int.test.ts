import { createRedis } from '@uplift/jobs';
import { startWorker } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createWorkspace, insertHypothesis, type TestWorkspace, testDeps } from './testing/fixtures';

const deps = testDeps('rescore');
const workerRedis = createRedis('worker');
let ws: TestWorkspace;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'rescore');
  for (let i = 0; i < 30; i++) {
    await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { title: `Idea ${i}`, expectedLift: 0.01 * (i + 1) });
  }
  worker = await startWorker({ db: deps.db, redis: workerRedis, prefix: deps.queuePrefix, log: () => {} });
});
afterAll(async () => {
  await worker.close();
  workerRedis.disconnect();
  await deps.close();
});

async function waitForJob(c: ReturnType<typeof callerFor>, jobId: string) {
  for (let i = 0; i < 100; i++) {
    const status = await c.workspace.rescoreStatus({ jobId });
    if (status.state === 'completed' || status.state === 'failed') return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

describe('backlog.rescore through the worker', () => {
  it('changing the horizon rescores every hypothesis and reports progress', async () => {
    const c = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    const { jobId } = await c.workspace.updateSettings({ horizonMonths: 24 });
    expect(jobId).toBeTruthy();
    const status = await waitForJob(c, jobId as string);
    expect(status).toMatchObject({ state: 'completed', progress: { done: 30, total: 30 } });
    const rows = await deps.db.hypothesis.findMany({ where: { workspaceId: ws.id } });
    for (const h of rows) {
      expect(h.horizonMonths).toBe(24);
      expect(h.expectedGain).toBeCloseTo(h.expectedMonthlyGain * 24, 6);
      expect(h.roi).toBeCloseTo((h.expectedGain - h.cost) / h.cost, 10);
    }
    const [event] = await c.audit.list({ entityType: 'workspace' });
    expect(event).toMatchObject({
      action: 'workspace.settings',
      before: { horizonMonths: 12 },
      after: { horizonMonths: 24 },
    });
  });

  it('the reconciler catches rows left behind when a job was lost', async () => {
    await deps.db.workspace.update({ where: { id: ws.id }, data: { horizonMonths: 6 } }); // no job enqueued
    await worker.queue.add('backlog.reconcile', {});
    for (let i = 0; i < 100; i++) {
      const stale = await deps.db.hypothesis.count({ where: { workspaceId: ws.id, horizonMonths: { not: 6 } } });
      if (stale === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('rows were not rescored by the reconciler');
  });

  it('a rescore job of another workspace is not visible', async () => {
    const other = await createWorkspace(deps.db, 'rescore-other');
    const { jobId } = await callerFor(deps, ws.users.ADMIN, ws.slug).workspace.updateSettings({ horizonMonths: 36 });
    await expect(
      callerFor(deps, other.users.ADMIN, other.slug).workspace.rescoreStatus({ jobId: jobId as string }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
