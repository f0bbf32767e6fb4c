import type { ExperimentDecision } from '../decision';
import type { LocationAnalysis } from './did';

/** Post-period weeks a location test runs before an undecided result is called INCONCLUSIVE. */
export const LOCATION_TEST_WEEKS = 8;

/**
 * Decision rules of a location test (README): NO_DATA without statistics (fewer than 2 locations per group with
 * pre- and post-period weeks); WIN / LOSS as soon as the difference-in-differences is significant; otherwise
 * KEEP_RUNNING until `plannedWeeks` post-period weeks, then INCONCLUSIVE.
 */
export function decideLocationTest(
  analysis: LocationAnalysis,
  postWeeks: number,
  plannedWeeks = LOCATION_TEST_WEEKS,
): ExperimentDecision {
  if (analysis.estimate === null || analysis.pValue === null) {
    return { outcome: 'NO_DATA', reason: analysis.warnings[0] ?? 'Not enough locations with sales yet.', winner: null };
  }
  const lift = `${analysis.estimate >= 0 ? '+' : ''}${analysis.estimate.toFixed(1)} weekly sales per location`;
  if (analysis.significant && analysis.estimate > 0) {
    return {
      outcome: 'WIN',
      reason: `Treated locations outsell the holdout: ${lift} (p = ${analysis.pValue.toPrecision(2)}).`,
      winner: 'treatment',
    };
  }
  if (analysis.significant && analysis.estimate < 0) {
    return {
      outcome: 'LOSS',
      reason: `Treated locations sell less than the holdout: ${lift} (p = ${analysis.pValue.toPrecision(2)}).`,
      winner: null,
    };
  }
  if (postWeeks < plannedWeeks) {
    return {
      outcome: 'KEEP_RUNNING',
      reason: `${postWeeks} of ${plannedWeeks} planned weeks so far (${lift}).`,
      winner: null,
    };
  }
  return {
    outcome: 'INCONCLUSIVE',
    reason: `After ${postWeeks} weeks no clear difference from the holdout (${lift}).`,
    winner: null,
  };
}
