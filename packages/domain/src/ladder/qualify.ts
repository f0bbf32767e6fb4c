import type { ExperimentDecision } from '../decision';
import type { AnalyzeResult, TreatmentResult } from '../stats/types';
import type { RungPolicy } from './policy';

export interface Qualification {
  qualifies: boolean;
  /** Why not, one sentence each (empty when it qualifies). */
  reasons: string[];
  /** The winning treatment's result, when there is one. */
  winner: TreatmentResult | null;
}

/**
 * Whether a decided experiment lets its offer climb: a WIN on the primary metric (which already excludes SRM
 * and guardrail harm), at least `minUnits` units, and when set, the lower bound of the winner's relative lift
 * above `minLowerBound`.
 */
export function qualifiesForPromotion(
  result: { decision: ExperimentDecision; analysis: AnalyzeResult; users: number },
  policy: RungPolicy,
): Qualification {
  const reasons: string[] = [];
  const winner =
    (result.analysis.variants.slice(1) as TreatmentResult[]).find((v) => v.key === result.decision.winner) ?? null;
  if (result.decision.outcome !== 'WIN') reasons.push(`the decision is ${result.decision.outcome}, not WIN`);
  if (result.analysis.srm.flagged) reasons.push('the traffic split is broken (sample ratio mismatch)');
  if (result.users < policy.minUnits) {
    reasons.push(
      `${result.users.toLocaleString('en')} units is below the ${policy.minUnits.toLocaleString('en')} required`,
    );
  }
  if (policy.minLowerBound !== null && winner) {
    const lower = winner.ci?.[0] ?? Number.NEGATIVE_INFINITY;
    if (!(lower > policy.minLowerBound)) {
      reasons.push(
        `the lift's lower bound (${pct(lower)}) does not clear the practical threshold of ${pct(policy.minLowerBound)}`,
      );
    }
  }
  return { qualifies: reasons.length === 0, reasons, winner };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'unknown');
