import { describe, expect, it } from 'vitest';
import { engineTakesCuped } from './cuped/adjust';
import { type AggregateRow, type EvaluationInput, evaluateExperiment } from './evaluate-experiment';
import type { MetricKind } from './experiment-metrics';
import type { TreatmentCuped } from './metric-analysis';
import { analyze } from './stats/analyze';
import { mulberry32 } from './stats/prng';

/** Seeded units: a pre-period value x (some missing) and an outcome y correlated with it. */
function units(seed: number, kind: MetricKind, coverage: number) {
  const rnd = mulberry32(seed);
  return Array.from({ length: 400 }, (_, i) => {
    const variant = i % 2 ? 'promo' : 'control';
    const x = rnd() * 10;
    const noisy = x + (rnd() - 0.5) * 6 + (variant === 'promo' ? 0.8 : 0);
    const y = kind === 'binomial' ? Number(noisy > 6) : Math.max(0, noisy);
    return { variant, x: rnd() < coverage ? x : null, y };
  });
}

/** The aggregates ingestion keeps for these units. */
function aggregates(list: ReturnType<typeof units>): AggregateRow[] {
  return ['control', 'promo'].flatMap((variant) => {
    const mine = list.filter((u) => u.variant === variant);
    const covered = mine.filter((u) => u.x !== null);
    const sum = <T>(l: T[], f: (u: T) => number) => l.reduce((s, u) => s + f(u), 0);
    const x = (u: { x: number | null }) => u.x as number;
    return [
      {
        variant,
        segment: '',
        metric: '',
        units: mine.length,
        sum: 0,
        sumSquares: 0,
        covariateUnits: covered.length,
        covariateSum: sum(covered, x),
        covariateSumSquares: sum(covered, (u) => x(u) ** 2),
      },
      {
        variant,
        segment: '',
        metric: 'revenue',
        units: mine.filter((u) => u.y !== 0).length,
        sum: sum(mine, (u) => u.y),
        sumSquares: sum(mine, (u) => u.y ** 2),
        sumProduct: sum(covered, (u) => x(u) * u.y),
        coveredSum: sum(covered, (u) => u.y),
      },
    ];
  });
}

const input = (rows: AggregateRow[], kind: MetricKind): EvaluationInput => ({
  variants: [
    { key: 'control', name: 'control', weight: 0.5 },
    { key: 'promo', name: 'promo', weight: 0.5 },
  ],
  metrics: { primary: { name: 'revenue', kind }, guardrails: [] },
  analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'none' },
  plannedUsers: 2000,
  segmentAttribute: null,
  aggregates: rows,
  reports: [],
  decision: { winChance: 0.95, maxRisk: 0.0025, lossChance: 0.05 },
});

describe('CUPED in evaluation', () => {
  it('analyses the primary metric with the imputed covariates once 80% of the units have one', () => {
    const list = units(11, 'mean', 0.9);
    const e = evaluateExperiment(input(aggregates(list), 'mean'));
    // The same request built unit by unit: missing covariates take their variant's covered mean.
    const byHand = ['control', 'promo'].map((key) => {
      const mine = list.filter((u) => u.variant === key);
      const xs = mine.flatMap((u) => (u.x === null ? [] : [u.x]));
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const full = mine.map((u) => ({ x: u.x ?? mean, y: u.y }));
      const sum = (f: (u: { x: number; y: number }) => number) => full.reduce((s, u) => s + f(u), 0);
      return {
        key,
        users: mine.length,
        sum: sum((u) => u.y),
        sumSquares: sum((u) => u.y ** 2),
        preSum: sum((u) => u.x),
        preSumSquares: sum((u) => u.x ** 2),
        sumProduct: sum((u) => u.x * u.y),
      };
    });
    const expected = analyze({ metric: 'mean', variants: byHand, cuped: true, correction: 'none' });
    const raw = analyze({ metric: 'mean', variants: byHand, correction: 'none' });
    const treatment = e.analysis.variants[1] as (typeof e.analysis.variants)[1] & { cuped: TreatmentCuped };
    expect(treatment.estimate).toBeCloseTo(expected.variants[1]?.estimate as number, 10);
    const expectedTreatment = expected.variants[1] as typeof treatment;
    expect(treatment.ci?.[0]).toBeCloseTo(expectedTreatment.ci?.[0] as number, 10);
    expect(treatment.cuped.raw?.estimate).toBeCloseTo(raw.variants[1]?.estimate as number, 10);
    expect(treatment.cuped.varianceReduction).toBeGreaterThan(0.3);
    const { coverage, correlation, plannedUsers } = e.analysis.cuped ?? {};
    expect(coverage).toBeCloseTo(list.filter((u) => u.x !== null).length / 400, 12);
    expect(correlation).toBeGreaterThan(0.6);
    expect(plannedUsers).toBe(Math.ceil(2000 * (1 - (correlation as number) ** 2)));
  });

  it('analyses without CUPED below 80% coverage, and plans the original users', () => {
    const e = evaluateExperiment(input(aggregates(units(12, 'mean', 0.7)), 'mean'));
    expect(e.analysis.cuped).toBeUndefined();
    expect(e.analysis.variants[1]).not.toHaveProperty('cuped');
  });

  it('binomial: CUPED exactly when the engine takes it (the one switch, engineTakesCuped)', () => {
    const e = evaluateExperiment(input(aggregates(units(13, 'binomial', 0.95)), 'binomial'));
    expect(e.analysis.cuped !== undefined).toBe(engineTakesCuped('binomial'));
  });
});
