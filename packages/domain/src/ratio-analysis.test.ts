import { describe, expect, it } from 'vitest';
import { ZExperimentMetrics } from './experiment-metrics';
import type { AggregateRow, MetricAnalysisInput } from './metric-inputs';
import { analyzeRatio, ratioStats } from './ratio-analysis';
import { ZAnalyzeRequest } from './stats/request';

const row = (variant: string, metric: string, fields: Partial<AggregateRow>): AggregateRow => ({
  variant,
  segment: '',
  metric,
  units: 0,
  sum: 0,
  sumSquares: 0,
  ...fields,
});

const input: MetricAnalysisInput = {
  variants: [
    { key: 'control', name: 'control', weight: 0.5 },
    { key: 'promo', name: 'promo', weight: 0.5 },
  ],
  analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'none' },
  reports: [],
  aggregates: ['control', 'promo'].flatMap((v, i) => [
    row(v, '', { units: 100 }),
    row(v, 'revenue', { units: 40, sum: 900 + 100 * i, sumSquares: 40_000 + 5000 * i }),
    row(v, 'orders', { units: 40, sum: 60, sumSquares: 110 }),
    row(v, 'aov', { crossSum: 1900 + 200 * i }),
  ]),
};
const aov = { name: 'aov', numerator: 'revenue', denominator: 'orders' };

describe('ratio metrics', () => {
  it("builds GrowthBook's ratio statistics from the parts' sums and the ratio's cross products", () => {
    expect(ratioStats(input, aov, null)[1]).toEqual({
      key: 'promo',
      users: 100,
      numSum: 1000,
      numSumSquares: 45_000,
      denSum: 60,
      denSumSquares: 110,
      numDenSum: 2100,
    });
  });

  it('analyses the ratio when the engine takes it, else says why its figures are null', () => {
    const request = { metric: 'ratio', variants: ratioStats(input, aov, null), weights: [0.5, 0.5] };
    const result = analyzeRatio(input, aov, null);
    if (ZAnalyzeRequest.safeParse(request).success) {
      // GrowthBook's engine on the same statistics (gbstats-analyze.py): [estimate, ci low, ci high, p]
      const t = result.variants[1] as { estimate: number; ci: [number, number]; pValue: number };
      expect(t.estimate).toBeCloseTo(0.11111111111111119, 12);
      expect(t.ci[0]).toBeCloseTo(-0.15975135881542532, 12);
      expect(t.ci[1]).toBeCloseTo(0.38197358103764767, 12);
      expect(t.pValue).toBeCloseTo(0.4194660356163702, 12);
    } else {
      expect(result.variants[1]).toMatchObject({ estimate: null });
      expect(result.warnings[0]).toMatch(/^ratio metric "aov" could not be analysed/);
    }
  });

  it('needs a numerator and a denominator naming event metrics of the experiment', () => {
    const check = (guardrails: unknown[]) =>
      ZExperimentMetrics.safeParse({ primary: { name: 'revenue', kind: 'mean' }, guardrails }).error?.issues.map(
        (i) => `${i.path.join('.')}: ${i.message}`,
      );
    expect(check([{ name: 'aov', kind: 'ratio', numerator: 'revenue', denominator: 'orders' }])).toEqual([
      'guardrails.0.denominator: "orders" is not a binomial or mean metric of this experiment (revenue)',
    ]);
    expect(check([{ name: 'aov', kind: 'ratio', numerator: 'revenue' }])).toEqual([
      'guardrails.0.denominator: is required for a ratio metric',
    ]);
    expect(check([{ name: 'orders', kind: 'mean', numerator: 'revenue' }])).toEqual([
      'guardrails.0.numerator: is only for a ratio metric',
    ]);
    const good = [
      { name: 'orders', kind: 'mean' },
      { name: 'aov', kind: 'ratio', numerator: 'revenue', denominator: 'orders' },
    ];
    expect(check(good)).toBeUndefined();
  });
});
