import { ingestBatch } from '@uplift/services';
import { evaluateExperimentJob, PROCESSORS } from '@uplift/worker';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binomialEvents } from './testing/binomial-events';
import {
  apiKeyFor,
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  serveApi,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

const deps = testDeps('insights');
const api = await serveApi(deps);
afterAll(async () => {
  await api.close();
  await deps.close();
});

/** Runs the worker's insights.recompute processor for the workspace, as the queued job would. */
const recompute = (workspaceId: string) =>
  PROCESSORS['insights.recompute']({ data: { workspaceId } } as Job, { ...deps, allowPrivateWebhooks: false });

/** An approved idea tested to its planned 2,000 users: `promo` converts `promoRate` against the control's 10%. */
async function completedTest(ws: TestWorkspace, promoConversions: number, overrides: object = {}) {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED', ...overrides });
  const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
  const e = await owner.experiment.create({ ...sampleExperiment(h.id), plannedUsers: 2000, start: true });
  const events = binomialEvents(e.key, { control: 100, promo: promoConversions });
  await ingestBatch(deps, ws.id, { events: events as never });
  await evaluateExperimentJob(deps.db, deps.queue, e.id);
  return { ...e, hypothesisId: h.id };
}

describe('Insights from ingestion to realised figures', () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createWorkspace(deps.db, 'insights');
  });

  it('a completed win is rolled out, asks for a recomputation, and earns R·b̂·x·v a month', async () => {
    const e = await completedTest(ws, 160);
    const row = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ status: 'COMPLETED', outcome: 'WIN' });
    expect(row.rolledOutAt).not.toBeNull();
    const queued = await deps.queue.getJobs(['delayed', 'waiting']);
    expect(queued.some((j) => j.name === 'insights.recompute' && j.data.workspaceId === ws.id)).toBe(true);

    await recompute(ws.id);
    const caller = callerFor(deps, ws.users.ANALYST, ws.slug);
    const insights = await caller.insights.get();
    expect(insights?.completedTests).toBe(1);
    const figures = insights?.figures;
    // k = 1 < 5: nothing is shrunk and the page says so.
    expect(figures?.tooFewToCalibrate).toBe(true);
    expect(figures?.tau2).toBeNull();
    const [only] = figures?.experiments ?? [];
    expect(only).toMatchObject({ key: e.key, outcome: 'WIN', estimatedAfterTheFact: true });
    // x = 0.16/0.10 − 1 = 0.6; R = 10,000 (the hypothesis' reach, this rung's), b̂ = 0.10, v = 40.
    expect(only?.estimate).toBeCloseTo(0.6, 10);
    expect(only?.shrunkEstimate).toBeCloseTo(0.6, 10);
    expect(only?.monthlyGain).toBeCloseTo(10_000 * 0.1 * 0.6 * 40, 6);

    const res = await fetch(`${api.base}/v1/insights`, {
      headers: { authorization: `Bearer ${await apiKeyFor(deps.db, ws, ['read'])}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      completedTests: number;
      computedAt: string;
      figures: { experiments: { key: string }[] };
    };
    expect(body.completedTests).toBe(1);
    expect(body.figures.experiments[0]?.key).toBe(e.key);
    expect(new Date(body.computedAt).getTime()).toBeGreaterThan(0);
  });

  it('refuses a request without a key', async () => {
    const res = await fetch(`${api.base}/v1/insights`);
    expect(res.status).toBe(401);
  });
});

describe('calibrated ROI reorders the backlog from 10 completed tests', () => {
  it('a confident idea falls below a humbler one once the workspace wins a third of its tests', async () => {
    const ws = await createWorkspace(deps.db, 'calibrated');
    // Author's ROI: X (confidence 0.9) above Y (confidence 0.2, four times the reach): 0.9 > 4 × 0.2.
    const x = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED', confidence: 0.9 });
    const y = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, {
      status: 'APPROVED',
      confidence: 0.2,
      reachPerMonth: 40_000,
    });
    const order = async () => {
      const rows = await deps.db.hypothesis.findMany({ where: { id: { in: [x.id, y.id] } } });
      return Object.fromEntries(rows.map((r) => [r.id === x.id ? 'x' : 'y', r]));
    };
    const before = await order();
    expect(before.x!.backlogOrder!).toBeLessThan(before.y!.backlogOrder!);
    const marketer = callerFor(deps, ws.users.MARKETER, ws.slug);
    // No figures yet: the authors' ROI ranks, and the idea's page has nothing calibrated to explain.
    expect(await marketer.insights.ranking()).toEqual({ by: 'author', completedTests: 0, calibratedFrom: 10 });
    expect(await marketer.insights.forHypothesis({ id: x.id })).toEqual({ computedAt: null, calibrated: null });

    // 3 wins at +60% and 7 flat tests in email at retention: win rate (3 + 1)/(10 + 2) = 1/3 for both ideas.
    for (let i = 0; i < 10; i++) await completedTest(ws, i < 3 ? 160 : 105);
    await recompute(ws.id);

    const after = await order();
    expect(after.y!.backlogOrder!).toBeLessThan(after.x!.backlogOrder!);
    expect(after.x!.calibratedRoi).not.toBeNull();
    expect(after.y!.calibratedRoi!).toBeGreaterThan(after.x!.calibratedRoi!);
    const insights = await callerFor(deps, ws.users.MARKETER, ws.slug).insights.get();
    expect(insights?.completedTests).toBe(10);
    expect(insights?.figures.calibration.winRate).toMatchObject({ wins: 3, n: 10 });
    expect(insights?.figures.calibration.winRate.mean).toBeCloseTo(4 / 12, 12);
    const forX = insights?.figures.openHypotheses.find((h) => h.id === x.id);
    expect(forX?.confidence).toMatchObject({ author: 0.9, level: 'stageAndChannel', n: 10 });
    expect(forX?.confidence.used).toBeCloseTo(4 / 12, 12);
    expect(await marketer.insights.ranking()).toEqual({ by: 'calibrated', completedTests: 10, calibratedFrom: 10 });
    // The idea's page gets its entry with the wins behind the posterior (3 of the 10 email tests at its stage).
    const explained = await marketer.insights.forHypothesis({ id: x.id });
    expect(explained.calibrated).toMatchObject({
      authorRoi: forX?.author.roi,
      calibratedRoi: forX?.calibrated.roi,
      confidence: { level: 'stageAndChannel', wins: 3, n: 10, author: 0.9 },
      lift: forX?.lift,
    });
    const other = await createWorkspace(deps.db, 'calibrated-other');
    await expect(
      callerFor(deps, other.users.MARKETER, other.slug).insights.forHypothesis({ id: x.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // The backlog shows both ROIs and sorts by the calibrated one on request.
    const page = await callerFor(deps, ws.users.MARKETER, ws.slug).hypothesis.list({
      sort: 'calibratedRoi',
      direction: 'desc',
      status: ['APPROVED'],
    });
    expect(page.items.map((h) => h.id)).toEqual([y.id, x.id]);
  });
});

describe('the portfolio', () => {
  it("sums the P&L of the caller's own workspaces per currency, never one they are not a member of", async () => {
    const first = await createWorkspace(deps.db, 'portfolio-a');
    const second = await createWorkspace(deps.db, 'portfolio-b');
    const stranger = await createWorkspace(deps.db, 'portfolio-c');
    const person = first.users.PRODUCT_OWNER;
    await deps.db.membership.create({ data: { workspaceId: second.id, userId: person.id, role: 'ANALYST' } });
    await completedTest(first, 160);
    await completedTest(second, 105);
    await completedTest(stranger, 160);
    for (const ws of [first, second, stranger]) await recompute(ws.id);

    const result = await callerFor(deps, person, null).me.portfolio();
    expect(result.workspaces.map((w) => w.slug).sort()).toEqual([first.slug, second.slug].sort());
    // No currency set anywhere: one bucket over two workspaces, two tests, one win; each test's cost is 5,000.
    expect(result.totals).toHaveLength(1);
    expect(result.totals[0]).toMatchObject({ currency: null, workspaces: 2, testsRun: 2, wins: 1, cost: 10_000 });
    await expect(callerFor(deps, null, null).me.portfolio()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('funnel traffic the team reports', () => {
  it("takes a stage's conversion from entered/converted over its tests' control groups, and refuses more converted than entered", async () => {
    const ws = await createWorkspace(deps.db, 'funnel');
    await completedTest(ws, 160);
    const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    await recompute(ws.id);
    const stage = async () => (await owner.insights.get())?.figures.funnel.stages.find((s) => s.stage === 'RETENTION');
    // Learned: the test's control group converted 100 of 1,000.
    expect(await stage()).toMatchObject({ conversionSource: 'control' });
    expect((await stage())?.conversion).toBeCloseTo(0.1, 12);

    await owner.workspace.updateSettings({ funnelVolumes: { RETENTION: { entered: 5_000, converted: 1_000 } } });
    await recompute(ws.id);
    expect(await stage()).toMatchObject({ conversionSource: 'entered', volume: 5_000 });
    expect((await stage())?.conversion).toBeCloseTo(0.2, 12);

    await expect(
      owner.workspace.updateSettings({ funnelVolumes: { RETENTION: { entered: 10, converted: 11 } } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('funnelVolumes.RETENTION.converted') });
    await expect(
      callerFor(deps, ws.users.MARKETER, ws.slug).workspace.updateSettings({ funnelVolumes: {} }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
