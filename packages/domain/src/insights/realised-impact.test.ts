import { describe, expect, it } from 'vitest';
import { locationImpactFactors, type RealisedImpactInput, realisedImpact } from './realised-impact';

const now = new Date('2026-07-02T00:00:00Z');
// Approved at R·b·l·v·c = 10 000·0.05·0.1·40·0.5 = 1 000 a month: 12 000 over 12 months for 5 000, ROI 1.4.
const predicted = {
  reachPerMonth: 10_000,
  baselineRate: 0.05,
  expectedLift: 0.1,
  valuePerConversion: 40,
  confidence: 0.5,
  cost: 5_000,
  horizonMonths: 12,
};
const win: RealisedImpactInput = {
  outcome: 'WIN',
  rolledOutAt: new Date('2026-01-01T00:00:00Z'),
  reachPerMonth: 10_000,
  controlMean: 0.05,
  shrunkLift: 0.1,
  valuePerConversion: 40,
  cost: 5_000,
  horizonMonths: 12,
  predicted,
};

describe('realisedImpact', () => {
  it('a rolled-out win earns R·b̂·x̃·v a month since its rollout; realised ROI over the horizon beside the predicted one', () => {
    const impact = realisedImpact(win, now);
    expect(impact.rolledOut).toBe(true);
    expect(impact.monthlyGain).toBeCloseTo(2_000, 9); // 10 000·0.05·0.1·40
    // 182 days, at 365.2425/12 days a month.
    expect(impact.monthsLive).toBeCloseTo(182 / (365.2425 / 12), 12);
    expect(impact.gainToDate).toBeCloseTo((2_000 * 182) / (365.2425 / 12), 9); // ≈ 11 959
    expect(impact.realisedRoi).toBeCloseTo(3.8, 12); // (2 000·12 − 5 000)/5 000
    expect(impact.predictedMonthlyGain).toBeCloseTo(1_000, 9);
    expect(impact.predictedRoi).toBeCloseTo(1.4, 12);
  });

  it('stops counting at the horizon', () => {
    const impact = realisedImpact({ ...win, rolledOutAt: new Date('2023-01-01T00:00:00Z') }, now);
    expect(impact.monthsLive).toBe(12);
    expect(impact.gainToDate).toBeCloseTo(24_000, 9);
  });

  it('a loss, an inconclusive test or a win not rolled out earns 0 and spends its cost (ROI −1)', () => {
    for (const input of [
      { ...win, outcome: 'LOSS' as const },
      { ...win, outcome: 'INCONCLUSIVE' as const },
      { ...win, rolledOutAt: null },
    ]) {
      expect(realisedImpact(input, now)).toMatchObject({
        rolledOut: false,
        monthlyGain: 0,
        gainToDate: 0,
        realisedRoi: -1,
      });
    }
  });

  it('a rollout dated after now has earned nothing yet', () => {
    const impact = realisedImpact({ ...win, rolledOutAt: new Date('2026-08-01T00:00:00Z') }, now);
    expect(impact.monthsLive).toBe(0);
    expect(impact.gainToDate).toBe(0);
  });
});

describe('locationImpactFactors', () => {
  it('R is the locations, b̂ a month of the holdout’s weekly sales (×52/12), v the margin share', () => {
    const factors = locationImpactFactors({ locationsAtRollout: 20, holdoutMeanWeeklySales: 3_000, marginShare: 0.3 });
    expect(factors).toEqual({ reachPerMonth: 20, controlMean: 13_000, valuePerConversion: 0.3 });
    // A 5% lift then earns 20·13 000·0.05·0.3 = 3 900 a month.
    const impact = realisedImpact({ ...win, ...factors, shrunkLift: 0.05 }, now);
    expect(impact.monthlyGain).toBeCloseTo(3_900, 9);
  });
});
