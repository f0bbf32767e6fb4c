import { describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../stats/types';
import { decideLadderStep, type LadderStepInput } from './step-decision';

const analysis = (estimate: number, pValue = 0.001) =>
  ({
    srm: { chiSquare: 0, pValue: 1, flagged: false },
    variants: [
      { key: 'control', users: 1000, mean: 0.1 },
      {
        key: 'promo',
        users: 1000,
        mean: 0.12,
        estimate,
        se: 0.05,
        ci: [0.1, 0.3],
        pValue,
        significant: true,
        decision: 'win',
      },
    ],
    warnings: [],
  }) as AnalyzeResult;

const base: LadderStepInput = {
  outcome: 'WIN',
  offer: { name: 'Tote', rung: 'EMAIL' },
  experiment: {
    key: 'tote-email',
    channel: 'EMAIL',
    variants: [{ key: 'control' }, { key: 'promo' }],
    alpha: 0.05,
    metric: 'purchase',
  },
  ladder: ['EMAIL', 'BANNER', 'OFFLINE'],
  policies: {},
  snapshot: { analysis: analysis(0.2), users: 2000, reason: 'promo wins', winner: 'promo', segments: null },
  hypothesis: { reachPerMonth: 10_000, valuePerConversion: 50 },
};
const snap = base.snapshot as NonNullable<LadderStepInput['snapshot']>;
const at = (over: Partial<LadderStepInput>) => decideLadderStep({ ...base, ...over });

describe('the ladder step after a decision', () => {
  it("projects the next rung at the offer's earlier reach there, else at the hypothesis' reach", () => {
    const step = at({ rungReaches: { EMAIL: 8_000, BANNER: 40_000 } });
    if (step.kind !== 'promote') throw new Error('expected a promotion');
    // 40,000 banner reach × 0.1 × 0.2 × 50 = 40,000; the email rung's own reach plays no part.
    expect(step.evidence).toMatchObject({ reachPerMonth: 40_000, valuePerConversion: 50 });
    expect(step.evidence.projectedMonthlyGain).toBeCloseTo(40_000, 9);
    const fresh = at({ rungReaches: { EMAIL: 8_000 } });
    expect(fresh.kind === 'promote' && fresh.evidence).toMatchObject({ reachPerMonth: 10_000 });
  });

  it('a qualifying WIN steps up at once where the rung asks no approval, with the projected monthly gain', () => {
    const step = decideLadderStep(base);
    expect(step).toMatchObject({ kind: 'promote', to: 'BANNER', autoApply: true });
    if (step.kind !== 'promote') throw new Error('expected a promotion');
    // 10,000 reach × 0.1 control rate × 0.2 lift × 50 per conversion = 10,000
    expect(step.evidence.projectedMonthlyGain).toBeCloseTo(10_000, 9);
    expect(step.evidence).toMatchObject({
      winner: 'promo',
      controlMean: 0.1,
      winnerMean: 0.12,
      pValue: 0.001,
      metric: 'purchase',
    });
    expect(step.notice).toEqual({
      kind: 'ladder',
      title: '"Tote" moves up to banners',
      body: 'It won in email: promo wins',
    });
  });

  it('onto a gated rung it asks a product owner and names the readiness check', () => {
    const step = at({ offer: { name: 'Tote', rung: 'BANNER' }, experiment: { ...base.experiment, channel: 'BANNER' } });
    expect(step).toMatchObject({ kind: 'promote', to: 'OFFLINE', autoApply: false });
    expect(step.notice).toEqual({
      kind: 'promotion_proposed',
      title: '"Tote" won in banners: approve the step to offline?',
      body: 'promo wins The step to offline also needs a readiness check of delivery and unit economics.',
    });
  });

  it('a WIN at the top rung rolls out; one below minUnits stays WON with the reason', () => {
    const top = at({
      offer: { name: 'Tote', rung: 'OFFLINE' },
      experiment: { ...base.experiment, channel: 'OFFLINE' },
    });
    expect(top).toEqual({
      kind: 'none',
      state: 'ROLLED_OUT',
      notice: { kind: 'ladder', title: '"Tote" won at the top rung (offline)', body: 'The offer is rolled out.' },
    });
    const few = at({ snapshot: { ...snap, users: 999 }, policies: { BANNER: { minUnits: 1000 } } });
    expect(few).toMatchObject({
      kind: 'none',
      state: 'WON',
      notice: { body: '999 units is below the 1,000 required' },
    });
    const enough = at({ snapshot: { ...snap, users: 1000 } });
    expect(enough.kind).toBe('promote');
  });

  it('a LOSS steps back above the first rung and is LOST on it', () => {
    const loss = at({
      outcome: 'LOSS',
      offer: { name: 'Tote', rung: 'BANNER' },
      experiment: { ...base.experiment, channel: 'BANNER' },
    });
    expect(loss).toMatchObject({ kind: 'demote', to: 'EMAIL', evidence: { reason: 'promo wins', users: 2000 } });
    expect(loss.notice?.title).toBe('"Tote" lost in banners: step back to email?');
    const noSnapshot = at({
      outcome: 'LOSS',
      snapshot: null,
      offer: { name: 'T', rung: 'BANNER' },
      experiment: { ...base.experiment, channel: 'BANNER' },
    });
    expect(noSnapshot.notice?.body).toBe(
      'The treatment is worse than the control. Nothing changes until a product owner decides.',
    );
    expect(at({ outcome: 'LOSS' })).toEqual({ kind: 'none', state: 'LOST', notice: null });
  });

  it('INCONCLUSIVE with segment wins proposes a scoped step; without, the offer is INCONCLUSIVE', () => {
    const segments = [
      { segment: 'new', analysis: analysis(0.3, 0.004) },
      { segment: 'vip', analysis: analysis(0.1, 0.5) },
    ];
    const scoped = at({ outcome: 'INCONCLUSIVE', snapshot: { ...snap, winner: null, segments } });
    expect(scoped).toMatchObject({
      kind: 'scoped-promote',
      to: 'BANNER',
      segments: ['new'],
      evidence: { winner: 'promo' },
    });
    expect(scoped.notice?.title).toBe('"Tote" won in email for new only: approve a scoped step to banners?');
    expect(at({ outcome: 'INCONCLUSIVE' })).toEqual({ kind: 'none', state: 'INCONCLUSIVE', notice: null });
  });

  it('a WIN without a snapshot stops the offer; an offer on another rung is left alone', () => {
    expect(at({ snapshot: null })).toEqual({ kind: 'none', state: 'STOPPED', notice: null });
    expect(at({ offer: { name: 'Tote', rung: 'BANNER' } })).toEqual({ kind: 'none', state: null, notice: null });
  });

  it("a location test's WIN qualifies as it is, with no projection from an A/B baseline", () => {
    const step = at({ snapshot: { ...snap, analysis: { estimate: 3 } as never, users: 10 } });
    expect(step).toMatchObject({ kind: 'promote', evidence: { projectedMonthlyGain: 0, controlMean: null } });
  });
});
