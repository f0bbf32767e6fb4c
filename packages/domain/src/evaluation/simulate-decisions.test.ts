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

describe('futility under evaluation after every batch (sequential, 100,000 planned units at a 20% baseline)', () => {
  const flat = { runs: 200, seed: 20261205, baseline: 0.2, plannedUsers: 100_000, batch: 5_000 };
  const sequential = (minLift: number | null): AnalysisSettings => ({
    engine: 'frequentist',
    sequential: 100_000,
    alpha: 0.05,
    correction: 'none',
    minLift,
  });

  it('stops most A/A tests before the planned sample, and adds no false WIN or LOSS', () => {
    const off = simulateDecisions({ ...flat, lift: 0, analysis: sequential(null) });
    const on = simulateDecisions({ ...flat, lift: 0, analysis: sequential(0.05) });
    expect(on.stoppedEarly / flat.runs).toBeGreaterThan(0.5);
    expect(off.stoppedEarly / flat.runs).toBeLessThan(0.05);
    expect(on.meanUsers).toBeLessThan(off.meanUsers);
    expect((on.WIN + on.LOSS) / flat.runs).toBeLessThanOrEqual(0.05);
    expect(on.WIN + on.LOSS).toBeLessThanOrEqual(off.WIN + off.LOSS);
  });

  it('a true lift as large as the bound is still found as often as without futility', () => {
    const off = simulateDecisions({ ...flat, lift: 0.05, analysis: sequential(null) });
    const on = simulateDecisions({ ...flat, lift: 0.05, analysis: sequential(0.05) });
    expect(on.WIN).toBe(off.WIN);
    expect(on.WIN / flat.runs).toBeGreaterThan(0.5);
  });
});
