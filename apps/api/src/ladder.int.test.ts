import { ingestBatch } from '@uplift/services';
import { evaluateExperimentJob, reconcileExperiments } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

const deps = testDeps('ladder');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'ladder');
});
afterAll(() => deps.close());

const owner = () => callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);

/** Exposes 1,000 units per variant and converts `control`/`treatment` of them; then evaluates. */
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

async function emailWinner() {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const e = await owner().experiment.create({ ...sampleExperiment(h.id), plannedUsers: 2000, start: true });
  await decide(e.key, 100, 160);
  const offer = await deps.db.offer.findUniqueOrThrow({ where: { hypothesisId: h.id } });
  return { h, e, offer };
}

describe('the channel ladder', () => {
  it('an email win moves the offer up to banners at once, with a banner experiment ready to start', async () => {
    const { e, offer } = await emailWinner();
    expect(offer).toMatchObject({ rung: 'BANNER', state: 'READY' });
    const [promotion] = await deps.db.promotion.findMany({ where: { offerId: offer.id } });
    expect(promotion).toMatchObject({ kind: 'PROMOTE', fromRung: 'EMAIL', toRung: 'BANNER', status: 'APPLIED' });
    expect(promotion?.evidence).toMatchObject({ experiment: e.key, winner: 'promo', users: 2000 });
    const banner = await deps.db.experiment.findUniqueOrThrow({ where: { id: promotion?.nextExperimentId as string } });
    expect(banner).toMatchObject({
      channel: 'BANNER',
      status: 'DRAFT',
      priorFromExperimentId: e.id,
      offerId: offer.id,
      scopeSegments: [],
    });
    expect((banner.variants as { key: string }[]).map((v) => v.key)).toEqual(['control', 'promo']);
    // Evaluating again proposes nothing new.
    await deps.db.experiment.update({ where: { id: e.id }, data: { status: 'RUNNING', evaluatedVersion: null } });
    await evaluateExperimentJob(deps.db, deps.queue, e.id);
    expect(await deps.db.promotion.count({ where: { offerId: offer.id } })).toBe(1);
  });

  it('no offer skips a rung: a first experiment must run on the first rung', async () => {
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
    await expect(owner().experiment.create({ ...sampleExperiment(h.id), channel: 'OFFLINE' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('only by winning there first'),
    });
  });

  it('a banner win waits for a product owner and the readiness gate before going offline', async () => {
    const { offer } = await emailWinner();
    const banner = await deps.db.experiment.findFirstOrThrow({ where: { offerId: offer.id, channel: 'BANNER' } });
    await owner().experiment.start({ key: banner.key });
    await decide(banner.key, 100, 170);
    const proposed = await deps.db.promotion.findFirstOrThrow({ where: { offerId: offer.id, status: 'PROPOSED' } });
    expect(proposed).toMatchObject({ fromRung: 'BANNER', toRung: 'OFFLINE' });
    expect((await deps.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).state).toBe('AWAITING_APPROVAL');
    const inbox = await owner().ladder.promotions({ status: 'PROPOSED' });
    expect(inbox.find((p) => p.id === proposed.id)).toMatchObject({
      readiness: 'missing',
      evidence: { metric: 'purchase', alpha: 0.05 },
    });
    const board = await owner().ladder.board();
    expect(board.effectivePolicies.OFFLINE).toMatchObject({ approval: 'product_owner', readinessGate: true });
    const notes = await owner().notification.list();
    expect(notes.some((n) => n.kind === 'promotion_proposed')).toBe(true);

    await expect(owner().ladder.approve({ id: proposed.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('no readiness check'),
    });
    const economics = {
      offerId: offer.id,
      rung: 'OFFLINE' as const,
      price: 40,
      discount: 0.25,
      unitCost: 30,
      fulfilmentCost: 2,
      expectedVolumePerMonth: 1000,
      capacityPerMonth: 5000,
      deliverableAtScale: true,
    };
    const failed = await owner().ladder.checkReadiness(economics); // 40·0.75 − 32 < 0
    expect(failed.passed).toBe(false);
    await expect(owner().ladder.approve({ id: proposed.id })).rejects.toMatchObject({
      message: expect.stringContaining('the latest readiness check for OFFLINE failed'),
    });
    expect((await deps.db.promotion.findUniqueOrThrow({ where: { id: proposed.id } })).status).toBe('PROPOSED');
    await owner().ladder.checkReadiness({ ...economics, discount: 0.15 });
    await expect(callerFor(deps, ws.users.MARKETER, ws.slug).ladder.approve({ id: proposed.id })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
    const applied = await owner().ladder.approve({ id: proposed.id, reason: 'Stores ready' });
    expect(applied).toMatchObject({ status: 'APPLIED', decidedByEmail: ws.users.PRODUCT_OWNER.email });
    const rollout = await deps.db.experiment.findUniqueOrThrow({ where: { id: applied.nextExperimentId as string } });
    expect(rollout).toMatchObject({ channel: 'OFFLINE', design: 'rollout', status: 'RUNNING' });
    expect(rollout.name).toMatch(/ — offline$/);
    expect(rollout.name).not.toContain('banner');
    // The ladder cannot lose a rung an offer stands on.
    await expect(
      callerFor(deps, ws.users.ADMIN, ws.slug).ladder.updateSettings({ ladder: ['EMAIL', 'BANNER'] }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('OFFLINE') });
    expect((rollout.variants as { key: string; weight: number }[]).map((v) => [v.key, v.weight])).toEqual([
      ['holdout', 0.1],
      ['promo', 0.9],
    ]);
    expect(await deps.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      rung: 'OFFLINE',
      state: 'TESTING',
    });
  });

  it('two approvers at the same moment produce one promotion; the second is told', async () => {
    const { offer } = await emailWinner();
    const banner = await deps.db.experiment.findFirstOrThrow({ where: { offerId: offer.id, channel: 'BANNER' } });
    await owner().experiment.start({ key: banner.key });
    await decide(banner.key, 100, 170);
    const proposed = await deps.db.promotion.findFirstOrThrow({ where: { offerId: offer.id, status: 'PROPOSED' } });
    await deps.db.readinessCheck.create({
      data: { offerId: offer.id, rung: 'OFFLINE', inputs: {}, assessment: {}, passed: true },
    });
    const second = await createWorkspaceOwner();
    const results = await Promise.allSettled([
      owner().ladder.approve({ id: proposed.id }),
      callerFor(deps, second, ws.slug).ladder.approve({ id: proposed.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already applied') });
    expect(await deps.db.experiment.count({ where: { offerId: offer.id, channel: 'OFFLINE' } })).toBe(1);
  });

  it('a banner loss proposes stepping back; nothing is demoted until a product owner decides', async () => {
    const { offer } = await emailWinner();
    const banner = await deps.db.experiment.findFirstOrThrow({ where: { offerId: offer.id, channel: 'BANNER' } });
    await owner().experiment.start({ key: banner.key });
    await decide(banner.key, 160, 90);
    const demotion = await deps.db.promotion.findFirstOrThrow({ where: { offerId: offer.id, kind: 'DEMOTE' } });
    expect(demotion).toMatchObject({ status: 'PROPOSED', fromRung: 'BANNER', toRung: 'EMAIL' });
    expect((await deps.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).rung).toBe('BANNER');
    await expect(owner().ladder.reject({ id: demotion.id, reason: ' ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await owner().ladder.approve({ id: demotion.id });
    expect(await deps.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      rung: 'EMAIL',
      state: 'DEMOTED',
    });
    const journey = await owner().ladder.offer({ id: offer.id });
    expect(journey.experiments.map((e) => [e.channel, e.outcome])).toEqual([
      ['EMAIL', 'WIN'],
      ['BANNER', 'LOSS'],
    ]);
  });

  it('a win in one segment only proposes a step scoped to it, corrected across segments', async () => {
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
    const e = await owner().experiment.create({
      ...sampleExperiment(h.id),
      plannedUsers: 4000,
      segmentAttribute: 'device',
      start: true,
    });
    const events: object[] = [];
    const cells = [
      ['mobile', 'control', 100],
      ['mobile', 'promo', 170],
      ['desktop', 'control', 100],
      ['desktop', 'promo', 50],
    ] as const;
    for (const [device, variant, converted] of cells) {
      for (let i = 0; i < 1000; i++) {
        const unit = `${device}-${variant}-${i}`;
        events.push({ id: `x-${unit}`, experiment: e.key, unit, type: 'exposure', variant, attributes: { device } });
        if (i < converted) events.push({ id: `c-${unit}`, experiment: e.key, unit, type: 'conversion' });
      }
    }
    await ingestBatch(deps, ws.id, { events: events as never });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'INCONCLUSIVE' });
    const proposal = await deps.db.promotion.findUniqueOrThrow({ where: { experimentId: e.id } });
    expect(proposal).toMatchObject({ status: 'PROPOSED', toRung: 'BANNER', segments: ['mobile'] });
    expect((proposal.evidence as { segmentsWon: { segment: string }[] }).segmentsWon.map((w) => w.segment)).toEqual([
      'mobile',
    ]);
    await expect(owner().ladder.approve({ id: proposal.id, segments: ['desktop'] })).rejects.toMatchObject({
      message: expect.stringContaining('did not win in desktop'),
    });
    const applied = await owner().ladder.approve({ id: proposal.id, segments: ['mobile'] });
    expect(applied).toMatchObject({ status: 'APPLIED', segments: ['mobile'] });
    const next = await deps.db.experiment.findUniqueOrThrow({ where: { id: applied.nextExperimentId as string } });
    expect(next).toMatchObject({ channel: 'BANNER', segmentAttribute: 'device', scopeSegments: ['mobile'] });
  });

  it('the reconciler creates the next experiment of a promotion applied without one', async () => {
    const { offer } = await emailWinner();
    const promotion = await deps.db.promotion.findFirstOrThrow({ where: { offerId: offer.id } });
    await deps.db.experiment.delete({ where: { id: promotion.nextExperimentId as string } });
    await deps.db.promotion.update({ where: { id: promotion.id }, data: { nextExperimentId: null } });
    const result = await reconcileExperiments(deps.db, deps.queue);
    expect(result.repaired).toBeGreaterThanOrEqual(1);
    const repaired = await deps.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } });
    expect(repaired.nextExperimentId).toBeTruthy();
    expect(await deps.db.experiment.count({ where: { offerId: offer.id, channel: 'BANNER' } })).toBe(1);
  });
});

async function createWorkspaceOwner() {
  const id = `second-owner-${Date.now()}`;
  const user = { id, email: `${id}@test.local`, name: 'Second owner' };
  await deps.db.user.create({ data: user });
  await deps.db.membership.create({ data: { workspaceId: ws.id, userId: id, role: 'PRODUCT_OWNER' } });
  return user;
}
