import { findRoisToCompare } from '@uplift/db';
import { approvePromotion, ingestBatch, rescoreBacklog } from '@uplift/services';
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

// Issue 12's foundations: the ROI a hypothesis was approved on, when a winner rolled out, each rung's reach.
const deps = testDeps('rollout');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'rollout');
});
afterAll(() => deps.close());

const as = (role: keyof TestWorkspace['users'], w = ws) => callerFor(deps, w.users[role], w.slug);

/** A running email experiment of a new approved hypothesis (reach 10,000 a month), 2,000 units planned. */
async function running(w = ws) {
  const h = await insertHypothesis(deps.db, w, w.users.MARKETER.id, { status: 'APPROVED' });
  return as('PRODUCT_OWNER', w).experiment.create({ ...sampleExperiment(h.id), plannedUsers: 2000, start: true });
}

/** 1,000 units per variant, `control` and `promo` of them converting; then the worker's evaluation. */
async function decide(w: TestWorkspace, key: string, control: number, promo: number) {
  const e = await deps.db.experiment.findFirstOrThrow({ where: { workspaceId: w.id, key } });
  const events: object[] = [];
  for (const [variant, converted] of [
    ['control', control],
    ['promo', promo],
  ] as const) {
    for (let i = 0; i < 1000; i++) {
      const unit = `${variant}-${i}`;
      events.push({ id: `x-${unit}`, experiment: key, unit, type: 'exposure', variant });
      if (i < converted) events.push({ id: `c-${unit}`, experiment: key, unit, type: 'conversion' });
    }
  }
  await ingestBatch(deps, w.id, { events: events as never });
  await evaluateExperimentJob(deps.db, deps.queue, e.id);
  return as('PRODUCT_OWNER', w).experiment.get({ key });
}

describe('the ROI a hypothesis was approved on', () => {
  it('is frozen at approval; a new horizon rescores the hypothesis but leaves it, and the page shows both', async () => {
    const own = await createWorkspace(deps.db, 'frozen');
    const h = await insertHypothesis(deps.db, own, own.users.MARKETER.id, { status: 'SUBMITTED' });
    await as('PRODUCT_OWNER', own).hypothesis.approve({ id: h.id });
    const frozen = {
      reachPerMonth: 10_000,
      baselineRate: 0.05,
      expectedLift: 0.1,
      valuePerConversion: 40,
      confidence: 0.5,
      cost: 5_000,
      horizonMonths: 12,
      expectedMonthlyGain: expect.closeTo(1_000, 6),
      roi: expect.closeTo(1.4, 9),
    };
    const approved = await as('ANALYST', own).hypothesis.get({ id: h.id });
    expect(approved.approvedInputs).toEqual(frozen);
    expect(approved.approvedAt).toBeInstanceOf(Date);
    expect(approved.atApproval).toMatchObject({ roi: expect.closeTo(1.4, 9), differs: false });

    // Twice the horizon: gain 24,000 against a cost of 5,000 is ROI 3.8 today; the approval still says 1.4.
    await as('ADMIN', own).workspace.updateSettings({ horizonMonths: 24 });
    await rescoreBacklog(deps, { workspaceId: own.id, horizonMonths: 24 }, () => {});
    const later = await as('ANALYST', own).hypothesis.get({ id: h.id });
    expect(later.roi).toBeCloseTo(3.8, 9);
    expect(later.approvedInputs).toEqual(frozen);
    expect(later.atApproval).toMatchObject({ roi: expect.closeTo(1.4, 9), horizonMonths: 12, differs: true });

    // One approved before the inputs were kept is compared with today's figures, and says so.
    const older = await insertHypothesis(deps.db, own, own.users.MARKETER.id, { status: 'APPROVED' });
    const compare = await findRoisToCompare(deps.db, own.id, [h.id, older.id]);
    expect(compare.get(h.id)).toMatchObject({ roi: expect.closeTo(1.4, 9), estimatedAfterTheFact: false });
    expect(compare.get(older.id)).toMatchObject({ roi: older.roi, approvedAt: null, estimatedAfterTheFact: true });
  });
});

