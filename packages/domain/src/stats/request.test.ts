import { describe, expect, it } from 'vitest';
import { ZAnalyzeRequest } from './request';

const valid = {
  metric: 'binomial',
  variants: [
    { key: 'a', users: 1000, sum: 120 },
    { key: 'b', users: 1000, sum: 150 },
  ],
};

// "path: message" for each problem, the way the CLI prints them after "request N: ".
const problems = (input: unknown) => {
  const parsed = ZAnalyzeRequest.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('ZAnalyzeRequest', () => {
  it('accepts a minimal request and leaves the defaults to analyze', () => {
    expect(problems(valid)).toEqual([]);
  });

  it.each([
    ['an unknown metric', { ...valid, metric: 'ratio' }, 'metric: must be "binomial" or "mean"'],
    [
      'conversions above users',
      { ...valid, variants: [valid.variants[0], { key: 'b', users: 10, sum: 11 }] },
      'variants.1.sum: conversions (sum) cannot exceed users',
    ],
    [
      'negative users',
      { ...valid, variants: [valid.variants[0], { key: 'b', users: -1, sum: 0 }] },
      'variants.1.users: must be ≥ 0',
    ],
    [
      'negative conversions',
      { ...valid, variants: [valid.variants[0], { key: 'b', users: 10, sum: -1 }] },
      'variants.1.sum: conversions (sum) must be a whole number ≥ 0',
    ],
    [
      'a mean metric without sumSquares',
      { ...valid, metric: 'mean' },
      'variants.0.sumSquares: is required for a mean metric',
    ],
    [
      'fewer than 2 variants',
      { ...valid, variants: [valid.variants[0]] },
      'variants: needs at least 2 variants (the first is the control)',
    ],
    ['alpha of 0', { ...valid, alpha: 0 }, 'alpha: must be > 0 and ≤ 0.5'],
    ['alpha above 0.5', { ...valid, alpha: 0.6 }, 'alpha: must be > 0 and ≤ 0.5'],
    ['a weight per variant', { ...valid, weights: [1] }, 'weights: needs one weight per variant (2), got 1'],
    [
      'CUPED on a binomial metric',
      { ...valid, cuped: true },
      'cuped: needs metric "mean" (pre-period covariates of a mean metric)',
    ],
    [
      'Σx² below (Σx)²/n',
      {
        metric: 'mean',
        variants: [
          { key: 'a', users: 2, sum: 10, sumSquares: 49 },
          { key: 'b', users: 2, sum: 1, sumSquares: 1 },
        ],
      },
      'variants.0.sumSquares: cannot be below sum²/users',
    ],
    [
      'duplicate keys',
      { ...valid, variants: [valid.variants[0], valid.variants[0]] },
      'variants.1.key: duplicate key "a"',
    ],
    ['not an object', 42, ': must be a request object ({ metric, variants, ... })'],
  ])('rejects %s, naming the field', (_, input, line) => {
    expect(problems(input)).toContain(line);
  });

  it('asks for the pre-period fields of every variant when cuped is true', () => {
    const lines = problems({
      ...valid,
      metric: 'mean',
      cuped: true,
      variants: valid.variants.map((v) => ({ ...v, sumSquares: 200 })),
    });
    const expected = ['preSum', 'preSumSquares', 'sumProduct'].flatMap((field) =>
      [0, 1].map((i) => `variants.${i}.${field}: is required when cuped is true`),
    );
    expect(lines.sort()).toEqual(expected.sort());
  });
});
