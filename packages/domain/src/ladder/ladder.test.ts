import { describe, expect, it } from 'vitest';
import { bayesianTest } from '../stats/bayesian';
import type { AnalyzeResult } from '../stats/types';
import { nextRung, previousRung, rungPolicy, ZLadderSettings } from './policy';
import { bayesianWithPrior, priorFromLowerRung } from './prior';
import { qualifiesForPromotion } from './qualify';
import { assessReadiness } from './readiness';
import { segmentWins } from './segments';

describe('informative prior from the lower rung', () => {
  it('matches a hand-computed normal–normal update', () => {
    // Email: +10% (se 0.04) → prior N(0.10, 0.04²·4 = 0.0064). Banner data: +2% (se 0.03).
    // 1/σ² = 1/0.0064 + 1/0.0009 = 1267.3611; σ² = 0.00078904; μ = σ²·(0.10/0.0064 + 0.02/0.0009) = 0.0298630
    // σ = 0.0280899; chanceToWin = Φ(μ/σ) = 0.856137; 95% CI μ ± 1.959964·σ = [−0.025192, 0.084918];
    // risk = [μΦ + σφ, that − μ] = [0.031935, 0.002072]
    const prior = priorFromLowerRung({ estimate: 0.1, se: 0.04 });
    expect(prior.variance).toBeCloseTo(0.0064, 12);
    const r = bayesianWithPrior(0.02, 0.03, 0.05, prior);
    expect(r.mean).toBeCloseTo(0.029863, 6);
    expect(r.sd).toBeCloseTo(0.02809, 5);
    expect(r.chanceToWin).toBeCloseTo(0.856137, 6);
    expect(r.ci[0]).toBeCloseTo(-0.025192, 6);
    expect(r.ci[1]).toBeCloseTo(0.084918, 6);
    expect(r.risk[0]).toBeCloseTo(0.031935, 6);
    expect(r.risk[1]).toBeCloseTo(0.002072, 6);
  });

  it('a very wide prior gives the flat-prior answer', () => {
    const flat = bayesianTest(0.02, 0.03, 0.05);
    const wide = bayesianWithPrior(0.02, 0.03, 0.05, { mean: 0.5, variance: 1e12 });
    expect(wide.chanceToWin).toBeCloseTo(flat.chanceToWin, 9);
    expect(wide.ci[0]).toBeCloseTo(flat.ci[0], 9);
  });
});

describe('the ladder', () => {
  it('defaults: banners without approval as an experiment; offline with a product owner, readiness gate, rollout', () => {
    const settings = ZLadderSettings.parse({ ladder: ['EMAIL', 'BANNER', 'OFFLINE'] });
    expect(rungPolicy(settings, 'BANNER')).toMatchObject({
      approval: 'none',
      mode: 'experiment',
      readinessGate: false,
    });
    expect(rungPolicy(settings, 'OFFLINE')).toMatchObject({
      approval: 'product_owner',
      mode: 'rollout',
      readinessGate: true,
    });
    expect(nextRung(settings.ladder, 'EMAIL')).toBe('BANNER');
    expect(nextRung(settings.ladder, 'OFFLINE')).toBeNull();
    expect(previousRung(settings.ladder, 'BANNER')).toBe('EMAIL');
  });

  it('refuses a ladder with a repeated channel or a single rung', () => {
    expect(ZLadderSettings.safeParse({ ladder: ['EMAIL', 'EMAIL'] }).success).toBe(false);
    expect(ZLadderSettings.safeParse({ ladder: ['EMAIL'] }).success).toBe(false);
    expect(ZLadderSettings.safeParse({ ladder: ['EMAIL', 'SMS', 'BANNER'] }).success).toBe(true);
  });
});

