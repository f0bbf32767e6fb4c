import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/prng';
import { fitSimplexWeights, projectOntoSimplex } from './simplex';

const objective = (target: number[], donors: number[][], w: number[]) =>
  target.reduce((s, x, t) => s + (x - donors.reduce((f, d, j) => f + w[j]! * d[t]!, 0)) ** 2, 0);

describe('projectOntoSimplex', () => {
  it('keeps a point already on the simplex and projects others onto it', () => {
    expect(projectOntoSimplex([0.2, 0.3, 0.5])).toEqual([0.2, 0.3, 0.5].map((x) => expect.closeTo(x, 12)));
    expect(projectOntoSimplex([2, 0, 0])).toEqual([1, 0, 0]);
    // (0.6, 0.6) lies above the line x + y = 1: the projection moves both down by 0.1.
    expect(projectOntoSimplex([0.6, 0.6])).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)]);
    expect(projectOntoSimplex([-1, 3, 0.5])).toEqual([0, expect.closeTo(1, 12), 0]);
  });
});

describe('fitSimplexWeights', () => {
  it('recovers a convex combination of the donors exactly', () => {
    const random = mulberry32(3);
    const donors = Array.from({ length: 6 }, () => Array.from({ length: 20 }, () => random()));
    const truth = [0.5, 0, 0.3, 0, 0.2, 0];
    const target = donors[0]!.map((_, t) => donors.reduce((s, d, j) => s + truth[j]! * d[t]!, 0));
    const w = fitSimplexWeights(target, donors);
    expect(w).toEqual(truth.map((x) => expect.closeTo(x, 5)));
  });

  it('stays on the simplex and beats every vertex and the uniform weights when the target is outside the hull', () => {
    const random = mulberry32(4);
    // More donors than weeks: the Hessian is singular, which the solver must tolerate.
    const donors = Array.from({ length: 30 }, () => Array.from({ length: 12 }, () => random() - 0.5));
    const target = Array.from({ length: 12 }, () => 2 * (random() - 0.5));
    const w = fitSimplexWeights(target, donors);
    expect(w.every((x) => x >= 0)).toBe(true);
    expect(w.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    const best = objective(target, donors, w);
    expect(best).toBeLessThan(objective(target, donors, new Array(30).fill(1 / 30)));
    for (let j = 0; j < 30; j++) {
      expect(best).toBeLessThanOrEqual(
        objective(
          target,
          donors,
          donors.map((_, k) => (k === j ? 1 : 0)),
        ) + 1e-12,
      );
    }
    // KKT: every donor in use has the smallest gradient; unused donors' gradients are no smaller.
    const residual = target.map((x, t) => x - donors.reduce((f, d, j) => f + w[j]! * d[t]!, 0));
    const gradient = donors.map((d) => -d.reduce((s, x, t) => s + x * residual[t]!, 0));
    const active = gradient.filter((_, j) => w[j]! > 1e-6);
    const floor = Math.min(...gradient);
    for (const g of active) expect(g).toBeCloseTo(floor, 5);
  });

  it('only fits the first `weeks` entries', () => {
    const donors = [
      [1, 1, 100],
      [0, 0, -100],
    ];
    expect(fitSimplexWeights([1, 1, 0], donors, { weeks: 2 })).toEqual([expect.closeTo(1, 8), expect.closeTo(0, 8)]);
  });
});
