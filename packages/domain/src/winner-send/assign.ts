import { bucketOf, cumulativeWeights } from '../assignment';

/** Where a unit of a winner send falls: a variant of the test, or the remainder that waits for the winner. */
export type WinnerSendSlot = { inTest: true; index: number } | { inTest: false };

/**
 * The winner send's rule (README, "Winner sends"), stateless like plain assignment: a unit is in the test when
 * its bucket is below `testShare`, and gets the first variant whose cumulative weight exceeds
 * `bucket / testShare` (the test's buckets stretched over [0, 1)); every other unit is the remainder.
 */
export function winnerSendSlot(bucket: number, testShare: number, bounds: readonly number[]): WinnerSendSlot {
  if (!(bucket < testShare)) return { inTest: false };
  const scaled = bucket / testShare;
  for (let i = 0; i < bounds.length; i++) if (scaled < (bounds[i] as number)) return { inTest: true, index: i };
  return { inTest: true, index: bounds.length - 1 };
}

export interface WinnerSendAssignable {
  seed: string;
  variants: readonly { key: string; weight: number }[];
  testShare: number;
  /** The variant the remainder gets, once decided; null while it waits. */
  winnerVariant: string | null;
}

export type WinnerSendAnswer =
  | { variant: string; inExperiment: true; remainder: boolean; waiting?: undefined }
  | { variant: null; inExperiment: true; remainder: true; waiting: true };

/** A unit's answer in a winner send: its test variant, the winner once decided, or `waiting` before. */
export function assignWinnerSend(e: WinnerSendAssignable, unit: string): WinnerSendAnswer {
  const bounds = cumulativeWeights(e.variants.map((v) => v.weight));
  const slot = winnerSendSlot(bucketOf(e.seed, unit), e.testShare, bounds);
  if (slot.inTest) return { variant: e.variants[slot.index]?.key as string, inExperiment: true, remainder: false };
  if (e.winnerVariant === null) return { variant: null, inExperiment: true, remainder: true, waiting: true };
  return { variant: e.winnerVariant, inExperiment: true, remainder: true };
}

/**
 * An exposure of a winner send (ingestion): a test unit keeps its declared or assigned variant; a remainder
 * unit is refused before the decision (nothing should have been sent to it) and gets the winner after it.
 */
export function winnerSendExposure(
  e: WinnerSendAssignable & { key: string },
  unit: string,
  declared: string | undefined,
): { variant: string; remainder: boolean } | { field: 'unit' | 'variant'; message: string } {
  const answer = assignWinnerSend(e, unit);
  if (!answer.remainder) return { variant: declared ?? answer.variant, remainder: false };
  if (answer.waiting) {
    return {
      field: 'unit',
      message: `is in the remainder of winner send "${e.key}", which waits for its decision: send it nothing until /v1/assign gives it the winner`,
    };
  }
  if (declared !== undefined && declared !== answer.variant) {
    return {
      field: 'variant',
      message: `"${declared}" is not what the remainder of "${e.key}" gets: its winner is "${answer.variant}"`,
    };
  }
  return { variant: answer.variant, remainder: true };
}
