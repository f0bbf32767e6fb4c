import { MIN_TESTS_TO_CALIBRATE } from './shrinkage';

/** Bucket edges of the reliability diagram: [0, 0.2), [0.2, 0.4), …, [0.8, 1] (the last one closed). */
export const CONFIDENCE_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1] as const;

export interface ReliabilityBucket {
  from: number;
  to: number;
  n: number;
  wins: number;
}

export interface ForecastOutcome {
  /** The author's confidence c at approval, in [0, 1]. */
  confidence: number;
  won: boolean;
}

/** Completed tests bucketed by the author's confidence against their wins (a reliability diagram, Wilks 2011 §8.4.4). */
export function reliabilityBuckets(tests: readonly ForecastOutcome[]): ReliabilityBucket[] {
  const buckets = CONFIDENCE_EDGES.slice(0, -1).map((from, i) => ({
    from,
    to: CONFIDENCE_EDGES[i + 1] as number,
    n: 0,
    wins: 0,
  }));
  for (const { confidence, won } of tests) {
    // Compare with the edges themselves: confidence / 0.2 would put 0.6 (2.999…) in [0.4, 0.6).
    const bucket = buckets.findLast((b) => confidence >= b.from) ?? buckets[0];
    if (!bucket) continue;
    bucket.n += 1;
    if (won) bucket.wins += 1;
  }
  return buckets;
}

/** Brier score mean((c − won)²), won = 1 for WIN else 0 (Brier 1950, Monthly Weather Review 78:1–3); null when empty. */
export function brierScore(tests: readonly ForecastOutcome[]): number | null {
  if (tests.length === 0) return null;
  const sum = tests.reduce((total, { confidence, won }) => total + (confidence - (won ? 1 : 0)) ** 2, 0);
  return sum / tests.length;
}

export interface LiftPair {
  /** The shrunk measured lift x̃ᵢ. */
  shrunk: number;
  /** The author's expected lift lᵢ. */
  predicted: number;
}

/** Realised over predicted lift Σx̃ᵢ/Σlᵢ (issue 12, "lift calibration"); null ("not enough data") when k < 5 or Σl ≤ 0. */
export function liftRatio(tests: readonly LiftPair[]): number | null {
  if (tests.length < MIN_TESTS_TO_CALIBRATE) return null;
  const predicted = tests.reduce((sum, test) => sum + test.predicted, 0);
  if (predicted <= 0) return null;
  return tests.reduce((sum, test) => sum + test.shrunk, 0) / predicted;
}
