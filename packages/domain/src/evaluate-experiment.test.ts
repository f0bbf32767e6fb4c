import { describe, expect, it } from 'vitest';
import { type AggregateRow, type EvaluationInput, evaluateExperiment } from './evaluate-experiment';

const base = (aggregates: AggregateRow[], overrides: Partial<EvaluationInput> = {}): EvaluationInput => ({
  variants: [
    { key: 'control', name: 'Control', weight: 0.5 },
    { key: 'promo', name: 'Promo', weight: 0.5 },
  ],
  metrics: { primary: { name: 'purchase', kind: 'binomial' }, guardrails: [] },
  analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'holm' },
  plannedUsers: 2000,
  segmentAttribute: null,
  aggregates,
  reports: [],
  decision: { winChance: 0.95, maxRisk: 0.0025, lossChance: 0.05 },
  ...overrides,
});
const row = (variant: string, metric: string, units: number, sum = 0, segment = ''): AggregateRow => ({
  variant,
  segment,
  metric,
  units,
  sum,
  sumSquares: sum,
});

describe('evaluateExperiment', () => {
  it('builds the analyze request from aggregates: exposed units are users, metric sums are conversions', () => {
    // Reference value 1 of the statistics issue: 120/1000 vs 150/1000 → est 0.25, p 0.079565
    const e = evaluateExperiment(
      base([
        row('control', '', 1000),
        row('promo', '', 1000),
        row('control', 'purchase', 120, 120),
        row('promo', 'purchase', 150, 150),
      ]),
    );
    expect(e.users).toBe(2000);
    expect(e.analysis.variants[1]).toMatchObject({
      estimate: expect.closeTo(0.25, 6),
      pValue: expect.closeTo(0.079565, 6),
    });
    expect(e.decision.outcome).toBe('INCONCLUSIVE');
  });

  it('sees a guardrail harm even when the control has none (absolute difference)', () => {
    const e = evaluateExperiment(
      base(
        [
          row('control', '', 1000),
          row('promo', '', 1000),
          row('control', 'purchase', 100, 100),
          row('promo', 'purchase', 160, 160),
          row('promo', 'unsubscribe', 40, 40),
        ],
        {
          metrics: {
            primary: { name: 'purchase', kind: 'binomial' },
            guardrails: [{ name: 'unsubscribe', kind: 'binomial', direction: 'down' }],
          },
        },
      ),
    );
    expect(e.guardrails[0]?.analysis.variants[1]).toMatchObject({ estimate: expect.closeTo(0.04, 9) });
    expect(e.decision).toMatchObject({ outcome: 'INCONCLUSIVE', reason: expect.stringContaining('unsubscribe') });
  });

  it('uses the newest report of a metric instead of its events', () => {
    const e = evaluateExperiment(
      base([row('control', '', 10), row('promo', '', 10)], {
        reports: [
          {
            metric: 'purchase',
            variants: [
              { key: 'control', users: 1000, conversions: 100 },
              { key: 'promo', users: 1000, conversions: 160 },
            ],
          },
        ],
      }),
    );
    expect(e.users).toBe(2000);
    expect(e.decision).toMatchObject({ outcome: 'WIN', winner: 'promo' });
  });

  it('breaks the primary metric down by segment when configured', () => {
    const e = evaluateExperiment(
      base(
        [
          row('control', '', 600, 0, 'mobile'),
          row('control', '', 400, 0, 'desktop'),
          row('promo', '', 600, 0, 'mobile'),
          row('promo', '', 400, 0, 'desktop'),
          row('control', 'purchase', 60, 60, 'mobile'),
          row('promo', 'purchase', 90, 90, 'mobile'),
        ],
        { segmentAttribute: 'device' },
      ),
    );
    expect(e.segments?.map((s) => [s.segment, s.analysis.variants[0].users])).toEqual([
      ['desktop', 400],
      ['mobile', 600],
    ]);
    expect(e.users).toBe(2000);
  });
});
