import { ingestBatch } from '@uplift/services';
import { evaluateExperimentJob, PROCESSORS } from '@uplift/worker';
import type { Job } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { binomialEvents } from './testing/binomial-events';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

const deps = testDeps('roadmap-recompute');
afterAll(() => deps.close());

/**
 * The roadmap.recompute jobs the use cases asked for in this workspace: each must be there (a burst folds into
 * one), and each is run by the worker's processor as the queue would, then removed so the next request is new.
 */
async function runRequestedPlan(ws: TestWorkspace) {
  const queued = (await deps.queue.getJobs(['delayed', 'waiting'])).filter(
    (j) => j.name === 'roadmap.recompute' && j.data.workspaceId === ws.id,
  );
  expect(queued).toHaveLength(1);
  for (const job of queued) {
    await PROCESSORS['roadmap.recompute'](job as Job, { ...deps, allowPrivateWebhooks: false });
    await job.remove();
  }
  return as(ws, 'ANALYST').roadmap.get();
}
const as = (ws: TestWorkspace, role: keyof TestWorkspace['users']) => callerFor(deps, ws.users[role], ws.slug);

// One email slot of 10,000 recipients a week. `plan` sizes (α 0.05, power 0.8, two variants): baseline 10%,
// lift 20% → 8,620 users = 1 week; lift 10% → 31,224 users = 4 weeks. Monthly gains R·b·l·v·c with R 10,000,
// v 40, c 0.5: 4,000 and 2,000, so WSJF scores 4,000/1 and 2,000/4 put the short one first.
const SHORT = { baselineRate: 0.1, expectedLift: 0.2, title: 'Short test' };
const LONG = { baselineRate: 0.1, expectedLift: 0.1, title: 'Long test' };

async function workspaceWithEmail(label: string, unitsPerWeek = 10_000, maxConcurrent = 1) {
  const ws = await createWorkspace(deps.db, label);
  await as(ws, 'PRODUCT_OWNER').workspace.updateSettings({ capacity: { EMAIL: { unitsPerWeek, maxConcurrent } } });
  await runRequestedPlan(ws);
  return ws;
}

