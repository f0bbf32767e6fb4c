import type { VariantStats } from '../request';

// Sufficient statistics shared by the CUPED tests (reference.test.ts, cuped-reference.test.ts, cuped.test.ts).

/** Reference test 8 (issue 3): a mean metric with its pre-period covariate, ρ ≈ 0.87. */
export const CUPED_MEAN: VariantStats[] = [
  {
    key: 'control',
    users: 800,
    sum: 17064.623,
    sumSquares: 492819.378,
    preSum: 16185.104,
    preSumSquares: 477523.323,
    sumProduct: 466427.482,
  },
  {
    key: 'treatment',
    users: 820,
    sum: 18412.291,
    sumSquares: 557563.255,
    preSum: 16733.775,
    preSumSquares: 508156.686,
    sumProduct: 510593.49,
  },
];

/** numpy draws of 0/1 pre- and post-period conversions per unit, summed; ρ ≈ 0.40. */
export const CUPED_BINOMIAL: VariantStats[] = [
  { key: 'control', users: 3000, sum: 808, preSum: 923, preSumSquares: 923, sumProduct: 487 },
  { key: 'treatment', users: 3100, sum: 927, preSum: 992, preSumSquares: 992, sumProduct: 571 },
];
