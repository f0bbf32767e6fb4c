import { describe, expect, it } from 'vitest';
import { roiBreakdown, scoreRoi, ZRoiInput } from './roi';

const base = {
  reachPerMonth: 10_000,
  baselineRate: 0.05,
  expectedLift: 0.1,
  valuePerConversion: 40,
  confidence: 0.5,
  cost: 5_000,
};

describe('scoreRoi', () => {
  it('follows R·b·l·v·c, ×H, (gain − C)/C and C / monthly gain', () => {
    const score = scoreRoi(ZRoiInput.parse(base));
    expect(score.expectedMonthlyGain).toBeCloseTo(1_000, 9);
    expect(score.expectedGain).toBeCloseTo(12_000, 9);
    expect(score.roi).toBeCloseTo(1.4, 12);
    expect(score.paybackMonths).toBeCloseTo(5, 12);
    expect(score.horizonMonths).toBe(12);
  });

  it('uses the given horizon', () => {
    const score = scoreRoi(ZRoiInput.parse({ ...base, horizonMonths: 3 }));
    expect(score.expectedGain).toBeCloseTo(3_000, 9);
    expect(score.roi).toBeCloseTo(-0.4, 12);
  });

  it('has no payback when the gain is zero or negative', () => {
    expect(scoreRoi(ZRoiInput.parse({ ...base, reachPerMonth: 0 })).paybackMonths).toBeNull();
    const negative = scoreRoi(ZRoiInput.parse({ ...base, expectedLift: -0.2 }));
    expect(negative.paybackMonths).toBeNull();
    expect(negative.roi).toBeLessThan(-1);
  });

  it('rejects inputs at and beyond their bounds, naming the field', () => {
    const bad = [
      { reachPerMonth: -1 },
      { reachPerMonth: 1.5 },
      { baselineRate: 0 },
      { baselineRate: 1 },
      { expectedLift: -1 },
      { valuePerConversion: -0.01 },
      { confidence: 1.01 },
      { confidence: -0.1 },
      { cost: 0 },
      { horizonMonths: 0 },
      { horizonMonths: 121 },
    ];
    for (const patch of bad) {
      const result = ZRoiInput.safeParse({ ...base, ...patch });
      expect(result.success, JSON.stringify(patch)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(Object.keys(patch));
    }
  });

  it('accepts the inclusive edges', () => {
    for (const patch of [{ confidence: 0 }, { confidence: 1 }, { valuePerConversion: 0 }, { horizonMonths: 120 }]) {
      expect(ZRoiInput.safeParse({ ...base, ...patch }).success, JSON.stringify(patch)).toBe(true);
    }
  });

  it('explains the score line by line', () => {
    const lines = roiBreakdown(ZRoiInput.parse(base));
    expect(lines.find((l) => l.label === 'ROI')?.value).toBeCloseTo(1.4, 12);
    expect(lines.find((l) => l.symbol === 'H')?.value).toBe(12);
  });
});
