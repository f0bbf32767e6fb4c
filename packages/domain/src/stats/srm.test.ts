import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { describe, expect, it } from 'vitest';
import { srmTest } from './srm';

describe('srmTest', () => {
  it('gives two variants the χ²₁ tail through the normal CDF, equal to the χ² CDF', () => {
    for (const [a, b] of [
      [1000, 1000],
      [1000, 1050],
      [5000, 5200],
      [10_000, 10_500],
    ] as const) {
      const srm = srmTest([{ users: a }, { users: b }]);
      expect(srm.pValue).toBeCloseTo(1 - chisquareCdf(srm.chiSquare, 1), 12);
      // The two-variant shortcut agrees with the general Σ (o − e)²/e.
      expect(srm.chiSquare).toBeCloseTo(srmTest([{ users: a }, { users: b }], [1, 1]).chiSquare, 9);
    }
  });

  it('tests against the expected split, flagging below p = 0.001', () => {
    expect(srmTest([{ users: 9_000 }, { users: 1_000 }], [9, 1])).toEqual({ chiSquare: 0, pValue: 1, flagged: false });
    expect(srmTest([{ users: 10_000 }, { users: 10_400 }]).flagged).toBe(false); // p ≈ 0.0051
    expect(srmTest([{ users: 10_000 }, { users: 10_500 }]).flagged).toBe(true); // p ≈ 0.00048
  });

  it('has nothing to test without users', () => {
    expect(srmTest([{ users: 0 }, { users: 0 }])).toEqual({ chiSquare: 0, pValue: 1, flagged: false });
  });
});
