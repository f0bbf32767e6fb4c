import type { ExperimentDecision } from '../decision';
import type { LocationAnalysis } from './did';
import { LOCATION_ANALYSIS_DEFAULTS } from './did-input';
import type { SequentialLook } from './sequential-look';

/** Post-period weeks a location test runs before an undecided result is called INCONCLUSIVE. */
export const LOCATION_TEST_WEEKS = LOCATION_ANALYSIS_DEFAULTS.plannedWeeks;

/**
 * Decision rules of a location test (README, "Location tests"): NO_DATA without statistics (fewer than 2 locations
 * per group with pre- and post-period weeks); WIN / LOSS only when the DiD's z crosses this look's group-sequential
 * boundary; otherwise KEEP_RUNNING until the last planned look, then INCONCLUSIVE. `previousLook` is the look the
 * last evaluation already held against its boundary: data that adds no week (a corrected upload) is no new look,
 * so it may not call WIN or LOSS — looking twice at one boundary would spend α twice.
 */
export function decideLocationTest(
  analysis: LocationAnalysis,
  sequential: SequentialLook,
  previousLook: number | null = null,
): ExperimentDecision {
  if (analysis.estimate === null || sequential.z === null) {
    return { outcome: 'NO_DATA', reason: analysis.warnings[0] ?? 'Not enough locations with sales yet.', winner: null };
  }
  const { look, plannedWeeks, boundary, z } = sequential;
  const lift = `${analysis.estimate >= 0 ? '+' : ''}${analysis.estimate.toFixed(1)} weekly sales per location`;
  const against = `|z| = ${Math.abs(z).toFixed(2)} against ${boundary.toFixed(2)} at week ${look} of ${plannedWeeks}`;
  const newLook = previousLook === null || look > previousLook;
  if (sequential.crossed && newLook) {
    return z > 0
      ? { outcome: 'WIN', reason: `Treated locations outsell the holdout: ${lift} (${against}).`, winner: 'treatment' }
      : {
          outcome: 'LOSS',
          reason: `Treated locations sell less than the holdout: ${lift} (${against}).`,
          winner: null,
        };
  }
  if (look >= plannedWeeks) {
    return {
      outcome: 'INCONCLUSIVE',
      reason: `After ${look} weeks no clear difference from the holdout: ${lift} (${against}).`,
      winner: null,
    };
  }
  const reason = newLook
    ? `${look} of ${plannedWeeks} planned weeks so far: ${lift} (${against}).`
    : `No new week since week ${previousLook}; the next decision comes with week ${look + 1} (${lift}).`;
  return { outcome: 'KEEP_RUNNING', reason, winner: null };
}
