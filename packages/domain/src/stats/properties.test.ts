import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { adjustPValues } from './correction';
import { type AnalyzeRequest, ZAnalyzeRequest } from './request';
import type { BayesianTreatmentResult, FrequentistTreatmentResult } from './types';

const binomialVariant = (key: string, minUsers = 0) =>
  fc
    .integer({ min: minUsers, max: 200_000 })
    .chain((users) =>
      fc.record({ key: fc.constant(key), users: fc.constant(users), sum: fc.integer({ min: 0, max: users }) }),
    );

// Σx and Σx² of `users` values with the given mean and standard deviation.
const meanVariant = (key: string) =>
  fc
    .record({
      users: fc.integer({ min: 2, max: 50_000 }),
      // Realistic magnitudes: values near 1e-30 only exercise the floating point, not the statistics.
      mean: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((cents) => cents / 10_000),
      sd: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 50, noNaN: true })),
    })
    .map(({ users, mean, sd }) => ({
      key,
      users,
      sum: users * mean,
      sumSquares: (users - 1) * sd * sd + users * mean * mean,
    }));

// Σm, Σm², Σd, Σd², Σmd of `users` units with the given means, standard deviations and correlation.
const ratioVariant = (key: string) =>
  fc
    .record({
      users: fc.integer({ min: 2, max: 50_000 }),
      numMean: fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
      denMean: fc.integer({ min: 1, max: 1_000 }).map((c) => c / 100),
      numSd: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 50, noNaN: true })),
      denSd: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 5, noNaN: true })),
      rho: fc.double({ min: -0.99, max: 0.99, noNaN: true }),
    })
    .map(({ users: n, numMean, denMean, numSd, denSd, rho }) => ({
      key,
      users: n,
      numSum: n * numMean,
      numSumSquares: (n - 1) * numSd * numSd + n * numMean * numMean,
      denSum: n * denMean,
      denSumSquares: (n - 1) * denSd * denSd + n * denMean * denMean,
      numDenSum: (n - 1) * rho * numSd * denSd + n * numMean * denMean,
    }));

const options = fc.record({
  engine: fc.constantFrom('frequentist' as const, 'bayesian' as const),
  difference: fc.constantFrom('relative' as const, 'absolute' as const),
  alpha: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
  sequential: fc.option(fc.integer({ min: 100, max: 100_000 }), { nil: null }),
});

const request = fc.oneof(
  fc.record({
    metric: fc.constant('binomial' as const),
    variants: fc.tuple(binomialVariant('a'), binomialVariant('b'), binomialVariant('c')),
  }),
  fc.record({ metric: fc.constant('mean' as const), variants: fc.tuple(meanVariant('a'), meanVariant('b')) }),
  fc.record({ metric: fc.constant('ratio' as const), variants: fc.tuple(ratioVariant('a'), ratioVariant('b')) }),
);
const anyRequest = fc.tuple(request, options).map(([r, o]): AnalyzeRequest => ZAnalyzeRequest.parse({ ...r, ...o }));

const close = (a: number | null | undefined, b: number | null | undefined, tolerance = 1e-9) => {
  expect(a === null || a === undefined).toBe(b === null || b === undefined);
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(a)));
  }
};

const numbersIn = (value: unknown): number[] =>
  typeof value === 'number'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(numbersIn)
      : [];

