import { z } from 'zod';
import { expected } from './messages';
import { countProblem, ratioProblems, squaresTooSmall } from './variant-problems';
import { finite, ZVariantStats } from './variant-stats';

export { ANALYZE_DEFAULTS } from './analyze-defaults';
export { type VariantStats, ZVariantStats } from './variant-stats';

export const ZAnalyzeRequest = z
  .object(
    {
      metric: z.enum(['binomial', 'mean', 'ratio'], expected('must be "binomial", "mean" or "ratio"')),
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
      if (metric === 'ratio') {
        for (const [field, message] of ratioProblems(v, usersValid)) issue(['variants', i, field], message);
      } else {
        const problem = countProblem(metric, v, usersValid);
        if (problem) issue(['variants', i, problem[0]], problem[1]);
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
    if (cuped && metric === 'ratio') {
      issue(['cuped'], 'needs metric "binomial" or "mean" (CUPED of ratio metrics is not supported)');
    }
    if (weights && weights.length !== variants.length) {
      issue(['weights'], `needs one weight per variant (${variants.length}), got ${weights.length}`);
    }
  });
export type AnalyzeRequest = z.output<typeof ZAnalyzeRequest>;
