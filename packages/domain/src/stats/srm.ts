import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import ncdf from '@stdlib/stats-base-dists-normal-cdf';
import type { SrmResult } from './types';

type Counted = { users: number };

/** Below this p the split is treated as broken (GrowthBook's default SRM threshold). */
export const SRM_THRESHOLD = 0.001;

/**
 * Sample ratio mismatch: Pearson χ² goodness of fit of the users against the expected split
 * (χ² = Σ (o − e)²/e, df = k − 1; Pearson 1900, as in GrowthBook's SRM check). Equal weights by default.
 */
export function srmTest(users: readonly Counted[], weights?: readonly number[]): SrmResult {
  const k = users.length;
  if (k === 2 && weights === undefined) return evenSplitOfTwo((users[0] as Counted).users, (users[1] as Counted).users);
  let total = 0;
  let weightTotal = 0;
  for (let i = 0; i < k; i++) {
    total += (users[i] as Counted).users;
    weightTotal += weights ? (weights[i] as number) : 1;
  }
  // No traffic at all cannot mismatch anything; callers get the "fewer than 2 users" warnings instead.
  if (total === 0) return { chiSquare: 0, pValue: 1, flagged: false };
  let chiSquare = 0;
  for (let i = 0; i < k; i++) {
    const expected = (total * (weights ? (weights[i] as number) : 1)) / weightTotal;
    const gap = (users[i] as Counted).users - expected;
    chiSquare += (gap * gap) / expected;
  }
  return withPValue(chiSquare, k - 1);
}

/** The common case without loops: with e = (a + b)/2, Σ (o − e)²/e reduces to (a − b)²/(a + b). */
function evenSplitOfTwo(a: number, b: number): SrmResult {
  const total = a + b;
  return total === 0 ? { chiSquare: 0, pValue: 1, flagged: false } : withPValue(((a - b) * (a - b)) / total, 1);
}

function withPValue(chiSquare: number, df: number): SrmResult {
  // df = 1: χ²₁ is Z², so P(χ²₁ > x) = 2·Φ(−√x) exactly, at a fraction of the incomplete gamma's cost and
  // without the cancellation of 1 − CDF in the tail.
  const pValue = df === 1 ? 2 * ncdf(-Math.sqrt(chiSquare), 0, 1) : 1 - chisquareCdf(chiSquare, df);
  return { chiSquare, pValue, flagged: pValue < SRM_THRESHOLD };
}
