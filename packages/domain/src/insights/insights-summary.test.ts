import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate';
import { type InsightsSummaryInput, insightsSummary, ZInsightsSummaryInput } from './insights-summary';

type Row = InsightsSummaryInput['experiments'][number];
const row = (key: string, estimate: number, se: number, outcome: Row['outcome'], confidence: number): Row => ({
  key,
  estimate,
  se,
  outcome,
  predictedLift: 0.05,
  confidence,
  channel: 'EMAIL',
  stage: 'LANDING',
});
// The shrinkage test's five lifts: τ² = 0.00276; x̃ = 0.0754098, 0.0316514, −0.0174684, 0.0419772, 0.
const five = [
  row('a', 0.1, 0.03, 'WIN', 0.8),
  row('b', 0.05, 0.04, 'INCONCLUSIVE', 0.5),
  row('c', -0.02, 0.02, 'LOSS', 0.3),
  row('d', 0.08, 0.05, 'WIN', 0.7),
  row('e', 0, 0.01, 'INCONCLUSIVE', 0.1),
];

describe('insightsSummary', () => {
  it('prints τ², the shrunk lifts, the win rate, the Brier score, the buckets and the lift ratio', () => {
    const summary = insightsSummary({ experiments: five });
    expect(summary.tau2).toBeCloseTo(0.00276, 15);
    expect(summary.experiments[0]).toEqual({
      key: 'a',
      shrunkEstimate: expect.closeTo(0.0754098, 6),
      shrunkSe: expect.closeTo(0.0260517, 6),
    });
    expect(summary.calibration.winRate).toEqual({
      wins: 2,
      n: 5,
      mean: 3 / 7,
      low: expect.any(Number),
      high: expect.any(Number),
    });
    // Brier: (0.2² + 0.5² + 0.3² + 0.3² + 0.1²)/5 = 0.48/5.
    expect(summary.calibration.brier).toBeCloseTo(0.096, 15);
    expect(summary.calibration.buckets.map((b) => [b.n, b.wins])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 1],
    ]);
    // Σx̃ = 0.0754098 + 0.0316514 − 0.0174684 + 0.0419772 + 0 = 0.1315700; Σl = 0.25.
    expect(summary.calibration.liftRatio).toBeCloseTo(0.13157 / 0.25, 6);
  });

  it('below 5 experiments: τ² null, lifts as measured, no lift ratio, win rate still reported', () => {
    const summary = insightsSummary({ experiments: five.slice(0, 4) });
    expect(summary.tau2).toBeNull();
    expect(summary.experiments[2]).toEqual({ key: 'c', shrunkEstimate: -0.02, shrunkSe: 0.02 });
    expect(summary.calibration.liftRatio).toBeNull();
    expect(summary.calibration.winRate).toMatchObject({ wins: 2, n: 4, mean: 0.5 });
  });

  it('empty input: nothing to shrink, the uniform prior, no Brier score, empty buckets', () => {
    const summary = insightsSummary({ experiments: [] });
    expect(summary).toEqual({
      tau2: null,
      experiments: [],
      calibration: {
        winRate: { wins: 0, n: 0, mean: 0.5, low: 0.05, high: 0.95 },
        brier: null,
        buckets: [0, 0.2, 0.4, 0.6, 0.8].map((from) => ({ from, to: expect.closeTo(from + 0.2, 12), n: 0, wins: 0 })),
        liftRatio: null,
      },
    });
  });

  it('names the field of a bad row', () => {
    const parsed = ZInsightsSummaryInput.safeParse({ experiments: [five[0], { ...five[1], se: -1, outcome: 'WON' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['experiments.1.se', 'experiments.1.outcome']);
  });
});

describe('calibrate', () => {
  it('with a single channel the channel’s win rate and lift ratio are the workspace’s', () => {
    const result = calibrate(five);
    expect(result.winRateByChannel).toEqual([{ group: 'EMAIL', ...result.winRate }]);
    expect(result.liftRatioByChannel).toEqual([{ channel: 'EMAIL', liftRatio: result.liftRatio }]);
    expect(result.winRateByStageAndChannel.map((r) => r.group)).toEqual(['LANDING|EMAIL']);
  });

  it('gives a channel with fewer than 5 tests no lift ratio of its own', () => {
    const result = calibrate([...five, { ...five[0], key: 'f', channel: 'BANNER' } as Row]);
    expect(result.liftRatioByChannel.find((r) => r.channel === 'BANNER')?.liftRatio).toBeNull();
    expect(result.liftRatioByChannel.find((r) => r.channel === 'EMAIL')?.liftRatio).not.toBeNull();
  });
});
