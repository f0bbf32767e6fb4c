import type { TRPCError } from '@trpc/server';
import { factorSales, mulberry32, type WeeklySalesRow } from '@uplift/domain';
import { createRedis } from '@uplift/jobs';
import { runLocationPlan } from '@uplift/services';
import { startWorker } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createWorkspace, type TestWorkspace, testDeps } from './testing/fixtures';
import { offlineRollout } from './testing/offline-rollout';

const deps = testDeps('location-plan');
const workerRedis = createRedis('worker');
let worker: Awaited<ReturnType<typeof startWorker>>;
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'plan');
  // The real worker on this file's queue: the plan runs in its processor, as in production.
  worker = await startWorker({ db: deps.db, redis: workerRedis, prefix: deps.queuePrefix, log: () => {} });
});
afterAll(async () => {
  await worker.close();
  workerRedis.disconnect();
  await deps.close();
});

const toCsv = (rows: WeeklySalesRow[]) =>
  ['location,week,sales', ...rows.map((r) => `${r.location},${r.week},${r.sales}`)].join('\n');
// 8 stores, 16 weeks of history, all before the experiment's start: 6 windows of 4 test weeks leave 7 pre weeks.
const history = factorSales(mulberry32(11), { locations: 8, preWeeks: 16, postWeeks: 0, treated: 0, lift: 0 });
const csv = toCsv(history.rows);

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('planning which locations a location test treats', () => {
  it('runs the plan in the worker, stores the ranked sets, and an upload treats the chosen one', async () => {
    const e = await offlineRollout(deps.db, ws);
    const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    const analyst = callerFor(deps, ws.users.ANALYST, ws.slug);
    expect(await analyst.experiment.locationPlan({ key: e.key })).toBeNull();

    const asked = await owner.experiment.requestLocationPlan({
      key: e.key,
      csv,
      treatmentSize: 2,
      testWeeks: 4,
      windows: 2,
      maxCandidates: 6,
    });
    expect(asked.status).toBe('QUEUED');
    const done = await until('the plan', async () => {
      const plan = await analyst.experiment.locationPlan({ key: e.key });
      return plan?.status === 'DONE' ? plan : null;
    });
    expect(done.id).toBe(asked.id);
    expect(done.error).toBeNull();
    const plan = done.result!;
    expect(plan).toMatchObject({ treatmentSize: 2, testWeeks: 4, windows: 2, searched: 6, possible: 28 });
    expect(plan.ranked).toHaveLength(6);
    for (const set of plan.ranked) expect(set.treatment).toHaveLength(2);
    const order = plan.ranked.map((r) => [r.falseDetections, r.mde ?? Number.POSITIVE_INFINITY] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    // 8 stores are fewer than GeoLift's 20: the plan says so.
    expect(plan.warnings.some((w) => w.includes('only 8 locations'))).toBe(true);
    // The row is the truth: a reload reads the same plan from the database.
    const row = await deps.db.locationPlan.findUniqueOrThrow({ where: { id: asked.id } });
    expect(row.status).toBe('DONE');

    // An analyst may read the plan but not ask for one.
    await expect(analyst.experiment.requestLocationPlan({ key: e.key, csv, treatmentSize: 2 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const chosen = plan.ranked[1]!.treatment;
    const uploaded = await owner.experiment.uploadLocations({
      key: e.key,
      csv,
      start: '2026-10-05',
      treatment: chosen,
    });
    expect(uploaded.split.treatment).toEqual(chosen);
    expect([...uploaded.split.holdout].sort()).toEqual(
      [...new Set(history.rows.map((r) => r.location))].filter((l) => !chosen.includes(l)).sort(),
    );
    // The split is set once: a later treatment list is refused, as is another plan.
    await expect(owner.experiment.uploadLocations({ key: e.key, csv, treatment: ['store-0'] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(owner.experiment.requestLocationPlan({ key: e.key, csv })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already has its split'),
    });
  });

  it('refuses a treatment that names a location without sales, naming the field; keeps the random split otherwise', async () => {
    const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    const e = await offlineRollout(deps.db, ws);
    const refused = await owner.experiment
      .uploadLocations({ key: e.key, csv, start: '2026-10-05', treatment: ['store-1', 'nowhere'] })
      .catch((error: TRPCError) => error);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: 'treatment: location "nowhere" is not in the data' });
    expect((await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).locationSplit).toBeNull();
    const random = await owner.experiment.uploadLocations({ key: e.key, csv, start: '2026-10-05' });
    expect(random.split.treatment.length + random.split.holdout.length).toBe(8);
    expect(random.split.seed).toBe(e.key);
  });

  it('refuses a bad plan at once naming the field, and stores a failure the worker meets as a sentence', async () => {
    const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    const e = await offlineRollout(deps.db, ws);
    await expect(owner.experiment.requestLocationPlan({ key: e.key, csv, treatmentSize: 7 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('treatmentSize'),
    });
    expect(await deps.db.locationPlan.count({ where: { experimentId: e.id } })).toBe(0);

    // A stored request that cannot be read (written by hand here) fails for good, and the row says why.
    const row = await deps.db.locationPlan.create({ data: { experimentId: e.id, request: { rows: 'none' } } });
    await expect(runLocationPlan(deps, row.id, { onProgress: () => {}, lastAttempt: false })).rejects.toThrow();
    const failed = await owner.experiment.locationPlan({ key: e.key });
    expect(failed).toMatchObject({ id: row.id, status: 'FAILED', result: null });
    expect(failed!.error).toBe('The stored plan request cannot be read: rows: must be an array of rows.');
  });
});
