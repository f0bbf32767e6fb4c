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

const owner = () => callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);

/** A started experiment fed 1,000 units per arm, evaluated once; `win` makes it a clear win that completes it. */
async function fed(win: boolean) {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const e = await owner().experiment.create({
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
  await ingestBatch(deps, ws.id, { events: events as never });
  await evaluateExperimentJob(deps.db, deps.queue, e.id);
  return e;
}

const raw = (experimentId: string) => deps.db.experimentEvent.count({ where: { experimentId } });
const kept = async (experimentId: string) => ({
  aggregates: await deps.db.experimentAggregate.findMany({
    where: { experimentId },
    orderBy: [{ variant: 'asc' }, { metric: 'asc' }],
  }),
  units: await deps.db.experimentUnit.count({ where: { experimentId } }),
  snapshots: await deps.db.experimentSnapshot.count({ where: { experimentId } }),
});

describe('raw event retention (RAW_EVENT_RETENTION_DAYS, run by experiment.reconcile)', () => {
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
    expect(await raw(old.id)).toBe(2260);

    // Without a retention nothing is dropped.
    expect((await reconcileExperiments(deps.db, deps.queue, now)).rawEvents).toEqual({ experiments: 0, events: 0 });
    expect(await raw(old.id)).toBe(2260);

    const first = await reconcileExperiments(deps.db, deps.queue, now, 30);
    expect(first.rawEvents).toEqual({ experiments: 2, events: 2 * 2260 });
    expect(await raw(old.id)).toBe(0);
    expect(await raw(stopped.id)).toBe(0);
    expect(await raw(recent.id)).toBe(2260);
    expect(await raw(running.id)).toBe(2260);
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
    expect(viaJob.rawEvents).toEqual({ experiments: 1, events: 2260 });
    expect(await raw(recent.id)).toBe(0);
    expect(await raw(running.id)).toBe(2260);
  });
});
