import { ingestBatch } from '@uplift/services';
import { evaluateExperimentJob } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

const deps = testDeps('status-truth');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'status-truth');
});
afterAll(() => deps.close());

const owner = () => callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);

/** 1,000 units per variant, `control` / `treatment` of them converting; then the worker's evaluation. */
async function decide(key: string, control: number, treatment: number) {
  const e = await deps.db.experiment.findFirstOrThrow({ where: { workspaceId: ws.id, key } });
  const [c, t] = (e.variants as { key: string }[]).map((v) => v.key) as [string, string];
  const events: object[] = [];
  for (const [variant, converted] of [
    [c, control],
    [t, treatment],
  ] as const) {
    for (let i = 0; i < 1000; i++) {
      const unit = `${key}-${variant}-${i}`;
      events.push({ id: `x-${unit}`, experiment: key, unit, type: 'exposure', variant });
      if (i < converted) events.push({ id: `c-${unit}`, experiment: key, unit, type: 'conversion' });
    }
  }
  await ingestBatch(deps, ws.id, { events: events as never });
  return evaluateExperimentJob(deps.db, deps.queue, e.id);
}

/** An offer that won in email and stands on banners with a banner draft. */
async function onBanners() {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const e = await owner().experiment.create({ ...sampleExperiment(h.id), plannedUsers: 2000, start: true });
  await decide(e.key, 100, 160);
  const offer = await deps.db.offer.findUniqueOrThrow({ where: { hypothesisId: h.id } });
  const banner = await deps.db.experiment.findFirstOrThrow({ where: { offerId: offer.id, channel: 'BANNER' } });
  return { h, offer, banner };
}

describe('status that tells the truth', () => {
  it('stopping a first-rung test makes its hypothesis inconclusive; a promoted offer’s keeps WON and can be retested', async () => {
    const first = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
    const email = await owner().experiment.create({ ...sampleExperiment(first.id), start: true });
    await owner().experiment.stop({ key: email.key, reason: 'Wrong list' });
    expect((await deps.db.hypothesis.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('INCONCLUSIVE');
    // A first-rung stop is not retestable on the rung (the hypothesis decides there).
    await expect(owner().ladder.retest({ key: email.key })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('promoted onto this rung'),
    });

    const { h, offer, banner } = await onBanners();
    await owner().experiment.start({ key: banner.key });
    await owner().experiment.stop({ key: banner.key, reason: 'Banner slot taken' });
    expect((await deps.db.hypothesis.findUniqueOrThrow({ where: { id: h.id } })).status).toBe('WON');
    expect((await deps.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).state).toBe('STOPPED');

    await expect(callerFor(deps, ws.users.MARKETER, ws.slug).ladder.retest({ key: banner.key })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const again = await owner().ladder.retest({ key: banner.key });
    expect(again).toMatchObject({
      key: `${banner.key}-retest`,
      channel: 'BANNER',
      status: 'DRAFT',
      offerId: offer.id,
      priorFromExperimentId: banner.priorFromExperimentId,
      reachPerMonth: banner.reachPerMonth,
    });
    expect(again.variants).toEqual(banner.variants);
    expect((await deps.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).state).toBe('READY');
    const audit = await deps.db.auditEvent.findFirstOrThrow({
      where: { entityId: again.id, action: 'experiment.retest' },
    });
    expect(audit).toMatchObject({ actorEmail: ws.users.PRODUCT_OWNER.email });
    // One open test per offer: a second retest waits until this draft ends.
    await expect(owner().ladder.retest({ key: banner.key })).rejects.toMatchObject({
      message: expect.stringContaining('already has a draft'),
    });
  });

  it('a step up is refused while the decision behind it is not final, and the inbox says why', async () => {
    const { offer, banner } = await onBanners();
    await owner().experiment.start({ key: banner.key });
    await decide(banner.key, 100, 170);
    const proposed = await deps.db.promotion.findFirstOrThrow({ where: { offerId: offer.id, status: 'PROPOSED' } });
    // The decision is taken back to running (as when a workspace waits for a confirmation).
    await deps.db.experiment.update({ where: { id: banner.id }, data: { status: 'RUNNING' } });
    const listed = (await owner().ladder.promotions({ status: 'PROPOSED' })).find((p) => p.id === proposed.id);
    expect(listed?.blockers).toEqual([
      `the decision of "${banner.key}" is not final yet (it is running)`,
      'no readiness check for OFFLINE is recorded',
    ]);
    await expect(owner().ladder.approve({ id: proposed.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`the decision of "${banner.key}" is not final yet`),
    });
    expect((await deps.db.promotion.findUniqueOrThrow({ where: { id: proposed.id } })).status).toBe('PROPOSED');
  });
});
