import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/prng';
import { symmetricEigen } from './eigen';
import { relativeDeviations } from './fit';
import { ridgeAugment } from './ridge';
import { fitSimplexWeights } from './simplex';

const random = mulberry32(11);
const series = (weeks: number) =>
  relativeDeviations(
    Array.from({ length: weeks }, () => 100 + 10 * random()),
    weeks,
  );

describe('symmetricEigen', () => {
  it('decomposes a symmetric matrix into orthonormal eigenvectors: A = V diag(values) Vᵀ', () => {
    const a = [
      [4, 1, 2],
      [1, 3, 0],
      [2, 0, 5],
    ];
    const { values, vectors } = symmetricEigen(a);
    const rebuilt = a.map((_, i) =>
      a.map((_, j) => values.reduce((s, l, k) => s + vectors[i]![k]! * l * vectors[j]![k]!, 0)),
    );
    expect(rebuilt).toEqual(a.map((row) => row.map((x) => expect.closeTo(x, 10))));
    const gram = a.map((_, i) => a.map((_, j) => a.reduce((s, _, k) => s + vectors[k]![i]! * vectors[k]![j]!, 0)));
    expect(gram).toEqual(a.map((row, i) => row.map((_, j) => expect.closeTo(i === j ? 1 : 0, 10))));
    expect(values.reduce((s, x) => s + x)).toBeCloseTo(12, 10); // the trace
  });
});

describe('ridgeAugment', () => {
  const donors = Array.from({ length: 15 }, () => series(10));
  const target = series(10);
  const scm = fitSimplexWeights(target, donors);

  it('adds a zero-sum correction that shrinks the pre-period imbalance, less as λ grows', () => {
    const imbalance = (w: number[]) =>
      target.reduce((s, x, t) => s + (x - donors.reduce((f, d, j) => f + w[j]! * d[t]!, 0)) ** 2, 0);
    const small = ridgeAugment(target, donors, scm, 10, 1e-4);
    const large = ridgeAugment(target, donors, scm, 10, 10);
    for (const fit of [small, large]) expect(fit.weights.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    expect(imbalance(small.weights)).toBeLessThan(imbalance(large.weights));
    expect(imbalance(large.weights)).toBeLessThan(imbalance(scm));
    expect(ridgeAugment(target, donors, scm, 10, Number.POSITIVE_INFINITY).weights).toEqual(scm);
  });

  it('gives the leave-one-week-out residual of a refit on the other weeks, re-centred (closed form = brute force)', () => {
    const lambda = 0.05;
    const { looResiduals } = ridgeAugment(target, donors, scm, 10, lambda);
    for (const out of [0, 4, 9]) {
      const keep = (xs: number[]) => xs.filter((_, t) => t !== out);
      const centre = (xs: number[]) => {
        const m = keep(xs).reduce((a, b) => a + b) / 9;
        return xs.map((x) => x - m);
      };
      // Refit the ridge step on the 9 other weeks (same simplex weights), with every series re-centred on them.
      const t9 = centre(target);
      const d9 = donors.map(centre);
      const order = [...keep(Array.from({ length: 10 }, (_, t) => t)), out];
      const fit = ridgeAugment(
        order.map((t) => t9[t]!),
        d9.map((d) => order.map((t) => d[t]!)),
        scm,
        9,
        lambda,
      );
      const predicted = d9.reduce((s, d, j) => s + fit.weights[j]! * d[out]!, 0);
      expect(looResiduals[out]).toBeCloseTo(t9[out]! - predicted, 10);
    }
  });

  it('chooses λ on augsynth’s grid when none is given', () => {
    const fit = ridgeAugment(target, donors, scm, 10);
    const lambdaMax = 1 + target.reduce((s, x, t) => s + (x - donors.reduce((m, d) => m + d[t]! / 15, 0)) ** 2, 0);
    const step = Math.log(lambdaMax / fit.lambda) / Math.log(10 ** (8 / 20));
    expect(step).toBeCloseTo(Math.round(step), 8);
    expect(Math.round(step)).toBeGreaterThanOrEqual(0);
    expect(Math.round(step)).toBeLessThanOrEqual(20);
  });
});
