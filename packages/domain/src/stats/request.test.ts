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
    ['an unknown metric', { ...valid, metric: 'median' }, 'metric: must be "binomial", "mean" or "ratio"'],
    [
      'a binomial variant without sum',
      { ...valid, variants: [valid.variants[0], { key: 'b', users: 10 }] },
      'variants.1.sum: is required',
    ],
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

  it('accepts CUPED on a binomial metric with the same pre-period fields as a mean metric', () => {
    const pre = { preSum: 300, preSumSquares: 300, sumProduct: 80 };
    expect(problems({ ...valid, cuped: true, variants: valid.variants.map((v) => ({ ...v, ...pre })) })).toEqual([]);
    expect(problems({ ...valid, cuped: true })).toContain('variants.0.preSum: is required when cuped is true');
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

  describe('ratio metrics', () => {
    const control = {
      key: 'a',
      users: 60,
      numSum: 226,
      numSumSquares: 1090,
      denSum: 111,
      denSumSquares: 253,
      numDenSum: 497,
    };
    const ratio = (b: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      metric: 'ratio',
      variants: [control, { ...control, key: 'b', ...b }],
      ...extra,
    });

    it('accepts the numerator and denominator sums without sum', () => {
      expect(problems(ratio({}))).toEqual([]);
    });

    it.each([
      [
        'a denominator sum of 0',
        { denSum: 0, denSumSquares: 0, numDenSum: 0 },
        'variants.1.denSum: is 0, so the ratio numSum/denSum is undefined',
      ],
      ['Σd² below (Σd)²/n', { denSumSquares: 200 }, 'variants.1.denSumSquares: cannot be below denSum²/users'],
      ['Σm² below (Σm)²/n', { numSumSquares: 800 }, 'variants.1.numSumSquares: cannot be below numSum²/users'],
      [
        'a cross product beyond Cauchy–Schwarz',
        { numDenSum: 900 },
        'variants.1.numDenSum: is inconsistent with the other sums',
      ],
      [
        'a negative cross product beyond Cauchy–Schwarz',
        { numDenSum: 300 },
        'variants.1.numDenSum: is inconsistent with the other sums',
      ],
      [
        'no users but sums',
        { users: 0 },
        'variants.1.numSum: numSum, denSum and their squares and products must be 0 when users is 0',
      ],
      ['a missing cross product', { numDenSum: undefined }, 'variants.1.numDenSum: is required for a ratio metric'],
      ['a text numerator', { numSum: '226' }, 'variants.1.numSum: must be a number'],
    ])('rejects %s, naming the field', (_, b, line) => {
      expect(problems(ratio(b)).map((l) => l.slice(0, line.length))).toContain(line);
    });

    it('names every missing ratio field', () => {
      const lines = problems(
        ratio({
          numSum: undefined,
          numSumSquares: undefined,
          denSum: undefined,
          denSumSquares: undefined,
          numDenSum: undefined,
        }),
      );
      expect(lines.sort()).toEqual(
        ['denSum', 'denSumSquares', 'numDenSum', 'numSum', 'numSumSquares'].map(
          (f) => `variants.1.${f}: is required for a ratio metric`,
        ),
      );
    });

    it('refuses CUPED for a ratio metric', () => {
      const pre = { preSum: 1, preSumSquares: 1, sumProduct: 1 };
      const input = { ...ratio(pre), variants: ratio(pre).variants.map((v) => ({ ...v, ...pre })), cuped: true };
      expect(problems(input)).toEqual([
        'cuped: needs metric "binomial" or "mean" (CUPED of ratio metrics is not supported)',
      ]);
    });
  });
});