const analysis = (lower: number, flagged = false) =>
  ({
    srm: { chiSquare: 0, pValue: 1, flagged },
    variants: [
      { key: 'control', users: 1000, mean: 0.1 },
      {
        key: 'promo',
        users: 1000,
        mean: 0.12,
        estimate: 0.2,
        se: 0.05,
        ci: [lower, 0.3],
        pValue: 0.001,
        significant: true,
        decision: 'win',
      },
    ],
    warnings: [],
  }) as AnalyzeResult;
const win = { outcome: 'WIN' as const, reason: 'promo wins', winner: 'promo' };
const policy = {
  minUnits: 1000,
  minLowerBound: null,
  approval: 'none' as const,
  mode: 'experiment' as const,
  readinessGate: false,
};

describe('qualification for promotion', () => {
  it('a WIN with enough units qualifies', () => {
    expect(qualifiesForPromotion({ decision: win, analysis: analysis(0.1), users: 2000 }, policy)).toMatchObject({
      qualifies: true,
      winner: { key: 'promo' },
    });
  });

  it('names each reason it does not', () => {
    const q = qualifiesForPromotion(
      { decision: win, analysis: analysis(0.01), users: 500 },
      { ...policy, minLowerBound: 0.02 },
    );
    expect(q.qualifies).toBe(false);
    expect(q.reasons).toEqual([
      '500 units is below the 1,000 required',
      "the lift's lower bound (1.0%) does not clear the practical threshold of 2.0%",
    ]);
    const lost = qualifiesForPromotion(
      { decision: { outcome: 'INCONCLUSIVE', reason: '', winner: null }, analysis: analysis(0.1), users: 2000 },
      policy,
    );
    expect(lost.reasons).toEqual(['the decision is INCONCLUSIVE, not WIN']);
  });
});

describe('the readiness gate', () => {
  it('computes the margin after the discount and blocks a negative one', () => {
    const base = {
      price: 40,
      discount: 0.15,
      unitCost: 30,
      fulfilmentCost: 2,
      expectedVolumePerMonth: 1000,
      capacityPerMonth: 5000,
      deliverableAtScale: true,
    };
    expect(assessReadiness(base)).toMatchObject({ marginPerConversion: 2, monthlyContribution: 2000, passes: true });
    const negative = assessReadiness({ ...base, discount: 0.25 }); // 40·0.75 − 30 − 2 = −2
    expect(negative.passes).toBe(false);
    expect(negative.failures[0]).toContain('-2.00, not positive');
    const short = assessReadiness({ ...base, capacityPerMonth: 500 });
    expect(short.failures[0]).toContain('capacity (500/month) is below the expected volume (1,000/month)');
  });
});

describe('segment wins, corrected across segments', () => {
  const seg = (segment: string, estimate: number, pValue: number) => ({
    segment,
    analysis: {
      srm: { chiSquare: 0, pValue: 1, flagged: false },
      variants: [
        { key: 'control', users: 500, mean: 0.1 },
        {
          key: 'promo',
          users: 500,
          mean: 0.1,
          estimate,
          se: 0.1,
          ci: [0, 0],
          pValue,
          significant: false,
          decision: 'inconclusive',
        },
      ],
      warnings: [],
    } as AnalyzeResult,
  });

  it('keeps only the slices that survive Holm across segments', () => {
    // Holm on [0.004, 0.03, 0.02, 0.5]: sorted 0.004·4 = 0.016, 0.02·3 = 0.06, 0.03·2 = 0.06 (monotone), 0.5
    const wins = segmentWins(
      [seg('new', 0.3, 0.004), seg('returning', 0.2, 0.03), seg('vip', 0.25, 0.02), seg('other', 0.1, 0.5)],
      'promo',
      0.05,
    );
    expect(wins).toEqual([{ segment: 'new', variant: 'promo', estimate: 0.3, pValue: 0.004, adjustedPValue: 0.016 }]);
  });

  it('never counts a significantly worse slice', () => {
    expect(segmentWins([seg('new', -0.3, 0.001)], 'promo', 0.05)).toEqual([]);
  });
});
