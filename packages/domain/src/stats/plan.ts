import { z } from 'zod';
import { expected } from './messages';
import { type Baseline, liftPower, minimumDetectableLift, usersForPower } from './power';

const finite = z.number(expected('must be a number'));

export const ZPlanRequest = z
  .object({
    metric: z.enum(['binomial', 'mean'], expected('must be "binomial" or "mean"')),
    /** Baseline mean: a conversion rate for binomial, the mean per user for mean. */
    baseline: finite,
    /** Per-user variance of a mean metric (binomial derives it from the baseline). */
    variance: finite.gt(0, 'must be > 0').optional(),
    /** Relative lift to detect, e.g. 0.05 for +5%. */
    lift: finite
      .gt(-1, 'must be > −1 (a relative lift)')
      .refine((l) => l !== 0, 'must not be 0')
      .optional(),
    alpha: finite.gt(0, 'must be > 0 and ≤ 0.5').max(0.5, 'must be > 0 and ≤ 0.5').optional(),
    power: finite
      .min(0.5, 'must be ≥ 0.5 and < 1 (a target power)')
      .lt(1, 'must be ≥ 0.5 and < 1 (a target power)')
      .optional(),
    variations: z.number(expected('must be a number')).int('must be a whole number').min(2, 'must be ≥ 2').optional(),
    totalUsers: z.number(expected('must be a number')).int('must be a whole number').min(1, 'must be ≥ 1').optional(),
    usersPerDay: finite.gt(0, 'must be > 0').optional(),
  })
  .check((ctx) => {
    const { metric, baseline, variance, lift, totalUsers } = ctx.value;
    const issue = (path: string, message: string) =>
      ctx.issues.push({ code: 'custom', input: ctx.value, path: [path], message });
    if (metric === 'binomial') {
      if (!(baseline > 0 && baseline < 1)) issue('baseline', 'must be a conversion rate between 0 and 1 (exclusive)');
      if (variance !== undefined)
        issue('variance', 'is not used for a binomial metric (it is baseline·(1 − baseline))');
    } else {
      if (baseline === 0) issue('baseline', 'must not be 0 (lifts are relative to it)');
      if (variance === undefined) issue('variance', 'is required for a mean metric');
    }
    if (lift === undefined && totalUsers === undefined)
      issue('lift', 'give lift (to size the test) or totalUsers (to get its power and MDE)');
  });
export type PlanRequest = z.output<typeof ZPlanRequest>;

export interface PlanResult {
  /** Exact totalUsers / variations when totalUsers was given; else the smallest whole number reaching the power. */
  usersPerVariation: number;
  totalUsers: number;
  /** Power at `lift` for this size; null when no lift was given. */
  power: number | null;
  /** Smallest positive relative lift detectable at the target power; null when none is. */
  mde: number | null;
  /** Whole days to reach totalUsers; only when usersPerDay was given. */
  days?: number;
}

export const PLAN_DEFAULTS = { alpha: 0.05, power: 0.8, variations: 2 } as const;

/** Fills in whatever the request left out: the sample size for a lift, or the power and MDE of a size. */
export function plan(request: PlanRequest): PlanResult {
  const alpha = request.alpha ?? PLAN_DEFAULTS.alpha;
  const target = request.power ?? PLAN_DEFAULTS.power;
  const k = request.variations ?? PLAN_DEFAULTS.variations;
  const base: Baseline = {
    mean: request.baseline,
    variance: request.metric === 'binomial' ? request.baseline * (1 - request.baseline) : (request.variance as number),
  };
  const { lift } = request;
  let usersPerVariation: number;
  let totalUsers: number;
  if (request.totalUsers !== undefined) {
    totalUsers = request.totalUsers;
    usersPerVariation = totalUsers / k;
  } else {
    usersPerVariation = usersForPower(base, lift as number, alpha, target);
    totalUsers = usersPerVariation * k;
  }
  const result: PlanResult = {
    usersPerVariation,
    totalUsers,
    power: lift === undefined ? null : liftPower(base, lift, usersPerVariation, alpha),
    mde: minimumDetectableLift(base, usersPerVariation, alpha, target),
  };
  if (request.usersPerDay !== undefined) result.days = Math.ceil(totalUsers / request.usersPerDay);
  return result;
}
