import tcdf from '@stdlib/stats-base-dists-t-cdf';
import tquantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { FAST_MIN_DF, tLowerTail } from './student-t';
import { tQuantileAbove } from './t-quantile';

// Held to @stdlib (the engine's functions before issue 15, themselves ports of Boost) over a grid from ν = 20
// to 1e12 and from the centre to p ≈ 1e-300, where both keep their relative accuracy.
const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('tLowerTail, P(T ≤ −|t|)', { timeout: 30_000 }, () => {
  it('equals @stdlib to 1e-12 relative from the centre to the far tail', () => {
    let worst = 0;
    for (let df = FAST_MIN_DF; df < 1e12; df *= 1.37) {
      for (let t = 1e-4; t < 80; t *= 1.05) {
        const expected = tcdf(-t, df);
        if (expected > 0)
          worst = Math.max(worst, relative(tLowerTail(t, df), expected), relative(tLowerTail(-t, df), expected));
      }
    }
    expect(worst).toBeLessThan(1e-12);
    expect(worst).toBeGreaterThan(0); // two algorithms: equal to the last bit everywhere would mean one was compared with itself
  });

  it('is ½ at 0, and below ν = 20 (or for odd arguments) is @stdlib itself', () => {
    expect(tLowerTail(0, 100)).toBe(0.5);
    for (const [t, df] of [
      [2.1, 19.9],
      [0.3, 1],
      [5, 3.5],
      [1, Number.NaN],
      [Number.POSITIVE_INFINITY, 50],
    ] as const) {
      expect(tLowerTail(t, df)).toBe(tcdf(-Math.abs(t), df));
    }
  });
});

describe('tQuantileAbove, t_{ν, 1−q}', { timeout: 30_000 }, () => {
  it('equals @stdlib to 1e-12 relative for the usual and unusual α', () => {
    let worst = 0;
    for (const alpha of [0.001, 0.01, 0.05, 0.1, 0.123, 0.2, 0.5]) {
      for (let df = FAST_MIN_DF; df < 1e12; df *= 1.05) {
        worst = Math.max(worst, relative(tQuantileAbove(alpha / 2, df), tquantile(1 - alpha / 2, df)));
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('solves directly, with the same answer, once many distinct α have been fitted', () => {
    for (let i = 1; i <= 40; i++) {
      const q = i / 1000;
      expect(relative(tQuantileAbove(q, 150.5), tquantile(1 - q, 150.5))).toBeLessThan(1e-12);
    }
  });

  it('is @stdlib itself below ν = 20', () => {
    expect(tQuantileAbove(0.025, 7.3)).toBe(tquantile(0.975, 7.3));
  });
});
