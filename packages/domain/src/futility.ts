import type { TreatmentResult } from './stats/types';

/**
 * Futility for a sequential test: every treatment's always-valid confidence sequence lies inside ± the minimum
 * worthwhile lift, so no effect worth having remains plausible and the channel's traffic can go elsewhere. The
 * sequence covers the true effect at every look with probability ≥ 1 − α (Waudby-Smith et al. 2021), so this
 * stop wrongly drops an effect of at least the bound at most α of the time; it only ever ends a test
 * INCONCLUSIVE, so it cannot add a false WIN or LOSS.
 */
export function futile(treatments: TreatmentResult[], minLift: number | null): boolean {
  if (minLift === null || !(minLift > 0) || treatments.length === 0) return false;
  return treatments.every((t) => t.ci !== null && t.ci[0] > -minLift && t.ci[1] < minLift);
}

export const futilityReason = (minLift: number) =>
  `Every treatment's confidence sequence lies within ±${+(minLift * 100).toPrecision(4)}% (the minimum worthwhile lift): no effect worth having, so the test stops early and frees the channel's traffic.`;
