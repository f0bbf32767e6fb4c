import { countRawEvents } from '@uplift/db';
import { ingestBatch } from '@uplift/services';
import { evaluateExperimentJob, PROCESSORS, reconcileExperiments } from '@uplift/worker';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

const deps = testDeps('retention');
let ws: TestWorkspace;
const DAY = 86_400_000;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'retention');
});
afterAll(() => deps.close());

const owner = (at = ws) => callerFor(deps, at.users.PRODUCT_OWNER, at.slug);

/** A started experiment fed 1,000 units per arm, evaluated once; `win` makes it a clear win that completes it. */
async function fed(win: boolean, at = ws) {
  const h = await insertHypothesis(deps.db, at, at.users.MARKETER.id, { status: 'APPROVED' });
  const e = await owner(at).experiment.create({
    ...sampleExperiment(h.id),
    plannedUsers: win ? 2000 : 20_000,
    start: true,
  });
  const events: object[] = [];
  for (const [variant, converted] of [
    ['control', 100],
    ['promo', 160],
  ] as const) {
    for (let i = 0; i < 1000; i++) {
      const unit = `${variant}-${i}`;
      events.push({ id: `x-${unit}`, experiment: e.key, unit, type: 'exposure', variant });
      if (i < converted) events.push({ id: `c-${unit}`, experiment: e.key, unit, type: 'conversion' });
    }
  }
  await ingestBatch(deps, at.id, { events: events as never });
  await evaluateExperimentJob(deps.db, deps.queue, e.id);
  return e;
}

/**
 * The raw rows retention drops: `fed`'s 260 conversions. Its 2,000 first exposures are held by their unit rows
 * (migration 20261206090000_first_exposure_on_unit), which stay with the units, as every unit row always did.
 */
const ROWS = 260;
const raw = (experimentId: string) => deps.db.experimentEvent.count({ where: { experimentId } });
const kept = async (experimentId: string) => ({
  aggregates: await deps.db.experimentAggregate.findMany({
    where: { experimentId },
    orderBy: [{ variant: 'asc' }, { metric: 'asc' }],
  }),
  units: await deps.db.experimentUnit.count({ where: { experimentId } }),
  snapshots: await deps.db.experimentSnapshot.count({ where: { experimentId } }),
});

describe('raw event retention (per workspace, else RAW_EVENT_RETENTION_DAYS; run by experiment.reconcile)', () => {
  it('drops the raw rows of experiments ended longer ago than the retention, once, and keeps every result', async () => {
    const old = await fed(true);
    const recent = await fed(true);
    const running = await fed(false);
    const stopped = await fed(false);
    await owner().experiment.stop({ key: stopped.key, reason: 'campaign cancelled' });
    expect(await deps.db.experiment.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: 'COMPLETED',
    });
    expect(await deps.db.experiment.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({
      status: 'COMPLETED',
    });
    const now = new Date();
    // Ended 31 days ago against a 30-day retention; the recent one ended 29 days ago.
    await deps.db.experiment.update({ where: { id: old.id }, data: { endedAt: new Date(now.getTime() - 31 * DAY) } });
    await deps.db.experiment.update({
      where: { id: stopped.id },
      data: { endedAt: new Date(now.getTime() - 31 * DAY) },
    });
    await deps.db.experiment.update({
      where: { id: recent.id },
      data: { endedAt: new Date(now.getTime() - 29 * DAY) },
    });
    const before = await kept(old.id);
    const results = await owner().experiment.results({ key: old.key });
    expect(await raw(old.id)).toBe(ROWS);
    expect(await countRawEvents(deps.db, old.id)).toBe(2000 + ROWS);

    // Without a retention nothing is dropped.
    expect((await reconcileExperiments(deps.db, deps.queue, now)).rawEvents).toEqual({ experiments: 0, events: 0 });
    expect(await raw(old.id)).toBe(ROWS);

    const first = await reconcileExperiments(deps.db, deps.queue, now, 30);
    expect(first.rawEvents).toEqual({ experiments: 2, events: 2 * ROWS });
    expect(await raw(old.id)).toBe(0);
    expect(await countRawEvents(deps.db, old.id)).toBe(2000); // the units' first exposures
    expect(await raw(stopped.id)).toBe(0);
    expect(await raw(recent.id)).toBe(ROWS);
    expect(await raw(running.id)).toBe(ROWS);
    expect(await kept(old.id)).toEqual(before);
    expect(before.aggregates.length).toBeGreaterThan(0);
    expect(await owner().experiment.results({ key: old.key })).toEqual(results);
    expect((await deps.db.experiment.findUniqueOrThrow({ where: { id: old.id } })).rawEventsDroppedAt).toEqual(now);

    // Idempotent: a second run finds nothing left to drop.
    expect((await reconcileExperiments(deps.db, deps.queue, now, 30)).rawEvents).toEqual({ experiments: 0, events: 0 });
    // The worker's scheduled job runs it with the worker's setting: two days later the recent one is past it too.
    const later = new Date(now.getTime() + 2 * DAY);
    const viaJob = (await PROCESSORS['experiment.reconcile']({ data: {} } as Job, {
      ...deps,
      clock: () => later,
      allowPrivateWebhooks: false,
      rawEventRetentionDays: 30,
    })) as { rawEvents: unknown };
    expect(viaJob.rawEvents).toEqual({ experiments: 1, events: ROWS });
    expect(await raw(recent.id)).toBe(0);
    expect(await raw(running.id)).toBe(ROWS);
  });

  it("follows a workspace's own retention setting before the deployment's default", async () => {
    const [short, long] = [await createWorkspace(deps.db, 'keep-10'), await createWorkspace(deps.db, 'keep-60')];
    await owner(short).workspace.updateSettings({ rawEventRetentionDays: 10 });
    await owner(long).workspace.updateSettings({ rawEventRetentionDays: 60 });
    expect(await owner(short).workspace.get()).toMatchObject({ rawEventRetentionDays: 10 });
    const now = new Date();
    const ended = async (at: TestWorkspace, daysAgo: number) => {
      const e = await fed(true, at);
      await deps.db.experiment.update({
        where: { id: e.id },
        data: { endedAt: new Date(now.getTime() - daysAgo * DAY) },
      });
      return e;
    };
    const [short11, short9, long31, long61] = [
      await ended(short, 11),
      await ended(short, 9),
      await ended(long, 31),
      await ended(long, 61),
    ];
    // No deployment default: only the workspaces' own settings apply.
    expect((await reconcileExperiments(deps.db, deps.queue, now)).rawEvents).toEqual({
      experiments: 2,
      events: 2 * ROWS,
    });
    expect([await raw(short11.id), await raw(short9.id), await raw(long31.id), await raw(long61.id)]).toEqual([
      0,
      ROWS,
      ROWS,
      0,
    ]);
    // A default of 30 days does not shorten a workspace that keeps 60.
    expect((await reconcileExperiments(deps.db, deps.queue, now, 30)).rawEvents).toEqual({ experiments: 0, events: 0 });
    expect(await raw(long31.id)).toBe(ROWS);
    // Cleared, the workspace follows the default again; out of range is refused naming the field.
    await owner(long).workspace.updateSettings({ rawEventRetentionDays: null });
    expect((await reconcileExperiments(deps.db, deps.queue, now, 30)).rawEvents).toEqual({
      experiments: 1,
      events: ROWS,
    });
    await expect(owner(long).workspace.updateSettings({ rawEventRetentionDays: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('rawEventRetentionDays'),
    });
  });
});
