import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../stats/prng';
import { lookWeekly, simulateStoreTest } from './simulate-stores';

// Seeded store tests (simulate-stores.ts: 40 stores, 8 pre-period weeks) looked at every week for 8 weeks, as the
// worker does. Small runs here; bench/locations.ts runs 4,000 of each and prints the rates (README, "Location tests").
const LIFT_80 = 0.08; // a single look at week 8 detects this lift 80.5% of the time (bench: 4,000 runs)

describe('location tests looked at every week', () => {
  // Seed 7: 2.8% WIN/LOSS with the boundaries against 9.8% for "significant at any look" (600 A/A tests).
  it('calls WIN or LOSS on A/A tests at most α of the time, where weekly p < α would not (600 tests)', () => {
    const random = mulberry32(7);
    let decided = 0;
    let naive = 0;
    for (let k = 0; k < 600; k++) {
      const result = lookWeekly(simulateStoreTest(random, `aa-${k}`, 0), 0.05);
      if (result.outcome === 'WIN' || result.outcome === 'LOSS') decided++;
      if (result.naive !== 0) naive++;
    }
    expect(decided / 600).toBeLessThanOrEqual(0.05 + 2 * Math.sqrt((0.05 * 0.95) / 600));
    expect(naive / 600).toBeGreaterThan(0.08);
  });

  // Seed 2026: 74.0% WIN with the boundaries against 77.3% for one look at week 8.
  it('keeps nearly all the power of a single final look (300 tests at a +8% lift)', () => {
    const random = mulberry32(2026);
    let won = 0;
    let fixed = 0;
    for (let k = 0; k < 300; k++) {
      const result = lookWeekly(simulateStoreTest(random, `lift-${k}`, LIFT_80), 0.05);
      if (result.outcome === 'WIN') won++;
      if (result.fixed > 0) fixed++;
    }
    expect(won / 300).toBeGreaterThanOrEqual(0.7);
    expect(fixed / 300 - won / 300).toBeLessThan(0.06);
  });
});