describe('rolledOutAt', () => {
  it('is set when an experiment completes with a WIN, as it ends', async () => {
    const e = await running();
    const { experiment } = await decide(ws, e.key, 100, 160);
    expect(experiment).toMatchObject({ status: 'COMPLETED', outcome: 'WIN' });
    expect(experiment.rolledOutAt).toEqual(experiment.endedAt);
  });

  it('is not set for a LOSS', async () => {
    const e = await running();
    const { experiment } = await decide(ws, e.key, 160, 100);
    expect(experiment).toMatchObject({ status: 'COMPLETED', outcome: 'LOSS', rolledOutAt: null });
  });

  it('waits for the product owner where the workspace asks for confirmation, and is set on confirm', async () => {
    const own = await createWorkspace(deps.db, 'confirm');
    await deps.db.workspace.update({ where: { id: own.id }, data: { confirmDecisions: true } });
    const e = await running(own);
    const { experiment: pending } = await decide(own, e.key, 100, 160);
    expect(pending).toMatchObject({ status: 'RUNNING', pendingOutcome: 'WIN', rolledOutAt: null });
    const confirmed = await as('PRODUCT_OWNER', own).experiment.confirmDecision({ key: e.key });
    expect(confirmed).toMatchObject({ status: 'COMPLETED', outcome: 'WIN' });
    expect(confirmed.rolledOutAt).toBeInstanceOf(Date);
    expect(confirmed.rolledOutAt).toEqual(confirmed.endedAt);
  });
});

describe("each rung's own reach per month", () => {
  let own: TestWorkspace;
  beforeAll(async () => {
    own = await createWorkspace(deps.db, 'reach');
    // Banners wait for a product owner here, so the step up is a proposal to approve.
    await as('ADMIN', own).ladder.updateSettings({
      ladder: ['EMAIL', 'BANNER', 'OFFLINE'],
      policies: { BANNER: { approval: 'product_owner' } },
    });
  });

  async function proposedBannerStep() {
    const e = await running(own);
    expect((await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).reachPerMonth).toBe(10_000);
    await decide(own, e.key, 100, 160);
    return deps.db.promotion.findFirstOrThrow({ where: { experimentId: e.id, status: 'PROPOSED' } });
  }

  it('a proposal projects the next rung at the hypothesis reach; the approver sets another and it is used', async () => {
    const proposed = await proposedBannerStep();
    // 10,000 a month × 10% (control) × +60% × 40 per conversion.
    expect(proposed.evidence).toMatchObject({ reachPerMonth: 10_000, projectedMonthlyGain: expect.closeTo(24_000, 6) });
    const applied = await as('PRODUCT_OWNER', own).ladder.approve({ id: proposed.id, reachPerMonth: 50_000 });
    expect(applied.evidence).toMatchObject({ reachPerMonth: 50_000, projectedMonthlyGain: expect.closeTo(120_000, 6) });
    const banner = await deps.db.experiment.findUniqueOrThrow({ where: { id: applied.nextExperimentId as string } });
    expect(banner).toMatchObject({ channel: 'BANNER', reachPerMonth: 50_000 });
    // What the board and the offer page read: the projection at the banner reach.
    const board = await as('ANALYST', own).ladder.board();
    const offer = board.offers.find((o) => o.id === applied.offerId);
    expect(offer?.promotions.at(-1)?.evidence).toMatchObject({ projectedMonthlyGain: expect.closeTo(120_000, 6) });
    const [audit] = await deps.db.auditEvent.findMany({ where: { workspaceId: own.id, action: 'promotion.reach' } });
    expect(audit).toMatchObject({
      actorEmail: own.users.PRODUCT_OWNER.email,
      before: { rung: 'BANNER', reachPerMonth: 10_000 },
      after: { rung: 'BANNER', reachPerMonth: 50_000 },
    });
  });

  it('a reach that is not a positive whole number is refused, naming the field, and nothing is applied', async () => {
    const proposed = await proposedBannerStep();
    for (const reachPerMonth of [0, -5, 2.5]) {
      await expect(as('PRODUCT_OWNER', own).ladder.approve({ id: proposed.id, reachPerMonth })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('reachPerMonth'),
      });
    }
    // Past the transport, the use case refuses it the same way.
    const scope = { workspace: { id: own.id }, actor: { id: own.users.PRODUCT_OWNER.id, email: 'po@test.local' } };
    await expect(
      approvePromotion(deps, scope, { id: proposed.id, reason: null, reachPerMonth: 0 }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      field: 'reachPerMonth',
      message: expect.stringContaining('reachPerMonth'),
    });
    expect(await deps.db.promotion.findUniqueOrThrow({ where: { id: proposed.id } })).toMatchObject({
      status: 'PROPOSED',
      nextExperimentId: null,
    });
  });
});
