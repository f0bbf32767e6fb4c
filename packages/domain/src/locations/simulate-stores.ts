import nquantile from '@stdlib/stats-base-dists-normal-quantile';
import type { ExperimentOutcome } from '../decision';
import type { WeeklySalesRow } from './did-input';
import { runLocationTest } from './location-test';
import { splitLocations } from './split';

// Seeded simulation of a whole store test, shared by the simulation tests and bench/locations.ts (not exported
// from the package): split 40 stores by pre-period sales, then 8 post-period weeks. Stores sell lognormally around
// 20,000 a week (σ = 0.8), drift by their own ±3% between periods, share a ±5% weekly season, and vary ±10% week to
// week. The treatment lifts its stores' sales by `lift`.
export const SIMULATED_STORES = 40;
export const SIMULATED_WEEKS = Array.from({ length: 16 }, (_, w) =>
  new Date(Date.UTC(2025, 0, 6 + 7 * w)).toISOString().slice(0, 10),
);
/** The first post-period week; the 8 weeks before it are the pre-period. */
export const SIMULATED_START = SIMULATED_WEEKS[8]!;

export function simulateStoreTest(random: () => number, seed: string, lift: number) {
  const normal = () => nquantile(random(), 0, 1); // inverse-transform sampling; mulberry32 never returns 1
  const noise = (sd: number) => Math.exp(sd * normal() - (sd * sd) / 2); // lognormal with mean 1
  const base = Array.from({ length: SIMULATED_STORES }, () => 20_000 * Math.exp(0.8 * normal()));
  const drift = base.map(() => 1 + 0.03 * normal());
  const season = SIMULATED_WEEKS.map(() => 1 + 0.05 * normal());
  const rows: WeeklySalesRow[] = [];
  const preSales = base.map(() => 0);
  for (let w = 0; w < 8; w++) {
    for (let i = 0; i < SIMULATED_STORES; i++) {
      const sales = base[i]! * season[w]! * noise(0.1);
      preSales[i]! += sales / 8;
      rows.push({ location: `store-${i}`, week: SIMULATED_WEEKS[w]!, sales });
    }
  }
  const split = splitLocations({ locations: preSales.map((s, i) => ({ id: `store-${i}`, weeklySales: s })), seed });
  const treated = new Set(split.treatment);
  const postSeason = season.slice(8).reduce((a, b) => a + b) / 8;
  let trueEffect = 0; // expected extra weekly sales per treated store, given this draw of stores and seasons
  for (let i = 0; i < SIMULATED_STORES; i++) {
    const factor = treated.has(`store-${i}`) ? 1 + lift : 1;
    if (factor !== 1) trueEffect += (lift * base[i]! * drift[i]! * postSeason) / treated.size;
    for (let w = 8; w < 16; w++) {
      rows.push({
        location: `store-${i}`,
        week: SIMULATED_WEEKS[w]!,
        sales: base[i]! * drift[i]! * season[w]! * factor * noise(0.1),
      });
    }
  }
  return { rows, treatment: split.treatment, holdout: split.holdout, trueEffect };
}

/**
 * One simulated store test looked at every post-period week, as the worker does: the group-sequential decision
 * (runLocationTest, first WIN / LOSS, else INCONCLUSIVE at week 8), against the old rule "WIN / LOSS as soon as
 * p < α at any look" and a single fixed-horizon look at week 8 (`naive` and `fixed`: +1 / −1 by the estimate's
 * sign when significant, else 0).
 */
export function lookWeekly(test: ReturnType<typeof simulateStoreTest>, alpha: number) {
  let outcome: ExperimentOutcome | null = null;
  let naive = 0;
  let fixed = 0;
  for (let look = 1; look <= 8; look++) {
    const end = SIMULATED_WEEKS[8 + look];
    const rows = end === undefined ? test.rows : test.rows.filter((r) => r.week < end);
    const input = { rows, treatment: test.treatment, holdout: test.holdout, start: SIMULATED_START, alpha };
    const { analysis, decision } = runLocationTest({ ...input, method: 'did', plannedWeeks: 8 }, look - 1);
    const sign = analysis.significant ? Math.sign(analysis.estimate!) : 0;
    if (naive === 0) naive = sign;
    if (look === 8) fixed = sign;
    if (outcome === null && decision.outcome !== 'KEEP_RUNNING') outcome = decision.outcome;
  }
  return { outcome: outcome ?? 'KEEP_RUNNING', naive, fixed };
}