describe('analyze, for any valid request', () => {
  it('never yields NaN or Infinity; p and chanceToWin stay in [0, 1]; the interval contains the estimate', () => {
    fc.assert(
      fc.property(anyRequest, (req) => {
        const result = analyze(req);
        for (const n of numbersIn(result)) expect(Number.isFinite(n)).toBe(true);
        for (const t of result.variants.slice(1) as (FrequentistTreatmentResult & BayesianTreatmentResult)[]) {
          for (const p of [t.pValue, t.adjustedPValue, t.chanceToWin]) {
            if (typeof p === 'number') expect(p >= 0 && p <= 1).toBe(true);
          }
          if (t.ci && t.estimate !== null) expect(t.ci[0] <= t.estimate && t.estimate <= t.ci[1]).toBe(true);
          if (t.estimate === null)
            expect(result.warnings.some((w) => w.includes(`"${t.key}"`) || w.startsWith('control'))).toBe(true);
        }
      }),
    );
  });

  it('mirrors the absolute estimate, interval and p-value when control and treatment swap', () => {
    fc.assert(
      fc.property(binomialVariant('a', 2), binomialVariant('b', 2), options, (a, b, o) => {
        const forward = analyze({ ...o, metric: 'binomial', difference: 'absolute', variants: [a, b] })
          .variants[1] as FrequentistTreatmentResult;
        const back = analyze({ ...o, metric: 'binomial', difference: 'absolute', variants: [b, a] })
          .variants[1] as FrequentistTreatmentResult;
        close(forward.estimate, back.estimate === null ? null : -back.estimate);
        close(forward.ci?.[0], back.ci ? -back.ci[1] : null);
        close(forward.ci?.[1], back.ci ? -back.ci[0] : null);
        close(forward.pValue, back.pValue);
      }),
    );
  });

  it('leaves relative results unchanged when a mean metric is rescaled (cents instead of euros)', () => {
    fc.assert(
      fc.property(
        meanVariant('a'),
        meanVariant('b'),
        options,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (a, b, o, k) => {
          const scale = (v: typeof a) => ({ ...v, sum: v.sum * k, sumSquares: v.sumSquares * k * k });
          const base = analyze({ ...o, difference: 'relative', metric: 'mean', variants: [a, b] }).variants[1];
          const scaled = analyze({ ...o, difference: 'relative', metric: 'mean', variants: [scale(a), scale(b)] })
            .variants[1];
          const [x, y] = [base, scaled] as (FrequentistTreatmentResult & BayesianTreatmentResult)[];
          if (x?.estimate === null || y?.estimate === null) return; // degenerate either way: nothing to compare
          for (const field of ['estimate', 'se', 'pValue', 'chanceToWin'] as const) close(x?.[field], y?.[field], 1e-6);
          close(x?.ci?.[0], y?.ci?.[0], 1e-6);
          close(x?.ci?.[1], y?.ci?.[1], 1e-6);
        },
      ),
    );
  });
});

describe('ratio metrics', () => {
  it('a ratio whose denominator is 1 for every unit is the mean metric of its numerator', () => {
    fc.assert(
      fc.property(meanVariant('a'), meanVariant('b'), options, (a, b, o) => {
        const asRatio = (v: typeof a) => ({
          key: v.key,
          users: v.users,
          numSum: v.sum,
          numSumSquares: v.sumSquares,
          denSum: v.users,
          denSumSquares: v.users,
          numDenSum: v.sum,
        });
        const mean = analyze({ ...o, metric: 'mean', variants: [a, b] });
        const ratio = analyze({ ...o, metric: 'ratio', variants: [asRatio(a), asRatio(b)] });
        const [x, y] = [mean.variants[1], ratio.variants[1]] as (FrequentistTreatmentResult &
          BayesianTreatmentResult)[];
        close(mean.variants[0].mean, ratio.variants[0].mean);
        for (const field of ['estimate', 'se', 'pValue', 'chanceToWin'] as const) close(x?.[field], y?.[field], 1e-6);
        close(x?.ci?.[0], y?.ci?.[0], 1e-6);
        close(x?.ci?.[1], y?.ci?.[1], 1e-6);
      }),
    );
  });
});

describe('adjustPValues', () => {
  it('never lowers a p-value, stays ≤ 1, keeps the order of the raw p-values, and BH is never stricter than Holm', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (ps) => {
        const holm = adjustPValues(ps, 'holm') as number[];
        const bh = adjustPValues(ps, 'bh') as number[];
        ps.forEach((p, i) => {
          expect(holm[i]).toBeGreaterThanOrEqual(p);
          expect(bh[i]).toBeGreaterThanOrEqual(p);
          expect(holm[i]).toBeLessThanOrEqual(1);
          expect(bh[i]).toBeLessThanOrEqual((holm[i] as number) + 1e-15);
          ps.forEach((q, j) => {
            if (p < q) expect(holm[i]).toBeLessThanOrEqual(holm[j] as number);
            if (p < q) expect(bh[i]).toBeLessThanOrEqual(bh[j] as number);
          });
        });
      }),
    );
  });
});
