import { describe, expect, it } from 'vitest';
import { computeInsights, type InsightsExperiment } from './compute-insights';

const roi = {
  reachPerMonth: 10_000,
  baselineRate: 0.05,
  expectedLift: 0.05,
  valuePerConversion: 40,
  confidence: 0.5,
  cost: 5_000,
  horizonMonths: 12,
};
const experiment = (
  key: string,
  estimate: number,
  se: number,
  outcome: InsightsExperiment['outcome'],
): InsightsExperiment => ({
  key,
  estimate,
  se,
  outcome,
  channel: 'EMAIL',
  stage: 'LANDING',
  workspaceId: 'w1',
  endedAt: new Date('2025-12-31T00:00:00Z'),
  offerId: null,
  currency: null,
  rolledOutAt: outcome === 'WIN' ? new Date('2026-01-01T00:00:00Z') : null,
  reachPerMonth: 10_000,
  controlMean: 0.05,
  valuePerConversion: 40,
  cost: 5_000,
  predicted: roi,
  estimatedAfterTheFact: false,
});
// The shrinkage test's five lifts (τ² = 0.00276); d is a win still awaiting the product owner's confirmation.
const experiments = [
  experiment('a', 0.1, 0.03, 'WIN'),
  experiment('b', 0.05, 0.04, 'INCONCLUSIVE'),
  experiment('c', -0.02, 0.02, 'LOSS'),
  { ...experiment('d', 0.08, 0.05, 'WIN'), rolledOutAt: null },
  experiment('e', 0, 0.01, 'INCONCLUSIVE'),
];
const now = new Date('2026-07-02T00:00:00Z');

describe('computeInsights', () => {
  const insights = computeInsights({
    now,
    horizonMonths: 12,
    experiments,
    openHypotheses: [{ id: 'h1', channel: 'EMAIL', stage: 'LANDING', roi: { ...roi, expectedLift: 0.1 } }],
    funnelStages: [{ stage: 'LANDING', entered: 1_000, converted: 200 }],
    hiddenStages: [],
  });
  const months = 182 / (365.2425 / 12);
  const monthlyA = 10_000 * 0.05 * ((0.1 * 0.00276) / 0.00366) * 40; // R·b̂·x̃·v ≈ 1 508.2

  it('earns only from the rolled-out win, with its shrunk lift', () => {
    expect(insights.tooFewToCalibrate).toBe(false);
    expect(insights.experiments[0]?.gainToDate).toBeCloseTo(monthlyA * months, 6);
    expect(insights.experiments.slice(1).map((e) => e.gainToDate)).toEqual([0, 0, 0, 0]);
    expect(insights.pnl.total).toMatchObject({ testsRun: 5, cost: 25_000, wins: 2 });
    expect(insights.pnl.total.gainToDate).toBeCloseTo(monthlyA * months, 6);
    expect(insights.pnl.byQuarter.map((r) => r.quarter)).toEqual(['2025-Q4']);
    // The chart's last point (now) is the same gain, all of it email's.
    expect(insights.gainOverTime.at(-1)?.byChannel).toEqual([
      { channel: 'EMAIL', gain: expect.closeTo(monthlyA * months, 6) },
    ]);
  });

  it('calibrates the open hypothesis by its stage and channel’s win rate and the lift ratio', () => {
    const [h1] = insights.openHypotheses;
    // 2 wins of 5 at LANDING|EMAIL: (2 + 1)/(5 + 2); ratio Σx̃/Σl = 0.13157/0.25.
    expect(h1?.confidence).toEqual({ author: 0.5, used: 3 / 7, level: 'stageAndChannel', n: 5 });
    expect(h1?.lift.ratio).toBeCloseTo(0.13157 / 0.25, 6);
    expect(h1?.calibrated.expectedMonthlyGain).toBeCloseTo(10_000 * 0.05 * 0.1 * (0.13157 / 0.25) * 40 * (3 / 7), 3);
  });

  it('lifts the landing stage of the funnel by its one rolled-out win', () => {
    const landing = insights.funnel.stages.find((s) => s.stage === 'LANDING');
    expect(landing?.cumulativeLift).toBeCloseTo(1 + (0.1 * 0.00276) / 0.00366, 12);
    expect(insights.funnel.endToEnd.before).toBe(0.2);
  });
});
