import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { mulberry32 } from './prng';
import { ZAnalyzeRequest } from './request';
import { isAnalyzeRequest } from './request-check';

// The CLI trusts isAnalyzeRequest on its hot path and asks ZAnalyzeRequest (for its messages) only about what
// it refuses, so the two must reach the same verdict on everything: checked here on valid requests of every
// shape and on thousands of seeded mutations of them.

const STARTS: Record<string, unknown>[] = [
  {
    metric: 'binomial',
    variants: [
      { key: 'a', users: 1000, sum: 120 },
      { key: 'b', users: 990, sum: 150 },
    ],
  },
  {
    metric: 'mean',
    engine: 'bayesian',
    difference: 'absolute',
    variants: [
      { key: 'a', users: 50, sum: 500, sumSquares: 5200 },
      { key: 'b', users: 40, sum: 420, sumSquares: 4500 },
      { key: 'c', users: 45, sum: 460, sumSquares: 4800 },
    ],
    weights: [1, 1, 2],
    correction: 'holm',
  },
  {
    metric: 'ratio',
    alpha: 0.1,
    sequential: 5000,
    variants: [
      { key: 'a', users: 60, numSum: 226, numSumSquares: 1090, denSum: 111, denSumSquares: 253, numDenSum: 497 },
      { key: 'b', users: 55, numSum: 281, numSumSquares: 1929, denSum: 121, denSumSquares: 325, numDenSum: 765 },
    ],
  },
  {
    metric: 'binomial',
    cuped: true,
    sequential: null,
    variants: [
      { key: 'a', users: 100, sum: 30, preSum: 25, preSumSquares: 25, sumProduct: 20 },
      { key: 'b', users: 100, sum: 35, preSum: 28, preSumSquares: 28, sumProduct: 22 },
    ],
  },
];

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  1,
  2,
  1.5,
  1e300,
  -1e300,
  2 ** 53,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  '1',
  'binomial',
  'mean',
  'ratio',
  'bayesian',
  'absolute',
  'holm',
  [],
  [1],
  [1, 2],
  [0, 1],
  {},
  { key: 'a' },
];
const FIELDS = [
  'metric',
  'variants',
  'engine',
  'difference',
  'alpha',
  'sequential',
  'weights',
  'correction',
  'cuped',
  'other',
];
const VARIANT_FIELDS = [
  'key',
  'users',
  'sum',
  'sumSquares',
  'preSum',
  'preSumSquares',
  'sumProduct',
  'numSum',
  'numSumSquares',
  'denSum',
  'denSumSquares',
  'numDenSum',
];

/** One to three random edits: a field set to an odd value or removed, a variant dropped or copied. */
function mutate(random: () => number, start: Record<string, unknown>): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const request = structuredClone(start);
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
    const variants = Array.isArray(request.variants) ? (request.variants as Record<string, unknown>[]) : [];
    const variant = variants.length > 0 ? pick(variants) : undefined;
    const roll = random();
    const target = roll < 0.6 && typeof variant === 'object' && variant !== null ? variant : request;
    const field = roll < 0.6 ? pick(VARIANT_FIELDS) : pick(FIELDS);
    if (roll < 0.85) {
      const value = pick(ODD_VALUES);
      if (value === undefined && random() < 0.5) delete target[field];
      else target[field] = value;
    } else if (roll < 0.9) variants.pop();
    else if (roll < 0.95 && variant) variants.push({ ...variant });
    else if (typeof target.users === 'number') target.users += Math.floor(random() * 3) - 1;
  }
  return request;
}

describe('isAnalyzeRequest agrees with ZAnalyzeRequest', { timeout: 60_000 }, () => {
  it('accepts every valid request, and analyze answers the same on it as on the parsed one', () => {
    for (const request of STARTS) {
      expect(isAnalyzeRequest(request)).toBe(true);
      expect(analyze(request as never)).toEqual(analyze(ZAnalyzeRequest.parse(request)));
    }
  });

  it('on 20,000 seeded mutations, valid and invalid alike', () => {
    const random = mulberry32(15);
    let refused = 0;
    for (let i = 0; i < 20_000; i++) {
      const input = mutate(random, STARTS[i % STARTS.length] as Record<string, unknown>);
      const zod = ZAnalyzeRequest.safeParse(input).success;
      if (isAnalyzeRequest(input) !== zod) expect.fail(`verdicts differ (zod: ${zod}) on ${JSON.stringify(input)}`);
      if (!zod) refused++;
    }
    // Both verdicts occur often, so the agreement says something about each.
    expect(refused).toBeGreaterThan(5_000);
    expect(refused).toBeLessThan(19_000);
  });

  it('refuses what is not a request object at all', () => {
    for (const value of [null, undefined, 1, 'request', [], [STARTS[0]]]) {
      expect(isAnalyzeRequest(value)).toBe(false);
      expect(ZAnalyzeRequest.safeParse(value).success).toBe(false);
    }
  });
});
