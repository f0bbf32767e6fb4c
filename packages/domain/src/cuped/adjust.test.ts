import { describe, expect, it } from 'vitest';
import { ZAnalyzeRequest } from '../stats/request';
import { type CoveredStats, cupedInput, engineTakesCuped } from './adjust';

/** Units of one variant: [y, x or null]. */
type Unit = [number, number | null];

/** The aggregates ingestion keeps for these units (sums over covered units for the CUPED fields). */
function kept(key: string, units: Unit[]): CoveredStats {
  const covered = units.filter((u): u is [number, number] => u[1] !== null);
  const sum = (list: number[]) => list.reduce((s, v) => s + v, 0);
  return {
    key,
    users: units.length,
    sum: sum(units.map(([y]) => y)),
    sumSquares: sum(units.map(([y]) => y * y)),
    covered: covered.length,
    covariateSum: sum(covered.map(([, x]) => x)),
    covariateSumSquares: sum(covered.map(([, x]) => x * x)),
    sumProduct: sum(covered.map(([y, x]) => x * y)),
    coveredSum: sum(covered.map(([y]) => y)),
  };
}

/** The same units with every missing covariate replaced by its variant's covered mean, summed one by one. */
function imputedByHand(key: string, units: Unit[]) {
  const xs = units.map(([, x]) => x).filter((x): x is number => x !== null);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const full = units.map(([y, x]): [number, number] => [y, x ?? mean]);
  const sum = (f: (u: [number, number]) => number) => full.reduce((s, u) => s + f(u), 0);
  return {
    key,
    users: units.length,
    sum: sum(([y]) => y),
    sumSquares: sum(([y]) => y * y),
    preSum: sum(([, x]) => x),
    preSumSquares: sum(([, x]) => x * x),
    sumProduct: sum(([y, x]) => x * y),
  };
}

const control: Unit[] = [
  [1, 4],
  [0, 1],
  [3, 5],
  [2, null],
  [0, 2],
];
const treatment: Unit[] = [
  [2, 3],
  [4, 6],
  [1, 2],
  [5, 7],
  [0, null],
];

describe('cupedInput', () => {
  it('imputes each missing covariate with its variant covered mean, exactly as unit by unit', () => {
    const result = cupedInput([kept('a', control), kept('b', treatment)]);
    expect(result?.coverage).toBe(0.8);
    for (const [i, v] of (result?.variants ?? []).entries()) {
      const expected = imputedByHand(['a', 'b'][i] as string, i ? treatment : control);
      expect(v.key).toBe(expected.key);
      for (const field of ['users', 'sum', 'sumSquares', 'preSum', 'preSumSquares', 'sumProduct'] as const) {
        expect(v[field], field).toBeCloseTo(expected[field], 12);
      }
    }
  });

  it('gives Pearson ρ of the imputed units, pooled', () => {
    const units = [...control, ...treatment];
    const xs = units.map(([, x], i) => x ?? (i < 5 ? 3 : 4.5));
    const ys = units.map(([y]) => y);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const [mx, my] = [mean(xs), mean(ys)];
    const cov = xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] as number) - my), 0);
    const ss = (v: number[], m: number) => v.reduce((s, x) => s + (x - m) ** 2, 0);
    const rho = cov / Math.sqrt(ss(xs, mx) * ss(ys, my));
    expect(cupedInput([kept('a', control), kept('b', treatment)])?.correlation).toBeCloseTo(rho, 12);
  });

  it('needs 80% of the users with a covariate, and some in every variant with users', () => {
    const short: Unit[] = [...treatment.slice(0, 4), [0, null], [1, null]];
    // 8 of 11 covered: below 80%
    expect(cupedInput([kept('a', control), kept('b', short)])).toBeNull();
    const none: Unit[] = [
      [1, null],
      [2, null],
    ];
    const many: Unit[] = Array.from({ length: 20 }, (_, i) => [i % 3, i]);
    expect(cupedInput([kept('a', many), kept('b', none)])).toBeNull();
    expect(cupedInput([kept('a', many), kept('b', [])])?.coverage).toBe(1);
  });

  it('gives no ρ when the covariate does not vary', () => {
    const flat: Unit[] = [
      [1, 2],
      [0, 2],
      [3, 2],
    ];
    expect(cupedInput([kept('a', flat), kept('b', flat)])?.correlation).toBeNull();
  });
});

describe('engineTakesCuped', () => {
  it('asks the engine request schema: mean today, binomial once the engine takes it', () => {
    expect(engineTakesCuped('mean')).toBe(true);
    const binomial = ZAnalyzeRequest.safeParse({
      metric: 'binomial',
      cuped: true,
      variants: ['a', 'b'].map((key) => ({ key, users: 4, sum: 1, preSum: 2, preSumSquares: 2, sumProduct: 1 })),
    }).success;
    expect(engineTakesCuped('binomial')).toBe(binomial);
  });
});
