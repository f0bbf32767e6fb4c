import { type NormalPrior, priorFromLowerRung } from '../ladder/prior';
import type { SnapshotEstimates } from './columns';

/** The newest snapshot of the rung below, as the prior reads it. */
export interface LowerRungSnapshot {
  experimentKey: string;
  winner: string | null;
  analysis: SnapshotEstimates;
}

/**
 * The lower rung's winning treatment as an informative prior (README, "Evidence carries over"); none when
 * that rung has no winner, or the winner has no estimate or a zero se.
 */
export function carriedPrior(
  lower: LowerRungSnapshot | null,
  discount: number,
): (NormalPrior & { variant: string; from: string }) | null {
  const winner = lower?.analysis.variants.slice(1).find((v) => v.key === lower.winner);
  if (!lower || !winner || winner.estimate == null || !winner.se) return null;
  return {
    ...priorFromLowerRung({ estimate: winner.estimate, se: winner.se }, discount),
    variant: winner.key,
    from: lower.experimentKey,
  };
}