describe('roadmap.recompute: the stored plan follows the backlog and the capacities', () => {
  it('an approved idea gets a planned start week, and a shorter one approved later goes before it', async () => {
    const ws = await workspaceWithEmail('plan-approve');
    const long = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { ...LONG, status: 'SUBMITTED' });
    expect((await as(ws, 'ANALYST').roadmap.get())?.starts[long.id]).toBeUndefined();

    await as(ws, 'PRODUCT_OWNER').hypothesis.approve({ id: long.id, reason: 'Worth a test' });
    let stored = await runRequestedPlan(ws);
    expect(stored?.starts[long.id]).toEqual({ kind: 'scheduled', startWeek: 0, endWeek: 4 });
    expect(stored?.plan.roadmap?.scheduled).toEqual([
      { id: long.id, channel: 'EMAIL', slot: 0, startWeek: 0, endWeek: 4, weeks: 4, requiredUnits: 31_224, score: 500 },
    ]);

    const short = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { ...SHORT, status: 'SUBMITTED' });
    await as(ws, 'PRODUCT_OWNER').hypothesis.approve({ id: short.id });
    stored = await runRequestedPlan(ws);
    expect(stored?.starts[short.id]).toEqual({ kind: 'scheduled', startWeek: 0, endWeek: 1 });
    expect(stored?.starts[long.id]).toEqual({ kind: 'scheduled', startWeek: 1, endWeek: 5 });
    expect(stored?.computedAt).toBeInstanceOf(Date);

    // A pin puts the long test first, whatever its score.
    await as(ws, 'PRODUCT_OWNER').hypothesis.pin({ id: long.id, pinnedRank: 1, reason: 'Board priority' });
    stored = await runRequestedPlan(ws);
    expect(stored?.starts[long.id]).toEqual({ kind: 'scheduled', startWeek: 0, endWeek: 4 });
    expect(stored?.starts[short.id]).toEqual({ kind: 'scheduled', startWeek: 4, endWeek: 5 });
  });

  it('a capacity change reschedules; a cleared capacity is stored as the channel to set', async () => {
    const ws = await workspaceWithEmail('plan-capacity');
    const short = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { ...SHORT, status: 'APPROVED' });
    const long = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { ...LONG, status: 'APPROVED' });
    const owner = as(ws, 'PRODUCT_OWNER');
    await owner.workspace.updateSettings({ maxTestWeeks: 12 });
    expect((await runRequestedPlan(ws))?.starts[long.id]).toMatchObject({ startWeek: 1, endWeek: 5 });

    // Two tests side by side at the same 10,000 a week each: the long one no longer waits.
    await owner.workspace.updateSettings({ capacity: { EMAIL: { unitsPerWeek: 20_000, maxConcurrent: 2 } } });
    let stored = await runRequestedPlan(ws);
    expect(stored?.starts[short.id]).toEqual({ kind: 'scheduled', startWeek: 0, endWeek: 1 });
    expect(stored?.starts[long.id]).toEqual({ kind: 'scheduled', startWeek: 0, endWeek: 4 });

    // 2,000 a week per slot: the long test needs 16 weeks > 12, too small to detect here.
    await owner.workspace.updateSettings({ capacity: { EMAIL: { unitsPerWeek: 4_000, maxConcurrent: 2 } } });
    stored = await runRequestedPlan(ws);
    expect(stored?.starts[short.id]).toEqual({ kind: 'scheduled', startWeek: 0, endWeek: 5 });
    expect(stored?.starts[long.id]).toMatchObject({ kind: 'tooSmall' });

    await owner.workspace.updateSettings({ capacity: { EMAIL: null } });
    stored = await runRequestedPlan(ws);
    expect(stored?.plan.roadmap).toBeNull();
    expect(stored?.plan.missing?.message).toMatch(/^channels\.EMAIL: no capacity is set/);
    expect(stored?.starts[short.id]).toMatchObject({ kind: 'noCapacity' });
  });

  it('an experiment created, started, stopped or completed by the worker replans', async () => {
    const ws = await workspaceWithEmail('plan-experiments');
    const owner = as(ws, 'PRODUCT_OWNER');
    await owner.workspace.updateSettings({ capacity: { BANNER: { unitsPerWeek: 50_000, maxConcurrent: 1 } } });
    await runRequestedPlan(ws);
    const idea = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { ...LONG, status: 'APPROVED' });
    const draft = await owner.experiment.create({ ...sampleExperiment(idea.id), plannedUsers: 20_000 });
    let stored = await runRequestedPlan(ws);
    // The idea is planned as its draft: 20,000 users at 10,000 a week.
    expect(stored?.starts[idea.id]).toEqual({ kind: 'scheduled', startWeek: 0, endWeek: 2 });

    await owner.experiment.start({ key: draft.key });
    stored = await runRequestedPlan(ws);
    expect(stored?.plan.roadmap?.running).toEqual([expect.objectContaining({ id: draft.id, weeks: 2 })]);
    expect(stored?.starts[idea.id]).toBeUndefined();

    await owner.experiment.stop({ key: draft.key, reason: 'Budget cut' });
    stored = await runRequestedPlan(ws);
    expect(stored?.plan.roadmap?.running).toEqual([]);

    // The worker's path: a test evaluated to a win completes, and the plan is asked for again.
    const next = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { ...LONG, status: 'APPROVED' });
    const e = await owner.experiment.create({ ...sampleExperiment(next.id), plannedUsers: 2000, start: true });
    expect((await runRequestedPlan(ws))?.plan.roadmap?.running.map((r) => r.id)).toEqual([e.id]);
    const events = binomialEvents(e.key, { control: 100, promo: 160 });
    await ingestBatch(deps, ws.id, { events: events as never });
    await evaluateExperimentJob(deps.db, deps.queue, e.id);
    expect((await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).status).toBe('COMPLETED');
    // The win steps up the ladder: the banner rung's draft is planned in the test's place.
    const after = await runRequestedPlan(ws);
    expect(after?.plan.roadmap?.running).toEqual([]);
    expect(after?.plan.roadmap?.scheduled).toEqual([expect.objectContaining({ channel: 'BANNER', startWeek: 0 })]);
    expect(after?.starts[next.id]).toMatchObject({ kind: 'scheduled', startWeek: 0 });
  });

  it('roadmap.get asks for a first plan when none is stored', async () => {
    const ws = await createWorkspace(deps.db, 'plan-first');
    expect(await as(ws, 'MARKETER').roadmap.get()).toBeNull();
    const stored = await runRequestedPlan(ws);
    expect(stored?.plan).toEqual({
      roadmap: { scheduled: [], running: [], tooSmall: [], unschedulable: [], quarter: { fits: 0, weeksOfBacklog: 0 } },
      missing: null,
    });
  });
});
