import { DomainError } from './errors';
import { plan } from './stats/plan';

/**
 * The sample size `plan` gives for a hypothesis' baseline rate and expected lift at 80% power: the default
 * `plannedUsers` of a new experiment and the form's suggestion. No lift, or a baseline outside (0, 1), gives
 * nothing to plan from.
 */
export function plannedUsersFor(
  hypothesis: { baselineRate: number; expectedLift: number },
  alpha: number,
  variations: number,
): number {
  const { baselineRate, expectedLift } = hypothesis;
  if (expectedLift === 0 || !(baselineRate > 0 && baselineRate < 1)) {
    throw new DomainError(
      'BAD_INPUT',
      'is required: the hypothesis gives no expected lift to plan a sample size from',
      'plannedUsers',
    );
  }
  return plan({ metric: 'binomial', baseline: baselineRate, lift: expectedLift, alpha, variations }).totalUsers;
}

/**
 * The users CUPED needs for the planned power: the variance of the adjusted metric is (1 − ρ²) times the raw one
 * (Deng et al. 2013, CUPED, section 3), so plannedUsers × (1 − ρ²) users give it, ρ the observed correlation of
 * the metric with its pre-period covariate. At least 2 (a comparison needs them), never more than planned.
 */
export function cupedPlannedUsers(plannedUsers: number, correlation: number): number {
  return Math.max(2, Math.min(plannedUsers, Math.ceil(plannedUsers * (1 - correlation * correlation))));
}
