import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/prng';
import { analyzeSynthetic } from './analyze-synthetic';
import { factorSales } from './factor-sales';

// Small seeded versions of bench/synthetic.ts (which runs 2,000 of each on 40 stores; README, "Synthetic
// control"): 24 factor-model stores, 2 treated, 26 weeks before the start and 8 after, 5% weekly noise.
const shape = { locations: 24, preWeeks: 26, postWeeks: 8, treated: 2 };

describe('synthetic control on simulated factor-model sales', { timeout: 60_000 }, () => {
  it('estimates a +8% lift in 2 treated stores within 2 percentage points on average (16 experiments)', () => {
    const random = mulberry32(2026);
    const errors: number[] = [];
    for (let k = 0; k < 16; k++) {
      const result = analyzeSynthetic({ ...factorSales(random, { ...shape, lift: 0.08 }), plannedWeeks: 8 });
      errors.push(result.relative! - 0.08);
    }
    const bias = errors.reduce((a, b) => a + b) / errors.length;
    const meanAbsolute = errors.reduce((a, b) => a + Math.abs(b), 0) / errors.length;
    expect(Math.abs(bias)).toBeLessThan(0.02);
    expect(meanAbsolute).toBeLessThan(0.03);
  });

  it('gives A/A placebo p-values spread like a uniform and few false positives (30 experiments)', () => {
    const random = mulberry32(7);
    const pValues: number[] = [];
    for (let k = 0; k < 30; k++) {
      pValues.push(analyzeSynthetic({ ...factorSales(random, { ...shape, lift: 0 }), plannedWeeks: 8 }).pValue!);
    }
    const meanP = pValues.reduce((a, b) => a + b) / pValues.length;
    // Uniform on the 1/23 grid: mean 0.52, and the mean of 30 draws has sd 0.053.
    expect(meanP).toBeGreaterThan(0.36);
    expect(meanP).toBeLessThan(0.68);
    expect(pValues.filter((p) => p <= 0.05).length).toBeLessThanOrEqual(4);
    expect(pValues.filter((p) => p <= 0.5).length).toBeLessThanOrEqual(21);
  });
});
