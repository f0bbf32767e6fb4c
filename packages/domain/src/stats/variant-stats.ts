import { z } from 'zod';
import { expected } from './messages';

const count = z.number(expected('must be a number')).int('must be a whole number').min(0, 'must be ≥ 0');
export const finite = z.number(expected('must be a number'));
const nonNegative = finite.min(0, 'must be ≥ 0');

/**
 * Sufficient statistics of one variant. binomial: sum = converted units; mean: Σx and Σx²;
 * ratio: Σ of the numerator and the denominator per unit, their squares and cross product (GrowthBook's
 * ratio statistics); `sum` is only for binomial and mean metrics.
 */
export const ZVariantStats = z.object({
  key: z.string(expected('must be a string')).min(1, 'is required'),
  users: count,
  sum: finite.optional(),
  sumSquares: nonNegative.optional(),
  /** CUPED (binomial or mean): Σx_pre, Σx_pre², Σx·x_pre over the same units. */
  preSum: finite.optional(),
  preSumSquares: nonNegative.optional(),
  sumProduct: finite.optional(),
  /** Ratio: Σm, Σm², Σd, Σd², Σm·d over the units (m numerator, d denominator of each unit). */
  numSum: finite.optional(),
  numSumSquares: nonNegative.optional(),
  denSum: finite.optional(),
  denSumSquares: nonNegative.optional(),
  numDenSum: finite.optional(),
});
export type VariantStats = z.output<typeof ZVariantStats>;
