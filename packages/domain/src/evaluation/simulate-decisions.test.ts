import { describe, expect, it } from 'vitest';
import type { AnalysisSettings } from '../experiment';
import { simulateDecisions } from './simulate-decisions';

// Email tests at a 5% baseline, 20,000 planned units, evaluated after every 1,000 units by the worker's own
// `evaluateExperiment`: seeded, so the rates are the same on every run (bench/decisions.ts prints them larger).
const RUNS = 2_000;
const base = { runs: RUNS, baseline: 0.05, plannedUsers: 20_000, batch: 1_000 };
const bayesian: AnalysisSettings = { engine: 'bayesian', sequential: null, alpha: 0.05, correction: 'none' };
const fixedHorizon: AnalysisSettings = { ...bayesian, engine: 'frequentist' };

describe('Bayesian decisions under evaluation after every batch', () => {
  it('A/A: WIN at most 1 − winChance and LOSS at most lossChance, within one percentage point', () => {
    const t = simulateDecisions({ ...base, seed: 20261202, lift: 0, analysis: bayesian });
    // Deciding on the chance to win at every look ended about 40% of these runs WIN or LOSS.
    expect(t.WIN / RUNS).toBeLessThanOrEqual(0.06);
    expect(t.LOSS / RUNS).toBeLessThanOrEqual(0.06);
  });

  it('a true +15% lift is found WIN at least as often as the fixed-horizon rule finds it on the same data', () => {
    const lifted = { ...base, runs: 1_000, seed: 20261203, lift: 0.15 };
    const gated = simulateDecisions({ ...lifted, analysis: bayesian });
    const fixed = simulateDecisions({ ...lifted, analysis: fixedHorizon });
    expect(gated.WIN).toBeGreaterThanOrEqual(fixed.WIN);
    // The confidence sequence still lets strong results end early.
    expect(gated.stoppedEarly).toBeGreaterThan(0);
  });
});
