import { z } from 'zod';
import { expected } from './messages';

const count = z.number(expected('must be a number')).int('must be a whole number').min(0, 'must be ≥ 0');
const finite = z.number(expected('must be a number'));
const nonNegative = finite.min(0, 'must be ≥ 0');

/** Sufficient statistics of one variant (binomial: sum = converted units; mean: Σx and Σx²). */
export const ZVariantStats = z.object({
  key: z.string(expected('must be a string')).min(1, 'is required'),
  users: count,
  sum: finite,
  sumSquares: nonNegative.optional(),
  /** CUPED: Σx_pre, Σx_pre², Σx·x_pre over the same units. */
  preSum: finite.optional(),
  preSumSquares: nonNegative.optional(),
  sumProduct: finite.optional(),
});
export type VariantStats = z.output<typeof ZVariantStats>;

/** Defaults of the optional request fields, applied by `analyze` itself so in-process callers may skip zod. */
export const ANALYZE_DEFAULTS = {
  engine: 'frequentist',
  difference: 'relative',
  alpha: 0.05,
  sequential: null,
  correction: 'none',
  cuped: false,
} as const;

// Σx² can sit a rounding error below (Σx)²/n when every value is equal; more than that is impossible data.
const squaresTooSmall = (squares: number, sum: number, users: number) =>
  users > 0 && squares < (sum * sum) / users - 1e-9 * Math.max(1, squares);

export const ZAnalyzeRequest = z
  .object(
    {
      metric: z.enum(['binomial', 'mean'], expected('must be "binomial" or "mean"')),
      variants: z
        .array(ZVariantStats, expected('must be an array of variants'))
        // refine, not min: zod runs length checks on anything with a length, so a string would get two lines.
        .refine((list) => list.length >= 2, 'needs at least 2 variants (the first is the control)'),
      engine: z.enum(['frequentist', 'bayesian'], expected('must be "frequentist" or "bayesian"')).optional(),
      difference: z.enum(['relative', 'absolute'], expected('must be "relative" or "absolute"')).optional(),
      alpha: finite.gt(0, 'must be > 0 and ≤ 0.5').max(0.5, 'must be > 0 and ≤ 0.5').optional(),
      /** N*, the confidence sequence's tuning parameter (the sample size where it is tightest). */
      sequential: finite.gt(0, 'must be > 0 (the tuning sample size N*)').nullable().optional(),
      weights: z.array(finite.gt(0, 'must be > 0'), expected('must be an array of numbers')).optional(),
      correction: z.enum(['none', 'holm', 'bh'], expected('must be "none", "holm" or "bh"')).optional(),
      cuped: z.boolean(expected('must be true or false')).optional(),
    },
    expected('must be a request object ({ metric, variants, ... })'),
  )
  .check((ctx) => {
    const { metric, variants, weights, cuped } = ctx.value;
    const issue = (path: (string | number)[], message: string) =>
      ctx.issues.push({ code: 'custom', input: ctx.value, path, message });
    const keys = new Set<string>();
    variants.forEach((v, i) => {
      if (keys.has(v.key)) issue(['variants', i, 'key'], `duplicate key "${v.key}"`);
      keys.add(v.key);
      // A bad users count is already reported; comparing sums against it would only add noise.
      const usersValid = Number.isInteger(v.users) && v.users >= 0;
      if (metric === 'binomial') {
        if (!Number.isInteger(v.sum) || v.sum < 0)
          issue(['variants', i, 'sum'], 'conversions (sum) must be a whole number ≥ 0');
        else if (usersValid && v.sum > v.users) issue(['variants', i, 'sum'], 'conversions (sum) cannot exceed users');
      } else if (v.sumSquares === undefined) {
        issue(['variants', i, 'sumSquares'], 'is required for a mean metric');
      } else if (usersValid && v.users === 0 && (v.sum !== 0 || v.sumSquares !== 0)) {
        issue(['variants', i, 'sum'], 'sum and sumSquares must be 0 when users is 0');
      } else if (usersValid && squaresTooSmall(v.sumSquares, v.sum, v.users)) {
        issue(['variants', i, 'sumSquares'], 'cannot be below sum²/users');
      }
      if (!cuped) return;
      for (const field of ['preSum', 'preSumSquares', 'sumProduct'] as const) {
        if (v[field] === undefined) issue(['variants', i, field], 'is required when cuped is true');
      }
      if (
        v.preSum !== undefined &&
        v.preSumSquares !== undefined &&
        squaresTooSmall(v.preSumSquares, v.preSum, v.users)
      ) {
        issue(['variants', i, 'preSumSquares'], 'cannot be below preSum²/users');
      }
    });
    if (cuped && metric !== 'mean') issue(['cuped'], 'needs metric "mean" (pre-period covariates of a mean metric)');
    if (weights && weights.length !== variants.length) {
      issue(['weights'], `needs one weight per variant (${variants.length}), got ${weights.length}`);
    }
  });
export type AnalyzeRequest = z.output<typeof ZAnalyzeRequest>;
